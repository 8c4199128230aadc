package io.ferry.connect.config;

import java.util.List;
import java.util.Map;

import io.ferry.connect.plugins.PluginKindMismatchException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.Width;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/**
 * A connector's definition with the settings of each transformation and predicate it names added:
 * {@code transforms.<alias>.type}, {@code .plugin.version}, {@code .predicate}, {@code .negate} and the
 * transformation's own settings under {@code transforms.<alias>.}; {@code predicates.<alias>.type}, {@code
 * .plugin.version} and the predicate's own settings under {@code predicates.<alias>.} — as Apache Kafka Connect
 * shows them in validation. A plugin's own settings are those of the copy the connector would run ({@link
 * Plugins#pluginClassFor}); its version setting defaults to that copy's version and recommends every installed one.
 */
public final class EnrichedConnectorConfig {
    public static final String TYPE = "type";
    public static final String PREDICATE = "predicate";
    public static final String NEGATE = "negate";
    public static final String VERSION = WorkerConfig.PLUGIN_VERSION_SUFFIX;

    private EnrichedConnectorConfig() {
    }

    /**
     * The base definition enriched for the aliases in {@code props}.
     *
     * @param connectorClass the connector's class, whose packaged copies are used when unpinned; null to use the latest
     * @throws ConfigException naming the key, when an alias has no type or its type is not a plugin of the right kind
     */
    public static ConfigDef enrich(ConfigDef base, Map<String, String> props, Plugins plugins, Class<?> connectorClass) {
        ConfigDef enriched = new ConfigDef(base);
        List<String> predicates = aliases(props.get(ConnectorConfig.PREDICATES));
        int order = 0;
        for (String alias : aliases(props.get(ConnectorConfig.TRANSFORMS))) {
            String prefix = ConnectorConfig.TRANSFORMS + "." + alias + ".";
            String group = "Transforms: " + alias;
            Class<?> type = pluginType(props, prefix, PluginType.TRANSFORMATION, plugins, connectorClass);
            enriched.define(prefix + TYPE, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Class for the '" + alias + "' transformation.", group, ++order, Width.LONG, "Transformation type for " + alias);
            defineVersion(enriched, prefix, type, PluginType.TRANSFORMATION, "transformation", group, ++order, plugins);
            enriched.define(prefix + PREDICATE, Type.STRING, null, predicateAlias(predicates), Importance.MEDIUM,
                    "The alias of a predicate: the transformation applies only to records it matches.", group, ++order, Width.LONG,
                    "Predicate");
            enriched.define(prefix + NEGATE, Type.BOOLEAN, false, Importance.MEDIUM,
                    "Apply the transformation to records the predicate does not match instead.", group, ++order, Width.SHORT, "Negate");
            addAll(enriched, prefix, group, pluginConfig(type, plugins));
        }
        for (String alias : predicates) {
            String prefix = ConnectorConfig.PREDICATES + "." + alias + ".";
            String group = "Predicates: " + alias;
            Class<?> type = pluginType(props, prefix, PluginType.PREDICATE, plugins, connectorClass);
            enriched.define(prefix + TYPE, Type.CLASS, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Class for the '" + alias + "' predicate.", group, ++order, Width.LONG, "Predicate type for " + alias);
            defineVersion(enriched, prefix, type, PluginType.PREDICATE, "predicate", group, ++order, plugins);
            addAll(enriched, prefix, group, pluginConfig(type, plugins));
        }
        return enriched;
    }

    /** The aliases of a {@code transforms} or {@code predicates} value, in order. */
    public static List<String> aliases(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.trim().split("\\s*,\\s*"));
    }

    /** The class of the alias's plugin, in the version its {@code plugin.version} asks for. */
    private static Class<?> pluginType(Map<String, String> props, String prefix, PluginType kind, Plugins plugins,
            Class<?> connectorClass) {
        String key = prefix + TYPE;
        String className = props.get(key);
        if (className == null || className.isBlank()) {
            throw new ConfigException(key, className, "Missing required configuration \"" + key + "\" which has no default value.");
        }
        VersionRequirement version = VersionRequirement.of(prefix + VERSION, props.get(prefix + VERSION));
        try {
            plugins.pluginClass(className.trim(), kind);
        } catch (ConfigException e) {
            throw new ConfigException(key, className, e.getMessage());
        }
        try {
            return plugins.pluginClassFor(connectorClass, className.trim(), kind, version);
        } catch (PluginKindMismatchException e) {
            throw new ConfigException(key, className, e.getMessage());
        } catch (ConfigException e) {
            throw new ConfigException(prefix + VERSION, props.get(prefix + VERSION), e.getMessage());
        }
    }

    private static void defineVersion(ConfigDef enriched, String prefix, Class<?> type, PluginType kind, String description,
            String group, int order, Plugins plugins) {
        List<Object> installed = List.copyOf(plugins.versions(type.getName(), List.of(kind)));
        enriched.define(prefix + VERSION, Type.STRING, plugins.installedVersion(type), VersionRequirement.VALIDATOR,
                Importance.LOW, ConnectorConfig.PLUGIN_VERSION_DOC.formatted(description), group, order, Width.MEDIUM,
                "Version for " + prefix.substring(prefix.indexOf('.') + 1, prefix.length() - 1), List.of(), fixed(installed));
    }

    /** Recommends the same values whatever the other settings say. */
    public static ConfigDef.Recommender fixed(List<Object> values) {
        return new ConfigDef.Recommender() {
            @Override
            public List<Object> validValues(String name, Map<String, Object> parsedConfig) {
                return values;
            }

            @Override
            public boolean visible(String name, Map<String, Object> parsedConfig) {
                return true;
            }
        };
    }

    private static ConfigDef pluginConfig(Class<?> type, Plugins plugins) {
        Object plugin = plugins.newInstance(type);
        try {
            ConfigDef definition = plugin instanceof Transformation<?> transformation ? transformation.config()
                    : ((Predicate<?>) plugin).config();
            return definition == null ? new ConfigDef() : definition;
        } finally {
            closeQuietly(plugin);
        }
    }

    private static void addAll(ConfigDef target, String prefix, String group, ConfigDef source) {
        int order = 0;
        for (ConfigDef.ConfigKey key : source.configKeys().values()) {
            if (target.configKeys().containsKey(prefix + key.name)) {
                continue;
            }
            target.define(new ConfigDef.ConfigKey(prefix + key.name, key.type, key.defaultValue, key.validator, key.importance,
                    key.documentation, group, ++order, key.width, key.displayName, key.dependents, key.recommender, key.internalConfig));
        }
    }

    private static ConfigDef.Validator predicateAlias(List<String> predicates) {
        return new ConfigDef.Validator() {
            @Override
            public void ensureValid(String name, Object value) {
                if (value != null && !predicates.contains(value.toString())) {
                    throw new ConfigException(name, value, "The predicate '" + value + "' is not among the predicates: " + predicates);
                }
            }

            @Override
            public String toString() {
                return "an alias listed in predicates";
            }
        };
    }

    private static void closeQuietly(Object plugin) {
        if (plugin instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // A throwaway instance, made only to read its ConfigDef.
            }
        }
    }
}
