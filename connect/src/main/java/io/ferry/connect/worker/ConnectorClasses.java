package io.ferry.connect.worker;

import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.plugins.VersionRequirement;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;

/** Finding a connector's class by class name or alias (and version), whatever its kind. */
public final class ConnectorClasses {
    private ConnectorClasses() {
    }

    /**
     * @throws PluginNotFoundException when no source or sink connector has that name
     */
    public static Class<?> find(Plugins plugins, String classOrAlias) {
        return plugins.connectorClass(classOrAlias);
    }

    /**
     * The connector class of a connector config, in the version its {@code connector.plugin.version} asks for
     * (the latest installed when unset): the class its connector and tasks run.
     *
     * @throws PluginNotFoundException when no connector has that name, or none in a version the setting accepts
     * @throws org.apache.kafka.common.config.ConfigException when the setting is no version or range
     */
    public static Class<?> find(Plugins plugins, Map<String, String> config) {
        VersionRequirement version = VersionRequirement.of(ConnectorConfig.CONNECTOR_VERSION, config.get(ConnectorConfig.CONNECTOR_VERSION));
        return plugins.connectorClass(config.get(ConnectorConfig.CONNECTOR_CLASS), version);
    }

    public static ConnectorType typeOf(Class<?> connectorClass) {
        if (SourceConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SOURCE;
        }
        if (SinkConnector.class.isAssignableFrom(connectorClass)) {
            return ConnectorType.SINK;
        }
        return ConnectorType.UNKNOWN;
    }
}
