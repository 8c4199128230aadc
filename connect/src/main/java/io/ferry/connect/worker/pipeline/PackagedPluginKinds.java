package io.ferry.connect.worker.pipeline;

import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.EnrichedConnectorConfig;
import io.ferry.connect.plugins.PluginKindMismatchException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.common.config.ConfigException;

/**
 * The check a connector's start makes of the classes its config names: a class the connector's own plugin location
 * packages under a name its converters, transformations or predicates give must be of that kind. Apache Kafka Connect
 * parses the connector's config through the connector's class loader when it starts the connector, so such a class
 * fails the connector itself, not only its tasks; Ferry's connector fails the same way.
 */
public final class PackagedPluginKinds {
    private PackagedPluginKinds() {
    }

    /**
     * @param config the connector's config, provider references resolved
     * @throws ConfigException naming the key and the class, with {@link PluginKindMismatchException} as its cause
     */
    public static void requireAll(Plugins plugins, Class<?> connectorClass, Map<String, String> config) {
        require(plugins, connectorClass, config, ConnectorConfig.KEY_CONVERTER, PluginType.CONVERTER);
        require(plugins, connectorClass, config, ConnectorConfig.VALUE_CONVERTER, PluginType.CONVERTER);
        require(plugins, connectorClass, config, ConnectorConfig.HEADER_CONVERTER, PluginType.HEADER_CONVERTER);
        for (String alias : EnrichedConnectorConfig.aliases(config.get(ConnectorConfig.TRANSFORMS))) {
            require(plugins, connectorClass, config, ConnectorConfig.TRANSFORMS + "." + alias + "." + EnrichedConnectorConfig.TYPE,
                    PluginType.TRANSFORMATION);
        }
        for (String alias : EnrichedConnectorConfig.aliases(config.get(ConnectorConfig.PREDICATES))) {
            require(plugins, connectorClass, config, ConnectorConfig.PREDICATES + "." + alias + "." + EnrichedConnectorConfig.TYPE,
                    PluginType.PREDICATE);
        }
    }

    private static void require(Plugins plugins, Class<?> connectorClass, Map<String, String> config, String key, PluginType type) {
        String className = config.get(key);
        if (className == null || className.isBlank()) {
            return;
        }
        try {
            plugins.requirePackagedKind(connectorClass, className, type);
        } catch (PluginKindMismatchException e) {
            throw TaskConverters.rejected(key, className.trim(), e.getMessage(), e);
        }
    }
}
