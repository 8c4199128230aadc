package io.ferry.connect.config;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.LoaderSwap;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigTransformer;
import org.apache.kafka.common.config.ConfigTransformerResult;
import org.apache.kafka.common.config.provider.ConfigProvider;

/**
 * The worker's config providers ({@code config.providers=file,vault},
 * {@code config.providers.file.class=...}, {@code config.providers.file.param.*=...}) and the
 * resolution of {@code ${provider:path:key}} references in connector configs. A stored or shown
 * config keeps the references; only the running connector sees the values.
 */
public final class ConfigProviders implements AutoCloseable {
    private static final String PREFIX = "config.providers.";

    private final Map<String, ConfigProvider> providers;
    private final ConfigTransformer transformer;

    private ConfigProviders(Map<String, ConfigProvider> providers) {
        this.providers = providers;
        this.transformer = new ConfigTransformer(providers);
    }

    /**
     * Instantiates and configures the providers a worker config names.
     *
     * @throws ConfigException naming the key, when a provider has no class or cannot be made
     */
    public static ConfigProviders from(WorkerConfig worker, Plugins plugins) {
        Map<String, ConfigProvider> providers = new LinkedHashMap<>();
        Map<String, Object> originals = worker.originals();
        for (String alias : worker.getList(WorkerConfig.CONFIG_PROVIDERS)) {
            String classKey = PREFIX + alias + ".class";
            Object className = originals.get(classKey);
            if (className == null) {
                throw new ConfigException(classKey, null, "the config provider '" + alias + "' needs a class");
            }
            ConfigProvider provider = plugins.newPlugin(className.toString(), PluginType.CONFIG_PROVIDER, ConfigProvider.class);
            Map<String, Object> params = new HashMap<>();
            String paramPrefix = PREFIX + alias + ".param.";
            originals.forEach((key, value) -> {
                if (key.startsWith(paramPrefix)) {
                    params.put(key.substring(paramPrefix.length()), value);
                }
            });
            try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(provider.getClass()))) {
                provider.configure(params);
            }
            providers.put(alias, provider);
        }
        return new ConfigProviders(providers);
    }

    /** No providers: references stay as they are. */
    public static ConfigProviders none() {
        return new ConfigProviders(Map.of());
    }

    /** The config with every {@code ${provider:path:key}} replaced by its value. */
    public Map<String, String> resolve(Map<String, String> config) {
        if (providers.isEmpty()) {
            return config;
        }
        ConfigTransformerResult result = transformer.transform(config);
        return result.data();
    }

    /** How long, in ms, each key's value may be relied on, when a provider says so. */
    public Map<String, Long> ttls(Map<String, String> config) {
        return providers.isEmpty() ? Map.of() : transformer.transform(config).ttls();
    }

    @Override
    public void close() {
        for (ConfigProvider provider : providers.values()) {
            try {
                provider.close();
            } catch (Exception e) {
                // Closing a provider is best effort at shutdown.
            }
        }
    }
}
