package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import org.apache.kafka.common.metrics.KafkaMetricsContext;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ferry.connect.metrics.MetricDefinition.Scope;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

/**
 * A worker's metrics: one Kafka {@link Metrics} registry whose reporters publish every metric as a
 * JMX MBean in the {@code kafka.connect} domain (unless {@code metric.reporters} leaves
 * {@code JmxReporter} out), to any reporter listed in {@code metric.reporters}, and in the
 * Prometheus text format ({@link #prometheusText()}).
 *
 * <p>The runtime opens one group object per connector, task, source task, sink task and task's
 * error handling, and closes it when that thing stops. Opening a group for a key that is still open
 * replaces the earlier one, so a restarted task registers cleanly.
 *
 * <p>Thread-safe. After {@link #close()} every factory method throws {@link IllegalStateException}.
 */
public final class ConnectMetrics implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectMetrics.class);

    private final String workerId;
    private final Time time;
    private final Metrics metrics;
    private final PrometheusMirror prometheus = new PrometheusMirror();
    private final LiveGroups<String, ConnectorMetrics> connectors = new LiveGroups<>();
    private final LiveGroups<TaskId, TaskMetrics> tasks = new LiveGroups<>();
    private final LiveGroups<TaskId, SourceTaskMetrics> sourceTasks = new LiveGroups<>();
    private final LiveGroups<TaskId, SinkTaskMetrics> sinkTasks = new LiveGroups<>();
    private final LiveGroups<TaskId, TaskErrorMetrics> taskErrors = new LiveGroups<>();
    private final LiveGroups<String, RebalanceMetrics> rebalance = new LiveGroups<>();
    private final Object rebalanceLock = new Object();
    private final WorkerMetrics worker;
    private volatile boolean closed;

    /** A worker's metrics, not knowing the Kafka cluster's id. */
    public ConnectMetrics(String workerId, Map<String, ?> workerConfig, Time time) {
        this(workerId, workerConfig, time, null);
    }

    /**
     * @param workerId       the worker's id ({@code host:port}); reporters receive it as {@code client.id}
     * @param workerConfig   the worker's settings; only the metrics settings are read
     * @param time           the clock of every rate, ratio and window
     * @param kafkaClusterId the Kafka cluster's id for the reporters' context, or null
     * @throws org.apache.kafka.common.config.ConfigException for an invalid metrics setting
     */
    public ConnectMetrics(String workerId, Map<String, ?> workerConfig, Time time, String kafkaClusterId) {
        this.workerId = Objects.requireNonNull(workerId, "workerId");
        this.time = Objects.requireNonNull(time, "time");
        MetricsSettings settings = new MetricsSettings(workerConfig);
        List<MetricsReporter> reporters = new ArrayList<>(settings.reporters(workerId));
        reporters.add(prometheus);
        this.metrics = new Metrics(settings.metricConfig(), reporters, time,
                new KafkaMetricsContext(MetricDefinition.DOMAIN, settings.contextLabels(kafkaClusterId)));
        this.worker = new WorkerMetrics(metrics, new RegisteredCounts());
        log.debug("Metrics of worker {} registered with {}", workerId, reporters);
    }

    public String workerId() {
        return workerId;
    }

    /** The registry itself, for metrics of the worker's own making; they are reported like the rest. */
    public Metrics registry() {
        return metrics;
    }

    /** Every metric in the Prometheus text format (version 0.0.4). */
    public String prometheusText() {
        ensureOpen();
        return prometheus.scrape();
    }

    /** The worker's counts and startup results; open for the life of this object. */
    public WorkerMetrics worker() {
        return worker;
    }

    /** The rebalance metrics of a distributed worker, opened on the first call. */
    public RebalanceMetrics rebalance() {
        ensureOpen();
        synchronized (rebalanceLock) {
            RebalanceMetrics existing = rebalance.get(RebalanceMetrics.GROUP);
            if (existing != null) {
                return existing;
            }
            return rebalance.open(RebalanceMetrics.GROUP, onClose -> {
                MetricGroup group = new MetricGroup(metrics, RebalanceMetrics.GROUP, Scope.WORKER);
                return opened(group, () -> new RebalanceMetrics(group, time, once(onClose)));
            });
        }
    }

    /** Opens a connector's metrics; {@code status} is read whenever a reporter asks. */
    public ConnectorMetrics connector(String connector, ConnectorMetrics.Info info, Supplier<State> status) {
        ensureOpen();
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(status, "status");
        return connectors.open(connector, onClose -> {
            MetricGroup group = new MetricGroup(metrics, ConnectorMetrics.GROUP, Scope.CONNECTOR, connector);
            return opened(group, () -> new ConnectorMetrics(group, info, status, once(onClose)));
        });
    }

    /** Opens a task's common metrics; the worker's per-connector task counts include it until it is closed. */
    public TaskMetrics task(TaskId id, TaskMetrics.Info info) {
        ensureOpen();
        Objects.requireNonNull(info, "info");
        return tasks.open(id, onClose -> {
            MetricGroup group = taskGroup(TaskMetrics.GROUP, id);
            Runnable closed = once(() -> {
                onClose.run();
                worker.taskRemoved(id.connector());
            });
            TaskMetrics opened = opened(group, () -> new TaskMetrics(metrics, group, id, info, time, closed));
            worker.taskAdded(id.connector());
            return opened;
        });
    }

    /** Opens a source task's metrics. */
    public SourceTaskMetrics sourceTask(TaskId id) {
        ensureOpen();
        return sourceTasks.open(id, onClose -> {
            MetricGroup group = taskGroup(SourceTaskMetrics.GROUP, id);
            return opened(group, () -> new SourceTaskMetrics(group, once(onClose)));
        });
    }

    /** Opens a sink task's metrics. */
    public SinkTaskMetrics sinkTask(TaskId id) {
        ensureOpen();
        return sinkTasks.open(id, onClose -> {
            MetricGroup group = taskGroup(SinkTaskMetrics.GROUP, id);
            return opened(group, () -> new SinkTaskMetrics(group, once(onClose)));
        });
    }

    /** Opens a task's error-handling metrics. */
    public TaskErrorMetrics taskErrors(TaskId id) {
        ensureOpen();
        return taskErrors.open(id, onClose -> {
            MetricGroup group = taskGroup(TaskErrorMetrics.GROUP, id);
            return opened(group, () -> new TaskErrorMetrics(group, once(onClose)));
        });
    }

    /** Removes every metric, stops the reporters and unregisters the MBeans. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        taskErrors.closeAll();
        sinkTasks.closeAll();
        sourceTasks.closeAll();
        tasks.closeAll();
        connectors.closeAll();
        rebalance.closeAll();
        worker.close();
        metrics.close();
        log.debug("Metrics of worker {} closed", workerId);
    }

    private MetricGroup taskGroup(String group, TaskId id) {
        return new MetricGroup(metrics, group, Scope.TASK, id.connector(), Integer.toString(id.task()));
    }

    /** Builds a group object; if that fails, the metrics it registered so far are removed. */
    private static <G> G opened(MetricGroup group, Supplier<G> factory) {
        try {
            return factory.get();
        } catch (RuntimeException e) {
            group.close();
            throw e;
        }
    }

    private static Runnable once(Runnable action) {
        AtomicBoolean done = new AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) {
                action.run();
            }
        };
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the metrics of worker " + workerId + " are closed");
        }
    }

    /** Counts what is registered here: connectors, tasks, and the state each task recorded last. */
    private final class RegisteredCounts implements WorkerMetrics.Counts {
        @Override
        public int connectorCount() {
            return connectors.values().size();
        }

        @Override
        public int taskCount() {
            return tasks.values().size();
        }

        @Override
        public Map<State, Integer> taskStates(String connector) {
            Map<State, Integer> states = new EnumMap<>(State.class);
            for (TaskMetrics task : tasks.values()) {
                if (task.id().connector().equals(connector)) {
                    states.merge(task.state(), 1, Integer::sum);
                }
            }
            return states;
        }
    }
}
