package io.ferry.connect.worker;

import io.ferry.connect.worker.task.LoggingContext;
import io.ferry.connect.worker.task.TopicUseListener;
import io.ferry.connect.worker.task.TaskStatusListener;
import io.ferry.connect.worker.task.WorkerTask;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.metrics.ConnectorMetrics;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.worker.pipeline.PackagedPluginKinds;
import io.ferry.connect.storage.OffsetStore;
import io.ferry.connect.storage.OffsetTopic;
import io.ferry.connect.worker.source.WorkerSourceTask;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.ConnectorContext;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.sink.SinkConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the connectors and tasks the herder assigns to this worker. It holds no opinion on what
 * should run — that is the herder's — only on how: a connector on its thread, each task on its
 * thread, source offsets committed every {@code offset.flush.interval.ms} (or, with exactly-once
 * sources, in each task's transactions), everything stopped within
 * {@code task.shutdown.graceful.timeout.ms}. Thread-safe.
 */
public final class Worker implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Worker.class);

    /**
     * What a worker is made of.
     *
     * @param exactlyOnce whether source tasks run with transactions; when they do, {@code offsetStore}
     *                    must be an {@link OffsetTopic}
     */
    public record Settings(String workerId, WorkerConfig config, Plugins plugins, ConnectMetrics metrics, OffsetStore offsetStore,
            ConfigProviders providers, TopicUseListener topicUse, Time time, ExactlyOnceSources exactlyOnce) {

        public Settings {
            java.util.Objects.requireNonNull(exactlyOnce, "exactlyOnce");
            if (exactlyOnce.enabled() && !(offsetStore instanceof OffsetTopic)) {
                throw new IllegalArgumentException("exactly-once source tasks write their offsets to a topic: the offset store "
                        + offsetStore.getClass().getName() + " is not an OffsetTopic");
            }
        }

        /** A worker whose source tasks commit offsets periodically, without transactions. */
        public Settings(String workerId, WorkerConfig config, Plugins plugins, ConnectMetrics metrics, OffsetStore offsetStore,
                ConfigProviders providers, TopicUseListener topicUse, Time time) {
            this(workerId, config, plugins, metrics, offsetStore, providers, topicUse, time, ExactlyOnceSources.disabled());
        }
    }

    private final Settings settings;
    private final TaskFactory tasks;
    private final Map<String, WorkerConnector> connectors = new ConcurrentHashMap<>();
    private final Map<String, ConnectorMetrics> connectorMetrics = new ConcurrentHashMap<>();
    private final Map<TaskId, WorkerTask> running = new ConcurrentHashMap<>();
    private final Map<TaskId, ScheduledFuture<?>> offsetCommits = new ConcurrentHashMap<>();
    private final ExecutorService taskThreads = Executors.newCachedThreadPool();
    private final ScheduledExecutorService committer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "SourceTaskOffsetCommitter-1");
        thread.setDaemon(true);
        return thread;
    });

    public Worker(Settings settings) {
        this.settings = settings;
        this.tasks = new TaskFactory(settings.config(), settings.plugins(), settings.metrics(), settings.offsetStore(),
                settings.topicUse(), settings.time(), settings.exactlyOnce());
    }

    /** Loads the stored offsets. */
    public void start() {
        settings.offsetStore().start();
        log.info("Worker {} started", settings.workerId());
    }

    public String workerId() {
        return settings.workerId();
    }

    public Settings settings() {
        return settings;
    }

    /** A config with its provider references resolved: what plugins see. */
    public Map<String, String> resolve(Map<String, String> config) {
        return settings.providers().resolve(config);
    }

    /**
     * Makes the connector and brings it to the target state on its own thread.
     *
     * @param config the connector's config as submitted (references unresolved)
     */
    public CompletableFuture<Void> startConnector(String name, Map<String, String> config, ConnectorContext context,
            ConnectorStatusListener listener, TargetState target) {
        if (connectors.containsKey(name)) {
            return CompletableFuture.failedFuture(new ConnectException("Connector " + name + " is already running on this worker"));
        }
        try {
            Map<String, String> resolved = resolve(config);
            Class<?> connectorClass = ConnectorClasses.find(settings.plugins(), resolved);
            PackagedPluginKinds.requireAll(settings.plugins(), connectorClass, resolved);
            Connector connector = (Connector) settings.plugins().newInstance(connectorClass);
            WorkerConnector worker = new WorkerConnector(name, connector, resolved, listener,
                    settings.plugins().loaderOf(connectorClass));
            connectors.put(name, worker);
            connectorMetrics.put(name, settings.metrics().connector(name, new ConnectorMetrics.Info(connectorClass.getName(),
                    Plugins.versionOf(connector), ConnectorClasses.typeOf(connectorClass)), worker::state));
            log.info("Starting connector {} ({}) in state {}", name, connectorClass.getName(), target);
            return worker.start(context, target).whenComplete((ignored, error) ->
                    settings.metrics().worker().recordConnectorStartup(error == null && worker.state() != State.FAILED));
        } catch (RuntimeException | LinkageError e) {
            settings.metrics().worker().recordConnectorStartup(false);
            listener.onFailure(name, e);
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * The version of the connector plugin this worker runs under that name, as its {@code version()}
     * answers; null when the connector is not on this worker.
     */
    public String connectorVersion(String name) {
        WorkerConnector connector = connectors.get(name);
        return connector == null ? null : Plugins.versionOf(connector.connector());
    }

    /** The version of the task plugin this worker runs for that task; null when the task is not on this worker. */
    public String taskVersion(TaskId id) {
        WorkerTask task = running.get(id);
        return task == null ? null : task.version();
    }

    /** Whether the connector is on this worker, in whatever state (running, paused, stopped, failed). */
    public boolean hasConnector(String name) {
        return connectors.containsKey(name);
    }

    public boolean isConnectorRunning(String name) {
        WorkerConnector connector = connectors.get(name);
        return connector != null && connector.isRunning();
    }

    /** The connector raised an error. */
    public void connectorFailed(String name, Exception error) {
        WorkerConnector connector = connectors.get(name);
        if (connector != null) {
            connector.raiseError(error);
        }
    }

    /**
     * The task configs the running connector asks for, each with its task class and, for a sink,
     * its topics — as Apache Kafka Connect stores them.
     *
     * @throws ConnectException when the connector asks for more than {@code tasks.max} tasks and that is enforced
     */
    public CompletableFuture<List<Map<String, String>>> connectorTaskConfigs(String name, Map<String, String> config) {
        WorkerConnector worker = connectors.get(name);
        if (worker == null) {
            return CompletableFuture.failedFuture(new ConnectException("Connector " + name + " is not running on this worker"));
        }
        ConnectorConfig connectorConfig = new ConnectorConfig(settings.providers().resolve(config));
        int maxTasks = connectorConfig.tasksMax();
        return worker.taskConfigs(maxTasks).thenApply(generated -> {
            if (generated.size() > maxTasks && connectorConfig.getBoolean(ConnectorConfig.TASKS_MAX_ENFORCE)) {
                throw new ConnectException("Connector " + name + " generated " + generated.size()
                        + " task configs, which is greater than " + maxTasks + "; this is not allowed for connectors with "
                        + ConnectorConfig.TASKS_MAX_ENFORCE + "=true");
            }
            List<Map<String, String>> withClass = new ArrayList<>();
            for (Map<String, String> taskConfig : generated) {
                Map<String, String> complete = new HashMap<>(taskConfig);
                complete.put(TaskFactory.TASK_CLASS, worker.connector().taskClass().getName());
                if (worker.connector() instanceof SinkConnector) {
                    copy(config, complete, SinkConnectorConfig.TOPICS);
                    copy(config, complete, SinkConnectorConfig.TOPICS_REGEX);
                }
                withClass.add(complete);
            }
            return withClass;
        });
    }

    private static void copy(Map<String, String> from, Map<String, String> to, String key) {
        if (from.containsKey(key)) {
            to.put(key, from.get(key));
        }
    }

    public CompletableFuture<Void> setConnectorTargetState(String name, TargetState target) {
        WorkerConnector connector = connectors.get(name);
        return connector == null ? CompletableFuture.completedFuture(null) : connector.transitionTo(target);
    }

    /** Stops the connector (not its tasks) and waits for it. */
    public void stopConnector(String name) {
        WorkerConnector connector = connectors.remove(name);
        if (connector != null) {
            log.info("Stopping connector {}", name);
            connector.shutdown(gracefulTimeoutMs());
        }
        ConnectorMetrics metrics = connectorMetrics.remove(name);
        if (metrics != null) {
            metrics.close();
        }
    }

    /**
     * Makes the task and starts it on its own thread.
     *
     * @param connectorConfig and {@code taskConfig} as stored (references unresolved)
     * @throws RuntimeException when the task cannot be made; nothing of it is left running
     */
    public void startTask(TaskId id, Map<String, String> connectorConfig, Map<String, String> taskConfig, TaskStatusListener listener,
            TargetState target) {
        if (running.containsKey(id)) {
            throw new ConnectException("Task " + id + " is already running on this worker");
        }
        log.info("Starting task {}", id);
        WorkerTask task;
        try {
            task = tasks.create(id, resolve(connectorConfig), resolve(taskConfig), target, listener);
        } catch (RuntimeException | LinkageError e) {
            settings.metrics().worker().recordTaskStartup(false);
            throw e;
        }
        settings.metrics().worker().recordTaskStartup(true);
        running.put(id, task);
        taskThreads.execute(() -> {
            try {
                task.run();
            } finally {
                running.remove(id, task);
                ScheduledFuture<?> commits = offsetCommits.remove(id);
                if (commits != null) {
                    commits.cancel(false);
                }
            }
        });
        if (task instanceof WorkerSourceTask source) {
            long interval = settings.config().getLong(WorkerConfig.OFFSET_FLUSH_INTERVAL_MS);
            offsetCommits.put(id, committer.scheduleWithFixedDelay(() -> commitQuietly(source), interval, interval,
                    TimeUnit.MILLISECONDS));
        }
    }

    private static void commitQuietly(WorkerSourceTask task) {
        try (LoggingContext context = LoggingContext.forTask(task.id())) {
            task.commitOffsets();
        } catch (Throwable t) {
            log.error("{} Unexpected failure committing offsets", task, t);
        }
    }

    public void setTaskTargetState(TaskId id, TargetState target) {
        WorkerTask task = running.get(id);
        if (task != null) {
            task.transitionTo(target);
        }
    }

    /**
     * Asks the tasks to stop and waits, in all, up to {@code task.shutdown.graceful.timeout.ms};
     * tasks still running then are cancelled: they report nothing more and commit nothing more.
     */
    public void stopAndAwaitTasks(Collection<TaskId> ids) {
        List<WorkerTask> stopping = new ArrayList<>();
        for (TaskId id : ids) {
            ScheduledFuture<?> commits = offsetCommits.remove(id);
            if (commits != null) {
                commits.cancel(false);
            }
            WorkerTask task = running.get(id);
            if (task != null) {
                log.info("Stopping task {}", id);
                task.stop();
                stopping.add(task);
            }
        }
        long deadline = settings.time().milliseconds() + gracefulTimeoutMs();
        for (WorkerTask task : stopping) {
            long left = Math.max(0, deadline - settings.time().milliseconds());
            if (!task.awaitStop(left)) {
                log.error("Graceful stop of task {} failed.", task.id());
                task.cancel();
            }
            running.remove(task.id(), task);
        }
    }

    public Set<String> connectorNames() {
        return new TreeSet<>(connectors.keySet());
    }

    public Set<TaskId> taskIds() {
        return new TreeSet<>(running.keySet());
    }

    private long gracefulTimeoutMs() {
        return settings.config().getLong(WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS);
    }

    /** Stops every task, then every connector; closes the offset store. */
    @Override
    public void close() {
        stopAndAwaitTasks(new ArrayList<>(running.keySet()));
        for (String name : new ArrayList<>(connectors.keySet())) {
            stopConnector(name);
        }
        committer.shutdownNow();
        taskThreads.shutdown();
        try {
            taskThreads.awaitTermination(gracefulTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        settings.offsetStore().close();
        log.info("Worker {} stopped", settings.workerId());
    }
}
