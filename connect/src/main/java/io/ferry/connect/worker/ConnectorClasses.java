package io.ferry.connect.worker;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;

/** Finding a connector's class by class name or alias, whatever its kind. */
public final class ConnectorClasses {
    private ConnectorClasses() {
    }

    /**
     * @throws PluginNotFoundException when no source or sink connector has that name
     */
    public static Class<?> find(Plugins plugins, String classOrAlias) {
        return plugins.connectorClass(classOrAlias);
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
