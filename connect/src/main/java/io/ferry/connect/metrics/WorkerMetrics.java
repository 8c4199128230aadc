package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.State;

/**
 * The worker as a whole: the {@code connect-worker-metrics} group. Without tags: how many
 * connectors and tasks it runs and how their startups went. Tagged {@code connector}, for each
 * connector with at least one task on this worker: how many of its tasks are in each state.
 *
 * <p>The counts are read from a {@link Counts} when a reporter asks. Until the worker installs its
 * own with {@link #useCounts}, they are counted from the connector and task metrics registered with
 * the same {@link ConnectMetrics}. Thread-safe.
 */
public final class WorkerMetrics implements AutoCloseable {
    public static final String GROUP = "connect-worker-metrics";

    /**
     * What the worker runs now. Called by metrics reporters, possibly while the metrics registry
     * holds its lock: implementations must be quick, thread-safe and must not block.
     */
    public interface Counts {
        /** Connectors this worker runs. */
        int connectorCount();

        /** Tasks this worker runs. */
        int taskCount();

        /** How many of this worker's tasks of {@code connector} are in each state; absent states count 0. */
        Map<State, Integer> taskStates(String connector);
    }

    static final MetricDefinition CONNECTOR_COUNT = worker("connector-count", Kind.GAUGE, "Connectors this worker runs.");
    static final MetricDefinition TASK_COUNT = worker("task-count", Kind.GAUGE, "Tasks this worker runs.");
    static final MetricDefinition CONNECTOR_ATTEMPTS = worker("connector-startup-attempts-total", Kind.TOTAL,
            "Connector startups this worker attempted.");
    static final MetricDefinition CONNECTOR_SUCCESSES = worker("connector-startup-success-total", Kind.TOTAL,
            "Connector startups that succeeded.");
    static final MetricDefinition CONNECTOR_SUCCESS_SHARE = worker("connector-startup-success-percentage", Kind.FRACTION,
            "The share of this worker's connector startups that succeeded.");
    static final MetricDefinition CONNECTOR_FAILURES = worker("connector-startup-failure-total", Kind.TOTAL,
            "Connector startups that failed.");
    static final MetricDefinition CONNECTOR_FAILURE_SHARE = worker("connector-startup-failure-percentage", Kind.FRACTION,
            "The share of this worker's connector startups that failed.");
    static final MetricDefinition TASK_ATTEMPTS = worker("task-startup-attempts-total", Kind.TOTAL,
            "Task startups this worker attempted.");
    static final MetricDefinition TASK_SUCCESSES = worker("task-startup-success-total", Kind.TOTAL,
            "Task startups that succeeded.");
    static final MetricDefinition TASK_SUCCESS_SHARE = worker("task-startup-success-percentage", Kind.FRACTION,
            "The share of this worker's task startups that succeeded.");
    static final MetricDefinition TASK_FAILURES = worker("task-startup-failure-total", Kind.TOTAL,
            "Task startups that failed.");
    static final MetricDefinition TASK_FAILURE_SHARE = worker("task-startup-failure-percentage", Kind.FRACTION,
            "The share of this worker's task startups that failed.");

    static final List<MetricDefinition> DEFINITIONS = definitions();

    private final Metrics metrics;
    private final MetricGroup group;
    private final StartupSensors connectorStartups;
    private final StartupSensors taskStartups;
    private final Map<String, ConnectorTaskCounts> perConnector = new HashMap<>();
    private volatile Counts counts;

    WorkerMetrics(Metrics metrics, Counts registered) {
        this.metrics = metrics;
        this.counts = registered;
        this.group = new MetricGroup(metrics, GROUP, Scope.WORKER);
        group.gauge(CONNECTOR_COUNT, () -> (double) counts.connectorCount());
        group.gauge(TASK_COUNT, () -> (double) counts.taskCount());
        this.connectorStartups = new StartupSensors(group, "connector", CONNECTOR_ATTEMPTS, CONNECTOR_SUCCESSES,
                CONNECTOR_FAILURES, CONNECTOR_FAILURE_SHARE, CONNECTOR_SUCCESS_SHARE);
        this.taskStartups = new StartupSensors(group, "task", TASK_ATTEMPTS, TASK_SUCCESSES,
                TASK_FAILURES, TASK_FAILURE_SHARE, TASK_SUCCESS_SHARE);
    }

    private static MetricDefinition worker(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.WORKER, kind, description);
    }

    private static List<MetricDefinition> definitions() {
        List<MetricDefinition> all = new ArrayList<>(List.of(CONNECTOR_COUNT, TASK_COUNT,
                CONNECTOR_ATTEMPTS, CONNECTOR_SUCCESSES, CONNECTOR_SUCCESS_SHARE, CONNECTOR_FAILURES, CONNECTOR_FAILURE_SHARE,
                TASK_ATTEMPTS, TASK_SUCCESSES, TASK_SUCCESS_SHARE, TASK_FAILURES, TASK_FAILURE_SHARE));
        all.addAll(ConnectorTaskCounts.DEFINITIONS);
        return List.copyOf(all);
    }

    /** Reads the connector, task and per-state counts from {@code counts} from now on. */
    public void useCounts(Counts counts) {
        this.counts = Objects.requireNonNull(counts, "counts");
    }

    /** A connector startup finished, successfully or not. */
    public void recordConnectorStartup(boolean success) {
        connectorStartups.record(success);
    }

    /** A task startup finished, successfully or not. */
    public void recordTaskStartup(boolean success) {
        taskStartups.record(success);
    }

    /** A task of {@code connector} was registered: the connector's task counts appear with its first. */
    synchronized void taskAdded(String connector) {
        ConnectorTaskCounts entry = perConnector.get(connector);
        if (entry == null) {
            entry = new ConnectorTaskCounts(metrics, connector, () -> counts);
            perConnector.put(connector, entry);
        }
        entry.tasks++;
    }

    /** A task of {@code connector} was removed: the connector's task counts go with its last. */
    synchronized void taskRemoved(String connector) {
        ConnectorTaskCounts entry = perConnector.get(connector);
        if (entry != null && --entry.tasks <= 0) {
            perConnector.remove(connector);
            entry.close();
        }
    }

    /** Removes the worker's metrics, the per-connector counts included. Idempotent. */
    @Override
    public synchronized void close() {
        perConnector.values().forEach(ConnectorTaskCounts::close);
        perConnector.clear();
        group.close();
    }

    /** Attempts, successes, failures and their shares, for connector or task startups. */
    private static final class StartupSensors {
        private final Sensor attempts;
        private final Sensor successes;
        private final Sensor failures;
        private final Sensor outcomes;

        StartupSensors(MetricGroup group, String what, MetricDefinition attempts, MetricDefinition successes,
                       MetricDefinition failures, MetricDefinition failureShare, MetricDefinition successShare) {
            this.attempts = group.sensor(what + "-startup-attempts", attempts);
            this.successes = group.sensor(what + "-startup-successes", successes);
            this.failures = group.sensor(what + "-startup-failures", failures);
            this.outcomes = group.outcomeSensor(what + "-startup-results", failureShare, successShare);
        }

        void record(boolean success) {
            attempts.record(1.0);
            (success ? successes : failures).record(1.0);
            outcomes.record(success ? 1.0 : 0.0);
        }
    }
}
