package io.ferry.connect.metrics;

import java.util.List;

import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.utils.Time;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;

/**
 * How a distributed worker takes part in its group: the {@code connect-worker-rebalance-metrics}
 * group, without tags. A standalone worker never opens it. Thread-safe. {@link #close()} removes
 * the metrics.
 */
public final class RebalanceMetrics implements AutoCloseable {
    public static final String GROUP = "connect-worker-rebalance-metrics";

    static final MetricDefinition PROTOCOL = define("connect-protocol", Kind.TEXT,
            "The protocol the workers of the group coordinate with.");
    static final MetricDefinition LEADER = define("leader-name", Kind.TEXT,
            "The URL of the group's leader.");
    static final MetricDefinition EPOCH = define("epoch", Kind.GAUGE,
            "The generation of the group this worker last joined.");
    static final MetricDefinition COMPLETED = define("completed-rebalances-total", Kind.TOTAL,
            "Rebalances this worker completed.");
    static final MetricDefinition REBALANCING = define("rebalancing", Kind.GAUGE,
            "1 while this worker is rebalancing, else 0.");
    static final MetricDefinition TIME_MAX = define("rebalance-max-time-ms", Kind.MAX,
            "The longest rebalance of this worker, in milliseconds.");
    static final MetricDefinition TIME_AVG = define("rebalance-avg-time-ms", Kind.AVG,
            "The average rebalance of this worker, in milliseconds.");
    static final MetricDefinition SINCE_LAST = define("time-since-last-rebalance-ms", Kind.GAUGE,
            "Milliseconds since this worker completed its latest rebalance; infinite before the first.");

    static final List<MetricDefinition> DEFINITIONS = List.of(PROTOCOL, LEADER, EPOCH, COMPLETED, REBALANCING,
            TIME_MAX, TIME_AVG, SINCE_LAST);

    private final MetricGroup group;
    private final Time time;
    private final Runnable onClose;
    private final Sensor completed;
    private final Sensor duration;
    private volatile String protocol;
    private volatile String leader;
    private volatile long epoch;
    private volatile boolean rebalancing;
    private long startedMs;
    private volatile long completedMs = Long.MIN_VALUE;

    RebalanceMetrics(MetricGroup group, Time time, Runnable onClose) {
        this.group = group;
        this.time = time;
        this.onClose = onClose;
        group.gauge(PROTOCOL, () -> protocol);
        group.gauge(LEADER, () -> leader);
        group.gauge(EPOCH, () -> (double) epoch);
        group.gauge(REBALANCING, () -> rebalancing ? 1.0 : 0.0);
        group.gauge(SINCE_LAST, this::sinceLast);
        this.completed = group.sensor("completed-rebalance-count", COMPLETED);
        this.duration = group.sensor("rebalance-time", TIME_MAX, TIME_AVG);
    }

    private static MetricDefinition define(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.WORKER, kind, description);
    }

    /** The group coordinates with {@code protocol} (e.g. {@code sessioned}). */
    public void recordProtocol(String protocol) {
        this.protocol = protocol;
    }

    /** The group's leader is now {@code leaderUrl}; null when there is none. */
    public void recordLeader(String leaderUrl) {
        this.leader = leaderUrl;
    }

    /** This worker joined generation {@code generation} of the group. */
    public void recordEpoch(long generation) {
        this.epoch = generation;
    }

    /** A rebalance began. */
    public synchronized void recordRebalanceStarted() {
        rebalancing = true;
        startedMs = time.milliseconds();
    }

    /** The rebalance begun last completed; its duration counts from {@link #recordRebalanceStarted()}. */
    public synchronized void recordRebalanceCompleted() {
        long now = time.milliseconds();
        if (rebalancing) {
            duration.record(Math.max(0, now - startedMs));
        }
        rebalancing = false;
        completedMs = now;
        completed.record(1.0);
    }

    private double sinceLast() {
        long last = completedMs;
        return last == Long.MIN_VALUE ? Double.POSITIVE_INFINITY : (double) Math.max(0, time.milliseconds() - last);
    }

    /** Removes the rebalance metrics. Idempotent. */
    @Override
    public void close() {
        group.close();
        onClose.run();
    }
}
