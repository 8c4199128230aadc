package io.ferry.connect.metrics;

import java.util.List;

import org.apache.kafka.common.metrics.Sensor;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;

/**
 * What a sink task reads, puts and commits: the {@code sink-task-metrics} group, tagged
 * {@code connector} and {@code task}. Thread-safe; offset-commit callbacks may record while the task
 * loop does. {@link #close()} removes the metrics.
 */
public final class SinkTaskMetrics implements AutoCloseable {
    public static final String GROUP = "sink-task-metrics";

    static final MetricDefinition READ_RATE = define("sink-record-read-rate", Kind.RATE,
            "Records read from Kafka per second by the task, counted before transformations.");
    static final MetricDefinition READ_TOTAL = define("sink-record-read-total", Kind.TOTAL,
            "Records read from Kafka by the task since it was (re)started, counted before transformations.");
    static final MetricDefinition SEND_RATE = define("sink-record-send-rate", Kind.RATE,
            "Records per second that came out of the transformations and were given to the task's put(); records a transformation dropped are not counted.");
    static final MetricDefinition SEND_TOTAL = define("sink-record-send-total", Kind.TOTAL,
            "Records that came out of the transformations and were given to the task's put() since it was (re)started; records a transformation dropped are not counted.");
    static final MetricDefinition ACTIVE = define("sink-record-active-count", Kind.VALUE,
            "Records read from Kafka that the task has not yet completely committed, flushed or acknowledged.");
    static final MetricDefinition ACTIVE_MAX = define("sink-record-active-count-max", Kind.MAX,
            "The most records at one time that were read from Kafka and not yet completely committed, flushed or acknowledged.");
    static final MetricDefinition ACTIVE_AVG = define("sink-record-active-count-avg", Kind.AVG,
            "The average number of records read from Kafka and not yet completely committed, flushed or acknowledged.");
    static final MetricDefinition PARTITION_COUNT = define("partition-count", Kind.VALUE,
            "The topic partitions assigned to the task.");
    static final MetricDefinition OFFSET_SEQUENCE = define("offset-commit-seq-no", Kind.VALUE,
            "The sequence number of the task's latest offset commit.");
    static final MetricDefinition COMMIT_COMPLETION_RATE = define("offset-commit-completion-rate", Kind.RATE,
            "Offset commits per second that completed successfully.");
    static final MetricDefinition COMMIT_COMPLETION_TOTAL = define("offset-commit-completion-total", Kind.TOTAL,
            "Offset commits that completed successfully.");
    static final MetricDefinition COMMIT_SKIP_RATE = define("offset-commit-skip-rate", Kind.RATE,
            "Offset commit completions per second that arrived too late and were ignored.");
    static final MetricDefinition COMMIT_SKIP_TOTAL = define("offset-commit-skip-total", Kind.TOTAL,
            "Offset commit completions that arrived too late and were ignored.");
    static final MetricDefinition PUT_TIME_MAX = define("put-batch-max-time-ms", Kind.MAX,
            "The longest time one put() of the task took, in milliseconds.");
    static final MetricDefinition PUT_TIME_AVG = define("put-batch-avg-time-ms", Kind.AVG,
            "The average time one put() of the task took, in milliseconds.");

    static final List<MetricDefinition> DEFINITIONS = List.of(READ_RATE, READ_TOTAL, SEND_RATE, SEND_TOTAL,
            ACTIVE, ACTIVE_MAX, ACTIVE_AVG, PARTITION_COUNT, OFFSET_SEQUENCE, COMMIT_COMPLETION_RATE,
            COMMIT_COMPLETION_TOTAL, COMMIT_SKIP_RATE, COMMIT_SKIP_TOTAL, PUT_TIME_MAX, PUT_TIME_AVG);

    private final MetricGroup group;
    private final Runnable onClose;
    private final Sensor read;
    private final Sensor sent;
    private final Sensor activeRecords;
    private final Sensor partitions;
    private final Sensor offsetSequence;
    private final Sensor commitCompletions;
    private final Sensor commitSkips;
    private final Sensor putTime;

    SinkTaskMetrics(MetricGroup group, Runnable onClose) {
        this.group = group;
        this.onClose = onClose;
        this.read = group.sensor("sink-record-read", READ_RATE, READ_TOTAL);
        this.sent = group.sensor("sink-record-send", SEND_RATE, SEND_TOTAL);
        this.activeRecords = group.sensor("sink-record-active-count", ACTIVE, ACTIVE_MAX, ACTIVE_AVG);
        this.partitions = group.sensor("partition-count", PARTITION_COUNT);
        this.offsetSequence = group.sensor("offset-seq-number", OFFSET_SEQUENCE);
        this.commitCompletions = group.sensor("offset-commit-completion", COMMIT_COMPLETION_RATE, COMMIT_COMPLETION_TOTAL);
        this.commitSkips = group.sensor("offset-commit-completion-skip", COMMIT_SKIP_RATE, COMMIT_SKIP_TOTAL);
        this.putTime = group.sensor("put-batch-time", PUT_TIME_MAX, PUT_TIME_AVG);
    }

    private static MetricDefinition define(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.TASK, kind, description);
    }

    /** {@code count} records came from the consumer, before transformations. */
    public void recordRead(int count) {
        read.record(count);
    }

    /** {@code count} records were given to {@code put()}, after transformations. */
    public void recordSend(int count) {
        sent.record(count);
    }

    /** One call of {@code put()} took {@code durationMs}. */
    public void recordPut(long durationMs) {
        putTime.record(durationMs);
    }

    /** The task now has {@code count} partitions assigned. */
    public void recordPartitionCount(int count) {
        partitions.record(count);
    }

    /** The task's offset commits have reached sequence number {@code sequence}. */
    public void recordOffsetSequenceNumber(long sequence) {
        offsetSequence.record(sequence);
    }

    /** An offset commit completed successfully. */
    public void recordOffsetCommitCompletion() {
        commitCompletions.record(1.0);
    }

    /** An offset commit completed after a newer one had started, and its outcome was ignored. */
    public void recordOffsetCommitSkip() {
        commitSkips.record(1.0);
    }

    /** Records read from Kafka and not yet committed, flushed or acknowledged: {@code count}. */
    public void recordActiveRecords(long count) {
        activeRecords.record(Math.max(0, count));
    }

    /** Removes this task's sink metrics. Idempotent. */
    @Override
    public void close() {
        group.close();
        onClose.run();
    }
}
