package io.ferry.connect.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;

/**
 * What a connector is and how it is: the {@code connector-metrics} group, tagged {@code connector}.
 * All values are read when a reporter asks; nothing is recorded. Thread-safe. {@link #close()}
 * removes the metrics.
 */
public final class ConnectorMetrics implements AutoCloseable {
    public static final String GROUP = "connector-metrics";

    static final MetricDefinition CONNECTOR_CLASS = define("connector-class",
            "The connector's class name.");
    static final MetricDefinition CONNECTOR_VERSION = define("connector-version",
            "The version the connector reports.");
    static final MetricDefinition CONNECTOR_TYPE = define("connector-type",
            "'source' or 'sink'.");
    static final MetricDefinition STATUS = define("status",
            "The connector's state: 'unassigned', 'running', 'paused', 'stopped', 'failed' or 'restarting'.");

    static final List<MetricDefinition> DEFINITIONS = List.of(CONNECTOR_CLASS, CONNECTOR_TYPE, CONNECTOR_VERSION, STATUS);

    /**
     * What a connector is.
     *
     * @param connectorClass   its class name
     * @param connectorVersion the version it reports; may be null
     * @param type             source or sink
     */
    public record Info(String connectorClass, String connectorVersion, ConnectorType type) {
        public Info {
            Objects.requireNonNull(connectorClass, "connectorClass");
            Objects.requireNonNull(type, "type");
        }
    }

    private final MetricGroup group;
    private final Runnable onClose;

    ConnectorMetrics(MetricGroup group, Info info, Supplier<State> status, Runnable onClose) {
        this.group = group;
        this.onClose = onClose;
        group.gauge(CONNECTOR_CLASS, info::connectorClass);
        group.gauge(CONNECTOR_VERSION, info::connectorVersion);
        group.gauge(CONNECTOR_TYPE, () -> info.type().toString());
        group.gauge(STATUS, () -> statusText(status.get()));
    }

    private static MetricDefinition define(String name, String description) {
        return new MetricDefinition(GROUP, name, Scope.CONNECTOR, Kind.TEXT, description);
    }

    /** A state as the status metrics write it: its name in lower case; null stays null. */
    static String statusText(State state) {
        return state == null ? null : state.name().toLowerCase(Locale.ROOT);
    }

    /** Removes this connector's metrics. Idempotent. */
    @Override
    public void close() {
        group.close();
        onClose.run();
    }
}
