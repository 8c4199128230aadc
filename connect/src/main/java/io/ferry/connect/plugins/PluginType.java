package io.ferry.connect.plugins;

import java.util.Locale;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.rest.ConnectRestExtension;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;

/** The kinds of plugin, with the names Apache's REST API gives them ({@code GET /connector-plugins}). */
public enum PluginType {
    SOURCE(SourceConnector.class),
    SINK(SinkConnector.class),
    CONVERTER(Converter.class),
    HEADER_CONVERTER(HeaderConverter.class),
    TRANSFORMATION(Transformation.class),
    PREDICATE(Predicate.class),
    CONFIG_PROVIDER(ConfigProvider.class),
    CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY(ConnectorClientConfigOverridePolicy.class),
    REST_EXTENSION(ConnectRestExtension.class);

    private final Class<?> superType;

    PluginType(Class<?> superType) {
        this.superType = superType;
    }

    /** The interface or class every plugin of this kind extends. */
    public Class<?> superType() {
        return superType;
    }

    /**
     * As Apache Kafka Connect writes it (REST API, messages): {@code source}, {@code header_converter}...;
     * {@code configprovider} for config providers, {@code rest_ext} for REST extensions.
     */
    public String apiName() {
        return switch (this) {
            case CONFIG_PROVIDER -> "configprovider";
            case REST_EXTENSION -> "rest_ext";
            default -> name().toLowerCase(Locale.ROOT);
        };
    }

    /** The kind of a plugin class; {@code null} when it is none. */
    public static PluginType of(Class<?> pluginClass) {
        for (PluginType type : values()) {
            if (type.superType.isAssignableFrom(pluginClass)) {
                return type;
            }
        }
        return null;
    }
}
