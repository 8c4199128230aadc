package io.ferry.connect.herder.standalone;

import io.ferry.connect.herder.AutoRestarts;
import io.ferry.connect.herder.ConfigMasking;
import io.ferry.connect.herder.ConnectorOffsetsManager;
import io.ferry.connect.herder.StatusTracker;
import io.ferry.connect.herder.RestartSelection;
import io.ferry.connect.herder.HerderRules;
import io.ferry.connect.herder.OwnerThread;
import io.ferry.connect.herder.WorkerConnectorContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.herder.TaskConfig;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.herder.OffsetsAltered;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.herder.Created;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.ConnectorInfo;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ActiveTopics;
import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.storage.ConfigStore;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.validation.ConnectorConfigValidator;
import io.ferry.connect.worker.Worker;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The herder of a single worker that runs every connector itself. All decisions — configs, target
 * states, task configs, restarts — are taken on one owner thread ({@code standalone-herder}), from a
 * queue of requests, so they never race; statuses are written by the connector and task threads and
 * read directly.
 *
 * <p>Connector configs live in memory, as in Apache Kafka Connect's standalone mode: the ones given
 * on the command line are created again at each start. Source offsets live in the worker's offset
 * store and survive restarts.
 */
public final class StandaloneHerder implements Herder, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandaloneHerder.class);

    private final Worker worker;
    private final ConfigStore configs;
    private final StatusStore statuses;
    private final ConnectorConfigValidator validator;
    private final ConfigMasking masking;
    private final ConnectorOffsetsManager offsets;
    private final StatusTracker tracker;
    private final AutoRestarts restarts;
    private final ServerInfo serverInfo;
    private final Map<String, ConnectorType> types = new ConcurrentHashMap<>();
    private final OwnerThread ownerThread;
    private final ScheduledExecutorService owner;
    private volatile boolean ready;

    /** What a herder is made of. */
    public record Settings(Worker worker, ConfigStore configs, StatusStore statuses, ConnectorConfigValidator validator,
            ServerInfo serverInfo) {
    }

    public StandaloneHerder(Settings settings) {
        this.worker = settings.worker();
        this.configs = settings.configs();
        this.statuses = settings.statuses();
        this.validator = settings.validator();
        this.serverInfo = settings.serverInfo();
        this.masking = new ConfigMasking(validator::passwordKeys);
        this.offsets = new ConnectorOffsetsManager(worker.settings().config(), worker.settings().plugins(),
                worker.settings().offsetStore());
        this.restarts = new AutoRestarts(worker.settings().config(), worker.settings().time());
        this.tracker = new StatusTracker(statuses, worker, new PlanRestarts());
        this.ownerThread = new OwnerThread("standalone-herder", worker.settings().plugins().classLoader());
        this.owner = ownerThread.executor();
    }

    /** The listener the worker reports topic use to (its statuses). */
    public io.ferry.connect.worker.task.TopicUseListener topicUseListener() {
        return tracker;
    }

    /** Starts the worker; the herder is ready once this returns. */
    public void start() {
        worker.start();
        ready = true;
        log.info("Herder started");
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public ServerInfo serverInfo() {
        return serverInfo;
    }

    // ---- connectors and configs

    @Override
    public CompletableFuture<List<String>> connectors() {
        return onOwner(() -> new ArrayList<>(configs.connectors()));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return onOwner(() -> info(connector));
    }

    private ConnectorInfo info(String connector) {
        Map<String, String> config = requireConnector(connector);
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < configs.taskConfigs(connector).size(); i++) {
            tasks.add(new TaskId(connector, i));
        }
        return new ConnectorInfo(connector, masking.mask(config, config), tasks, type(connector, config));
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return onOwner(() -> {
            Map<String, String> config = requireConnector(connector);
            return masking.mask(config, config);
        });
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
            TargetState initialState, boolean allowReplace) {
        return onOwnerCompose(() -> {
            Map<String, String> stored = configs.connectorConfig(connector);
            if (stored != null && !allowReplace) {
                throw new AlreadyExistsException("Connector " + connector + " already exists");
            }
            Map<String, String> submitted = new HashMap<>(masking.unmask(config, stored));
            submitted.put(ConnectorConfig.NAME, connector);
            HerderRules.requireValid(validator.validate(submitted));
            boolean created = stored == null;
            if (!created) {
                stopTasks(connector);
                worker.stopConnector(connector);
            }
            TargetState target = created ? (initialState == null ? TargetState.STARTED : initialState) : configs.targetState(connector);
            configs.putConnectorConfig(connector, submitted, target);
            types.remove(connector);
            restarts.forget(connector);
            log.info("{} connector {}", created ? "Created" : "Reconfigured", connector);
            return startConnector(connector).thenApply(ignored -> new Created<>(created, info(connector)));
        });
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> patch) {
        return onOwnerCompose(() -> {
            Map<String, String> merged = HerderRules.patched(requireConnector(connector), patch);
            return putConnectorConfig(connector, merged, null, true).thenApply(Created::value);
        });
    }

    @Override
    public CompletableFuture<Void> deleteConnector(String connector) {
        return onOwner(() -> {
            requireConnector(connector);
            stopTasks(connector);
            worker.stopConnector(connector);
            configs.removeConnector(connector);
            statuses.remove(connector);
            types.remove(connector);
            restarts.forget(connector);
            log.info("Deleted connector {}", connector);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<TaskConfig>> taskConfigs(String connector) {
        return onOwner(() -> {
            Map<String, String> config = requireConnector(connector);
            List<TaskConfig> tasks = new ArrayList<>();
            List<Map<String, String>> stored = configs.taskConfigs(connector);
            for (int i = 0; i < stored.size(); i++) {
                tasks.add(new TaskConfig(new TaskId(connector, i), masking.mask(stored.get(i), config)));
            }
            return tasks;
        });
    }

    @Override
    public CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        return CompletableFuture.failedFuture(new BadRequestException(
                "Task configs are written by the connector's own worker; only workers of a distributed cluster accept them"));
    }

    // ---- statuses

    @Override
    public ConnectorStatus connectorStatus(String connector) {
        StateInfo state = statuses.get(connector);
        Map<String, String> config = configs.connectorConfig(connector);
        if (state == null || config == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        List<TaskStatus> tasks = new ArrayList<>();
        statuses.tasks(connector).forEach((task, taskState) -> tasks.add(new TaskStatus(task, taskState)));
        return new ConnectorStatus(connector, state, tasks, type(connector, config));
    }

    @Override
    public TaskStatus taskStatus(TaskId task) {
        StateInfo state = statuses.get(task);
        if (state == null) {
            throw new NotFoundException("No status found for task " + task);
        }
        return new TaskStatus(task.task(), state);
    }

    @Override
    public ActiveTopics activeTopics(String connector) {
        requireConnector(connector);
        return new ActiveTopics(connector, statuses.topics(connector));
    }

    @Override
    public void resetActiveTopics(String connector) {
        requireConnector(connector);
        statuses.resetTopics(connector);
    }

    // ---- restarts and target states

    @Override
    public CompletableFuture<ConnectorStatus> restartConnector(String connector, boolean includeTasks, boolean onlyFailed) {
        return onOwner(() -> {
            requireConnector(connector);
            RestartSelection selection = RestartSelection.of(connectorStatus(connector), includeTasks, onlyFailed);
            if (selection.connector()) {
                restarts.forget(connector);
                worker.stopConnector(connector);
                startConnector(connector);
            }
            if (!selection.tasks().isEmpty()) {
                restartTasks(selection.tasks());
            }
            return selection.answer();
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(TaskId task) {
        return onOwner(() -> {
            requireConnector(task.connector());
            if (task.task() >= configs.taskConfigs(task.connector()).size()) {
                throw new NotFoundException("Task " + task + " not found");
            }
            restarts.forget(task);
            restartTasks(List.of(task));
            return null;
        });
    }

    private void restartTasks(List<TaskId> tasks) {
        worker.stopAndAwaitTasks(tasks);
        for (TaskId task : tasks) {
            startTask(task);
        }
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return onOwnerCompose(() -> changeTargetState(connector, TargetState.PAUSED));
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return onOwnerCompose(() -> changeTargetState(connector, TargetState.STARTED));
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return onOwnerCompose(() -> changeTargetState(connector, TargetState.STOPPED));
    }

    private CompletableFuture<Void> changeTargetState(String connector, TargetState target) {
        requireConnector(connector);
        TargetState previous = configs.targetState(connector);
        configs.putTargetState(connector, target);
        if (target == TargetState.STOPPED) {
            stopTasks(connector);
            configs.putTaskConfigs(connector, List.of());
        }
        CompletableFuture<Void> connectorMoved = worker.setConnectorTargetState(connector, target);
        for (TaskId task : taskIds(connector)) {
            worker.setTaskTargetState(task, target);
        }
        if (target == TargetState.STARTED && previous != TargetState.STARTED) {
            return connectorMoved.handleAsync((ignored, error) -> reconfigureTasks(connector), owner).thenCompose(future -> future);
        }
        return connectorMoved.exceptionally(error -> null);
    }

    // ---- offsets

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return onOwner(() -> offsets.offsets(connector, worker.resolve(requireConnector(connector))));
    }

    @Override
    public CompletableFuture<OffsetsAltered> alterConnectorOffsets(String connector, ConnectorOffsets change) {
        return onOwner(() -> offsets.alter(connector, worker.resolve(requireStopped(connector)), change));
    }

    @Override
    public CompletableFuture<OffsetsAltered> resetConnectorOffsets(String connector) {
        return onOwner(() -> offsets.reset(connector, worker.resolve(requireStopped(connector))));
    }

    private Map<String, String> requireStopped(String connector) {
        Map<String, String> config = requireConnector(connector);
        if (configs.targetState(connector) != TargetState.STOPPED) {
            throw HerderRules.notStopped(connector);
        }
        return config;
    }

    // ---- plugins and validation

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> config) {
        return validator.validate(config);
    }

    @Override
    public List<PluginDesc> plugins(boolean connectorsOnly) {
        return HerderRules.plugins(worker.settings().plugins(), connectorsOnly);
    }

    @Override
    public List<ConfigKeyInfo> pluginConfig(String classOrAlias, String version) {
        return validator.pluginConfig(classOrAlias, version);
    }

    // ---- running connectors and tasks (owner thread only)

    /** Starts the connector in its target state and, once it runs, its tasks. Never fails: failures become statuses. */
    private CompletableFuture<Void> startConnector(String connector) {
        Map<String, String> config = configs.connectorConfig(connector);
        TargetState target = configs.targetState(connector);
        statuses.put(connector, StateInfo.of(State.UNASSIGNED, worker.workerId()));
        restarts.started(connector);
        return worker.startConnector(connector, config, new WorkerConnectorContext(connector, worker, () -> owner.execute(() -> reconfigureTasks(connector))), tracker, target)
                .handleAsync((ignored, error) -> {
                    if (error != null || target == TargetState.STOPPED) {
                        return CompletableFuture.<Void>completedFuture(null);
                    }
                    return target == TargetState.STARTED ? reconfigureTasks(connector) : startTasks(connector);
                }, owner)
                .thenCompose(future -> future);
    }

    /** Asks the connector for task configs; when they changed, replaces the tasks. */
    private CompletableFuture<Void> reconfigureTasks(String connector) {
        Map<String, String> config = configs.connectorConfig(connector);
        if (config == null || configs.targetState(connector) != TargetState.STARTED) {
            return CompletableFuture.completedFuture(null);
        }
        return worker.connectorTaskConfigs(connector, config).handleAsync((generated, error) -> {
            if (error != null) {
                Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                log.error("Failed to reconfigure the tasks of connector {}", connector, cause);
                worker.connectorFailed(connector, cause instanceof Exception e ? e : new RuntimeException(cause));
                return null;
            }
            List<Map<String, String>> stored = ConfigMasking.reverseTransform(config, worker.resolve(config), generated);
            if (stored.equals(configs.taskConfigs(connector)) && allTasksRunning(connector)) {
                return null;
            }
            stopTasks(connector);
            configs.putTaskConfigs(connector, stored);
            startTasks(connector);
            return null;
        }, owner);
    }

    private boolean allTasksRunning(String connector) {
        return worker.taskIds().containsAll(taskIds(connector));
    }

    private CompletableFuture<Void> startTasks(String connector) {
        for (TaskId task : taskIds(connector)) {
            startTask(task);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void startTask(TaskId task) {
        Map<String, String> config = configs.connectorConfig(task.connector());
        List<Map<String, String>> taskConfigs = configs.taskConfigs(task.connector());
        if (config == null || task.task() >= taskConfigs.size()) {
            return;
        }
        statuses.put(task, StateInfo.of(State.UNASSIGNED, worker.workerId()));
        restarts.started(task);
        try {
            worker.startTask(task, config, taskConfigs.get(task.task()), tracker, configs.targetState(task.connector()));
        } catch (RuntimeException | LinkageError e) {
            log.error("Failed to start task {}", task, e);
            tracker.taskCouldNotStart(task, e);
        }
    }

    private void stopTasks(String connector) {
        List<TaskId> tasks = new ArrayList<>();
        for (TaskId task : worker.taskIds()) {
            if (task.connector().equals(connector)) {
                tasks.add(task);
            }
        }
        worker.stopAndAwaitTasks(tasks);
        for (TaskId task : taskIds(connector)) {
            statuses.removeTask(task);
            restarts.forget(task);
        }
    }

    private List<TaskId> taskIds(String connector) {
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < configs.taskConfigs(connector).size(); i++) {
            tasks.add(new TaskId(connector, i));
        }
        return tasks;
    }

    private Map<String, String> requireConnector(String connector) {
        Map<String, String> config = configs.connectorConfig(connector);
        if (config == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return config;
    }

    private ConnectorType type(String connector, Map<String, String> config) {
        return types.computeIfAbsent(connector, name -> HerderRules.typeOf(worker.settings().plugins(), config));
    }

    // ---- automatic restarts (Ferry)

    /** Plans a restart after each failure when automatic restarts are on. Called from connector and task threads. */
    private final class PlanRestarts implements StatusTracker.FailureListener {
        @Override
        public void connectorFailed(String connector) {
            if (restarts.enabled()) {
                owner.execute(() -> plan(connector, () -> {
                    worker.stopConnector(connector);
                    startConnector(connector);
                }, plan -> tracker.planned(connector, Instant.ofEpochMilli(plan.atMs()), plan.attempt())));
            }
        }

        @Override
        public void taskFailed(TaskId task) {
            if (restarts.enabled()) {
                owner.execute(() -> plan(task, () -> restartTasks(List.of(task)),
                        plan -> tracker.planned(task, Instant.ofEpochMilli(plan.atMs()), plan.attempt())));
            }
        }

        private void plan(Object instance, Runnable restart, java.util.function.Consumer<AutoRestarts.Plan> show) {
            AutoRestarts.Plan plan = restarts.failed(instance);
            show.accept(plan);
            log.info("Restarting {} in {} ms (automatic restart attempt {})", instance, plan.delayMs(), plan.attempt());
            owner.schedule(() -> {
                boolean stillFailed = instance instanceof TaskId task
                        ? statuses.get(task) != null && statuses.get(task).state() == State.FAILED
                        : statuses.get((String) instance) != null && statuses.get((String) instance).state() == State.FAILED;
                if (stillFailed) {
                    restart.run();
                }
            }, plan.delayMs(), TimeUnit.MILLISECONDS);
        }
    }

    // ---- the owner thread

    private <T> CompletableFuture<T> onOwner(Callable<T> action) {
        return ownerThread.call(action);
    }

    private <T> CompletableFuture<T> onOwnerCompose(Supplier<CompletableFuture<T>> action) {
        return ownerThread.compose(action);
    }

    /** Stops every connector and task, then the worker. */
    @Override
    public void close() {
        ready = false;
        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> {
            for (String connector : configs.connectors()) {
                stopTasks(connector);
            }
            worker.close();
        }, owner);
        try {
            stopped.get(worker.settings().config().getLong(
                    io.ferry.connect.config.WorkerConfig.TASK_SHUTDOWN_GRACEFUL_TIMEOUT_MS) + 30_000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("The herder did not stop cleanly", e);
        }
        owner.shutdownNow();
    }
}
