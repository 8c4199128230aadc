package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

/**
 * What every task does, source or sink: the {@code connector-task-metrics} group, tagged
 * {@code connector} and {@code task}, with its state, the share of time it ran or was paused,
 * its offset commits and batch sizes, and which plugins it runs. Thread-safe. {@link #close()}
 * removes the metrics, the transformation and predicate groups included.
 */
public final class TaskMetrics implements AutoCloseable {
    public static final String GROUP = "connector-task-metrics";

    static final MetricDefinition STATUS = define("status", Kind.TEXT,
            "The task's state: 'unassigned', 'running', 'paused', 'failed' or 'restarting'.");
    static final MetricDefinition RUNNING_RATIO = define("running-ratio", Kind.TIME_RATIO,
            "The share of time the task has spent running.");
    static final MetricDefinition PAUSE_RATIO = define("pause-ratio", Kind.TIME_RATIO,
            "The share of time the task has spent paused.");
    static final MetricDefinition COMMIT_TIME_MAX = define("offset-commit-max-time-ms", Kind.MAX,
            "The longest successful offset commit of the task, in milliseconds.");
    static final MetricDefinition COMMIT_TIME_AVG = define("offset-commit-avg-time-ms", Kind.AVG,
            "The average successful offset commit of the task, in milliseconds.");
    static final MetricDefinition BATCH_SIZE_MAX = define("batch-size-max", Kind.MAX,
            "The number of records in the largest batch the task processed.");
    static final MetricDefinition BATCH_SIZE_AVG = define("batch-size-avg", Kind.AVG,
            "The average number of records in the batches the task processed.");
    static final MetricDefinition COMMIT_FAILURE_SHARE = define("offset-commit-failure-percentage", Kind.FRACTION,
            "The share of the task's offset commit attempts that failed.");
    static final MetricDefinition COMMIT_SUCCESS_SHARE = define("offset-commit-success-percentage", Kind.FRACTION,
            "The share of the task's offset commit attempts that succeeded.");

    static final List<MetricDefinition> DEFINITIONS = definitions();

    /**
     * Which plugins a task runs, for the KIP-891 attributes.
     *
     * @param connector       the connector's class and version
     * @param connectorType   source or sink
     * @param task            the task's class and version
     * @param keyConverter    {@link PluginInfo#NONE} if unknown
     * @param valueConverter  {@link PluginInfo#NONE} if unknown
     * @param headerConverter {@link PluginInfo#NONE} if unknown
     * @param transforms      in the order of the {@code transforms} setting
     * @param predicates      in the order of the {@code predicates} setting
     */
    public record Info(PluginInfo connector, ConnectorType connectorType, PluginInfo task,
                       PluginInfo keyConverter, PluginInfo valueConverter, PluginInfo headerConverter,
                       List<AliasedPluginInfo> transforms, List<AliasedPluginInfo> predicates) {

        public Info {
            Objects.requireNonNull(connector, "connector");
            Objects.requireNonNull(connectorType, "connectorType");
            Objects.requireNonNull(task, "task");
            Objects.requireNonNull(keyConverter, "keyConverter");
            Objects.requireNonNull(valueConverter, "valueConverter");
            Objects.requireNonNull(headerConverter, "headerConverter");
            transforms = List.copyOf(transforms);
            predicates = List.copyOf(predicates);
        }

        /** A task with no converters known yet, no transformations and no predicates. */
        public static Info of(PluginInfo connector, ConnectorType connectorType, PluginInfo task) {
            return new Info(connector, connectorType, task, PluginInfo.NONE, PluginInfo.NONE, PluginInfo.NONE,
                    List.of(), List.of());
        }

        public Info withConverters(PluginInfo key, PluginInfo value, PluginInfo header) {
            return new Info(connector, connectorType, task, key, value, header, transforms, predicates);
        }

        public Info withTransforms(List<AliasedPluginInfo> aliased) {
            return new Info(connector, connectorType, task, keyConverter, valueConverter, headerConverter, aliased, predicates);
        }

        public Info withPredicates(List<AliasedPluginInfo> aliased) {
            return new Info(connector, connectorType, task, keyConverter, valueConverter, headerConverter, transforms, aliased);
        }
    }

    private final TaskId id;
    private final Time time;
    private final MetricGroup group;
    private final TaskPluginMetrics plugins;
    private final Runnable onClose;
    private final StateDurations states = new StateDurations();
    private final Sensor commitTime;
    private final Sensor commitOutcomes;
    private final Sensor batchSize;

    TaskMetrics(Metrics metrics, MetricGroup group, TaskId id, Info info, Time time, Runnable onClose) {
        this.id = id;
        this.time = time;
        this.group = group;
        this.onClose = onClose;
        group.gauge(STATUS, () -> ConnectorMetrics.statusText(state()));
        group.gauge(RUNNING_RATIO, () -> states.ratio(State.RUNNING, time.milliseconds()));
        group.gauge(PAUSE_RATIO, () -> states.ratio(State.PAUSED, time.milliseconds()));
        this.commitTime = group.sensor("commit-time", COMMIT_TIME_MAX, COMMIT_TIME_AVG);
        this.batchSize = group.sensor("batch-size", BATCH_SIZE_MAX, BATCH_SIZE_AVG);
        this.commitOutcomes = group.outcomeSensor("offset-commit-completion", COMMIT_FAILURE_SHARE, COMMIT_SUCCESS_SHARE);
        this.plugins = new TaskPluginMetrics(metrics, group, id, info);
    }

    private static MetricDefinition define(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.TASK, kind, description);
    }

    private static List<MetricDefinition> definitions() {
        List<MetricDefinition> all = new ArrayList<>(List.of(STATUS, RUNNING_RATIO, PAUSE_RATIO, COMMIT_TIME_MAX,
                COMMIT_TIME_AVG, BATCH_SIZE_MAX, BATCH_SIZE_AVG, COMMIT_FAILURE_SHARE, COMMIT_SUCCESS_SHARE));
        all.addAll(TaskPluginMetrics.TASK_DEFINITIONS);
        all.addAll(TaskPluginMetrics.ALIAS_DEFINITIONS);
        return List.copyOf(all);
    }

    public TaskId id() {
        return id;
    }

    /**
     * The task is now in {@code state}. The running and pause ratios count time from the first
     * call; before it the status reads {@code unassigned} and both ratios 0.
     */
    public void recordState(State state) {
        states.change(Objects.requireNonNull(state, "state"), time.milliseconds());
    }

    /** The state recorded last; {@link State#UNASSIGNED} before the first. */
    public State state() {
        State current = states.current();
        return current == null ? State.UNASSIGNED : current;
    }

    /** An offset commit succeeded after {@code durationMs}; its time counts in the commit times. */
    public void recordCommitSuccess(long durationMs) {
        commitTime.record(durationMs);
        commitOutcomes.record(1.0);
    }

    /**
     * An offset commit failed after {@code durationMs}. It counts in the failure share only: the
     * commit times describe commits that completed, as Apache Kafka Connect's do.
     */
    public void recordCommitFailure(long durationMs) {
        commitOutcomes.record(0.0);
    }

    /** The task processed a batch of {@code size} records. */
    public void recordBatch(int size) {
        batchSize.record(size);
    }

    /** Removes this task's metrics. Idempotent. */
    @Override
    public void close() {
        plugins.close();
        group.close();
        onClose.run();
    }
}
