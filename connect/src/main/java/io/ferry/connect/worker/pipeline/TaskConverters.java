package io.ferry.connect.worker.pipeline;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.ConverterConfig;
import org.apache.kafka.connect.storage.ConverterType;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * The key, value and header converters of one task: the connector's own when its config names them
 * ({@code key.converter} and its {@code key.converter.*} settings), else the worker's; each in the version its
 * {@code key.converter.plugin.version} (of the connector, or of the worker for the worker's converter) asks for.
 * Without a version, a converter the connector names is the copy packaged with the connector if there is one ({@link
 * Plugins#pluginClassFor}); in {@code latest}, the latest installed ({@link Plugins#converterOwner}); the worker's
 * converter is the latest installed unless the worker pins one — Apache Kafka Connect's rules. A converter the connector
 * names whose class, in the connector's own plugin location, is of another kind fails ({@link Plugins#requirePackagedKind}).
 */
public record TaskConverters(Converter key, Converter value, HeaderConverter header) implements AutoCloseable {
    private static final String VERSION_SUFFIX = "." + WorkerConfig.PLUGIN_VERSION_SUFFIX;

    /**
     * Makes and configures the converters of a connector's tasks.
     *
     * @throws ConfigException naming the key, when a converter cannot be found or made
     */
    public static TaskConverters of(WorkerConfig worker, Map<String, String> connector, Plugins plugins) {
        return of(worker, connector, plugins, null);
    }

    /**
     * Makes and configures the converters of a connector's tasks, those its config names seen from its class.
     *
     * @param connectorClass the class the connector runs, whose plugin location's copies of the converters its
     *                       config names are preferred when unpinned; null to prefer none
     * @throws ConfigException naming the key, when a converter cannot be found or made
     */
    public static TaskConverters of(WorkerConfig worker, Map<String, String> connector, Plugins plugins, Class<?> connectorClass) {
        Converter key = converter(ConnectorConfig.KEY_CONVERTER, worker, connector, plugins, connectorClass, true);
        Converter value = null;
        try {
            value = converter(ConnectorConfig.VALUE_CONVERTER, worker, connector, plugins, connectorClass, false);
            HeaderConverter header = headerConverter(worker, connector, plugins, connectorClass);
            return new TaskConverters(key, value, header);
        } catch (RuntimeException e) {
            // The task never starts: the converters already made (a registry client, say) would never be closed.
            closeQuietly(key);
            closeQuietly(value);
            throw e;
        }
    }

    private static Converter converter(String key, WorkerConfig worker, Map<String, String> connector, Plugins plugins,
            Class<?> connectorClass, boolean isKey) {
        Setting setting = setting(key, worker, connector);
        Converter converter = make(setting, key, plugins, connectorClass, PluginType.CONVERTER, Converter.class);
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(converter.getClass()))) {
            converter.configure(setting.settings(), isKey);
        } catch (RuntimeException e) {
            closeQuietly(converter);
            throw rejected(key, setting.className(), "the converter rejected its settings: " + e.getMessage(), e);
        }
        return converter;
    }

    private static HeaderConverter headerConverter(WorkerConfig worker, Map<String, String> connector, Plugins plugins,
            Class<?> connectorClass) {
        String key = ConnectorConfig.HEADER_CONVERTER;
        Setting setting = setting(key, worker, connector);
        HeaderConverter converter = make(setting, key, plugins, connectorClass, PluginType.HEADER_CONVERTER, HeaderConverter.class);
        Map<String, Object> settings = new HashMap<>(setting.settings());
        settings.putIfAbsent(ConverterConfig.TYPE_CONFIG, ConverterType.HEADER.getName());
        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(converter.getClass()))) {
            converter.configure(settings);
        } catch (RuntimeException e) {
            closeQuietly(converter);
            throw rejected(key, setting.className(), "the header converter rejected its settings: " + e.getMessage(), e);
        }
        return converter;
    }

    private static <T> T make(Setting setting, String key, Plugins plugins, Class<?> connectorClass, PluginType type, Class<T> as) {
        if (setting.className() == null) {
            throw new ConfigException(key, null, "Missing required configuration \"" + key + "\": set it on the worker or the connector");
        }
        VersionRequirement version = VersionRequirement.of(key + VERSION_SUFFIX, setting.version());
        try {
            if (setting.connectors()) {
                // Pinned or not, a class of that name the connector packages must be a converter, as in Apache Kafka Connect.
                plugins.requirePackagedKind(connectorClass, setting.className(), type);
            }
            // The worker's converter is the worker's: the connector's packaged copy is for the converters it names unversioned.
            Class<?> owner = setting.connectors() ? Plugins.converterOwner(connectorClass, setting.version()) : null;
            return plugins.newPluginFor(owner, setting.className(), type, version, as);
        } catch (ConfigException e) {
            throw rejected(key, setting.className(), e.getMessage(), e);
        }
    }

    /** A {@link ConfigException} naming the key, with what the plugin threw as its cause (its stack shows why). */
    static ConfigException rejected(String key, Object value, String message, Throwable cause) {
        ConfigException e = new ConfigException(key, value, message);
        e.initCause(cause);
        return e;
    }

    /**
     * Where a converter's class, version and settings come from: the connector if it names one ({@code connectors}),
     * else the worker.
     */
    private record Setting(String className, String version, Map<String, Object> settings, boolean connectors) {
    }

    private static Setting setting(String key, WorkerConfig worker, Map<String, String> connector) {
        String own = connector.get(key);
        if (own != null && !own.isBlank()) {
            Map<String, Object> settings = new HashMap<>();
            connector.forEach((name, value) -> {
                if (name.startsWith(key + ".")) {
                    settings.put(name.substring(key.length() + 1), value);
                }
            });
            settings.remove(WorkerConfig.PLUGIN_VERSION_SUFFIX);
            return new Setting(own.trim(), connector.get(key + VERSION_SUFFIX), settings, true);
        }
        Object workers = worker.originals().get(key);
        String className = workers instanceof Class<?> type ? type.getName() : workers == null ? null : workers.toString().trim();
        if (className == null && key.equals(WorkerConfig.HEADER_CONVERTER)) {
            className = worker.getClass(WorkerConfig.HEADER_CONVERTER).getName();
        }
        Map<String, Object> settings = new HashMap<>(worker.prefixed(key + "."));
        settings.remove(WorkerConfig.PLUGIN_VERSION_SUFFIX);
        return new Setting(className, worker.getString(key + VERSION_SUFFIX), settings, false);
    }

    /**
     * These converters for use from another thread than the one that converts the task's records:
     * every call holds the lock on this object, which that thread holds while it converts.
     */
    public TaskConverters locked() {
        return new TaskConverters(LockedConverters.of(key, this), LockedConverters.of(value, this), LockedConverters.of(header, this));
    }

    @Override
    public void close() {
        closeQuietly(key);
        closeQuietly(value);
        closeQuietly(header);
    }

    private static void closeQuietly(Object converter) {
        if (converter instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Converters are closed at task shutdown; a failure to close loses nothing.
            }
        }
    }
}
