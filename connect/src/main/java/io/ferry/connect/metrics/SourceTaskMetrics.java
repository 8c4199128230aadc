package io.ferry.connect.metrics;

import java.util.List;

import org.apache.kafka.common.metrics.Sensor;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;

/**
 * What a source task polls and writes: the {@code source-task-metrics} group, tagged
 * {@code connector} and {@code task}. Thread-safe; the task loop and the producer's callbacks may
 * record at the same time. {@link #close()} removes the metrics.
 */
public final class SourceTaskMetrics implements AutoCloseable {
    public static final String GROUP = "source-task-metrics";

    static final MetricDefinition POLL_RATE = define("source-record-poll-rate", Kind.RATE,
            "Records returned by the task's poll() per second, counted before transformations.");
    static final MetricDefinition POLL_TOTAL = define("source-record-poll-total", Kind.TOTAL,
            "Records returned by the task's poll(), counted before transformations.");
    static final MetricDefinition WRITE_RATE = define("source-record-write-rate", Kind.RATE,
            "Records per second that came out of the transformations and were written to Kafka; records a transformation dropped are not counted.");
    static final MetricDefinition WRITE_TOTAL = define("source-record-write-total", Kind.TOTAL,
            "Records that came out of the transformations and were written to Kafka since the task was (re)started; records a transformation dropped are not counted.");
    static final MetricDefinition POLL_TIME_MAX = define("poll-batch-max-time-ms", Kind.MAX,
            "The longest time one poll() of the task took, in milliseconds.");
    static final MetricDefinition POLL_TIME_AVG = define("poll-batch-avg-time-ms", Kind.AVG,
            "The average time one poll() of the task took, in milliseconds.");
    static final MetricDefinition ACTIVE = define("source-record-active-count", Kind.VALUE,
            "Records the task has produced that are not yet completely written to Kafka.");
    static final MetricDefinition ACTIVE_MAX = define("source-record-active-count-max", Kind.MAX,
            "The most records at one time that the task had produced and were not yet completely written to Kafka.");
    static final MetricDefinition ACTIVE_AVG = define("source-record-active-count-avg", Kind.AVG,
            "The average number of records the task had produced that were not yet completely written to Kafka.");

    static final MetricDefinition TRANSACTION_SIZE_AVG = define("transaction-size-avg", Kind.AVG,
            "Exactly-once tasks only: the average number of records in the transactions the task committed.");
    static final MetricDefinition TRANSACTION_SIZE_MIN = define("transaction-size-min", Kind.MIN,
            "Exactly-once tasks only: the number of records in the smallest transaction the task committed.");
    static final MetricDefinition TRANSACTION_SIZE_MAX = define("transaction-size-max", Kind.MAX,
            "Exactly-once tasks only: the number of records in the largest transaction the task committed.");

    static final List<MetricDefinition> DEFINITIONS = List.of(POLL_RATE, POLL_TOTAL, WRITE_RATE, WRITE_TOTAL,
            POLL_TIME_MAX, POLL_TIME_AVG, ACTIVE, ACTIVE_MAX, ACTIVE_AVG, TRANSACTION_SIZE_AVG, TRANSACTION_SIZE_MIN,
            TRANSACTION_SIZE_MAX);

    private final MetricGroup group;
    private final Runnable onClose;
    private final Sensor polled;
    private final Sensor written;
    private final Sensor pollTime;
    private final Sensor activeRecords;
    private Sensor transactionSize;
    private long active;

    SourceTaskMetrics(MetricGroup group, Runnable onClose) {
        this.group = group;
        this.onClose = onClose;
        this.polled = group.sensor("source-record-poll", POLL_RATE, POLL_TOTAL);
        this.written = group.sensor("source-record-write", WRITE_RATE, WRITE_TOTAL);
        this.pollTime = group.sensor("poll-batch-time", POLL_TIME_MAX, POLL_TIME_AVG);
        this.activeRecords = group.sensor("source-record-active-count", ACTIVE, ACTIVE_MAX, ACTIVE_AVG);
    }

    private static MetricDefinition define(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.TASK, kind, description);
    }

    /**
     * One call of the task's {@code poll()} returned {@code batchSize} records (0 for null) after
     * {@code durationMs}. The records count as active until {@link #recordWrite written}.
     */
    public synchronized void recordPoll(int batchSize, long durationMs) {
        polled.record(batchSize);
        pollTime.record(durationMs);
        setActive(active + batchSize);
    }

    /**
     * Records left the task's pipeline: {@code written} were sent to Kafka, {@code filtered} were
     * dropped by a transformation. Only the written ones count in the write rate; both leave the
     * active count.
     */
    public synchronized void recordWrite(int written, int filtered) {
        this.written.record(written);
        setActive(Math.max(0, active - written - filtered));
    }

    /**
     * Sets the active count to what the caller counted itself (records produced and not yet
     * acknowledged by Kafka), replacing what {@link #recordPoll} and {@link #recordWrite} counted.
     */
    public synchronized void recordActiveRecords(long count) {
        setActive(Math.max(0, count));
    }

    private void setActive(long count) {
        active = count;
        activeRecords.record(count);
    }

    /**
     * An exactly-once task committed a transaction of {@code records} records (records skipped on
     * purpose included, aborted ones not). The transaction metrics appear with the first call, so
     * tasks without transactions do not show them, as in Apache Kafka Connect.
     */
    public synchronized void recordTransaction(int records) {
        if (transactionSize == null) {
            transactionSize = group.sensor("transaction-size", TRANSACTION_SIZE_AVG, TRANSACTION_SIZE_MIN, TRANSACTION_SIZE_MAX);
        }
        transactionSize.record(records);
    }

    /** Removes this task's source metrics. Idempotent. */
    @Override
    public void close() {
        group.close();
        onClose.run();
    }
}
