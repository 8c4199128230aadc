package io.ferry.connect.metrics;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.metrics.Metrics;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.State;

/**
 * One connector's task counts by state, in the worker's group tagged {@code connector}. Opened by
 * {@link WorkerMetrics} with the connector's first task on this worker and closed with its last.
 * Not thread-safe on its own: {@link WorkerMetrics} guards it.
 */
final class ConnectorTaskCounts implements AutoCloseable {
    static final MetricDefinition TOTAL = define("connector-total-task-count", "Tasks of the connector on this worker.");
    static final MetricDefinition RUNNING = define("connector-running-task-count", "Running tasks of the connector on this worker.");
    static final MetricDefinition PAUSED = define("connector-paused-task-count", "Paused tasks of the connector on this worker.");
    static final MetricDefinition FAILED = define("connector-failed-task-count", "Failed tasks of the connector on this worker.");
    static final MetricDefinition UNASSIGNED = define("connector-unassigned-task-count",
            "Unassigned tasks of the connector on this worker.");
    static final MetricDefinition DESTROYED = define("connector-destroyed-task-count",
            "Destroyed tasks of the connector on this worker.");
    static final MetricDefinition RESTARTING = define("connector-restarting-task-count",
            "Restarting tasks of the connector on this worker.");

    static final List<MetricDefinition> DEFINITIONS = List.of(TOTAL, RUNNING, PAUSED, FAILED, UNASSIGNED, DESTROYED, RESTARTING);

    private static final Map<MetricDefinition, State> STATE_OF = Map.of(RUNNING, State.RUNNING, PAUSED, State.PAUSED,
            FAILED, State.FAILED, UNASSIGNED, State.UNASSIGNED, DESTROYED, State.DESTROYED, RESTARTING, State.RESTARTING);

    private final MetricGroup group;
    /** Tasks of the connector registered on this worker; the group closes when it reaches 0. */
    int tasks;

    ConnectorTaskCounts(Metrics metrics, String connector, Supplier<WorkerMetrics.Counts> counts) {
        this.group = new MetricGroup(metrics, WorkerMetrics.GROUP, Scope.CONNECTOR, connector);
        group.gauge(TOTAL, () -> counts.get().taskStates(connector).values().stream().mapToLong(Integer::longValue).sum());
        for (MetricDefinition definition : DEFINITIONS.subList(1, DEFINITIONS.size())) {
            State state = STATE_OF.get(definition);
            group.gauge(definition, () -> counts.get().taskStates(connector).getOrDefault(state, 0).longValue());
        }
    }

    private static MetricDefinition define(String name, String description) {
        return new MetricDefinition(WorkerMetrics.GROUP, name, Scope.CONNECTOR, Kind.GAUGE, description);
    }

    @Override
    public void close() {
        group.close();
    }
}
