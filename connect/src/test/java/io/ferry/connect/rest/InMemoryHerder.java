package io.ferry.connect.rest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ActiveTopics;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConfigKeyInfo;
import io.ferry.connect.herder.ConnectorInfo;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.Created;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.herder.OffsetsAltered;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.herder.TaskConfig;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.PluginDesc;
import io.ferry.connect.plugins.PluginNotFoundException;
import io.ferry.connect.plugins.PluginType;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.validation.ConnectorConfigValidator;
import org.apache.kafka.connect.errors.AlreadyExistsException;
import org.apache.kafka.connect.errors.NotFoundException;

/**
 * A herder that keeps its connectors in memory, for driving the web layer: configs are validated for
 * real, each connector runs {@code tasks.max} tasks, states follow pause, resume, stop and restart.
 * Tests may stall it (its futures never complete), make it fail, or set a status directly.
 */
final class InMemoryHerder implements Herder {
    static final String WORKER_ID = "127.0.0.1:8083";
    private static final Plugins PLUGINS = Plugins.onClasspath();

    private final ConnectorConfigValidator validator;
    private final Map<String, Map<String, String>> configs = new TreeMap<>();
    private final Map<String, ConnectorStatus> statuses = new TreeMap<>();
    private final Map<String, List<ConnectorOffsets.Offset>> offsets = new TreeMap<>();
    private final Map<String, SortedSet<String>> topics = new TreeMap<>();
    private volatile boolean ready = true;
    private volatile boolean stalled;
    private volatile RuntimeException failure;

    InMemoryHerder() {
        this.validator = new ConnectorConfigValidator(PLUGINS, new WorkerConfig(Map.of(
                WorkerConfig.KEY_CONVERTER, "org.apache.kafka.connect.json.JsonConverter",
                WorkerConfig.VALUE_CONVERTER, "org.apache.kafka.connect.json.JsonConverter")));
    }

    void ready(boolean ready) {
        this.ready = ready;
    }

    /** From now on, every future this herder answers never completes. */
    void stall() {
        this.stalled = true;
    }

    /** From now on, every future this herder answers fails with this. */
    void failWith(RuntimeException failure) {
        this.failure = failure;
    }

    synchronized void status(ConnectorStatus status) {
        statuses.put(status.name(), status);
    }

    synchronized void usedTopics(String connector, String... names) {
        topics.computeIfAbsent(connector, name -> new TreeSet<>()).addAll(List.of(names));
    }

    private <T> CompletableFuture<T> answer(Supplier<T> result) {
        if (stalled) {
            return new CompletableFuture<>();
        }
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        try {
            synchronized (this) {
                return CompletableFuture.completedFuture(result.get());
            }
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public boolean ready() {
        return ready;
    }

    @Override
    public ServerInfo serverInfo() {
        return new ServerInfo("0.1.0-test", "abcdef", "test-cluster");
    }

    @Override
    public CompletableFuture<List<String>> connectors() {
        return answer(() -> new ArrayList<>(configs.keySet()));
    }

    @Override
    public CompletableFuture<ConnectorInfo> connectorInfo(String connector) {
        return answer(() -> info(connector));
    }

    private ConnectorInfo info(String connector) {
        Map<String, String> config = configOf(connector);
        List<TaskId> tasks = new ArrayList<>();
        for (int task = 0; task < taskCount(config); task++) {
            tasks.add(new TaskId(connector, task));
        }
        return new ConnectorInfo(connector, config, tasks, typeOf(config));
    }

    private Map<String, String> configOf(String connector) {
        Map<String, String> config = configs.get(connector);
        if (config == null) {
            throw new NotFoundException("Connector " + connector + " not found");
        }
        return config;
    }

    @Override
    public CompletableFuture<Map<String, String>> connectorConfig(String connector) {
        return answer(() -> configOf(connector));
    }

    @Override
    public CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
                                                                        TargetState initialState, boolean allowReplace) {
        return answer(() -> {
            boolean exists = configs.containsKey(connector);
            if (exists && !allowReplace) {
                throw new AlreadyExistsException("Connector " + connector + " already exists");
            }
            requireValid(config);
            configs.put(connector, new LinkedHashMap<>(config));
            if (!exists) {
                State state = initialState == TargetState.PAUSED ? State.PAUSED : initialState == TargetState.STOPPED ? State.STOPPED : State.RUNNING;
                setState(connector, state);
            }
            return new Created<>(!exists, info(connector));
        });
    }

    private void requireValid(Map<String, String> config) {
        ConfigInfos infos = validator.validate(config);
        if (infos.errorCount() > 0) {
            StringBuilder message = new StringBuilder("Connector configuration is invalid and contains the following ")
                    .append(infos.errorCount()).append(" error(s):");
            for (ConfigInfo info : infos.configs()) {
                if (info.value() != null) {
                    info.value().errors().forEach(error -> message.append('\n').append(error));
                }
            }
            throw new BadRequestException(message.toString());
        }
    }

    @Override
    public CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> patch) {
        return answer(() -> {
            Map<String, String> config = new LinkedHashMap<>(configOf(connector));
            patch.forEach((key, value) -> {
                if (value == null) {
                    config.remove(key);
                } else {
                    config.put(key, value);
                }
            });
            requireValid(config);
            configs.put(connector, config);
            return info(connector);
        });
    }

    @Override
    public CompletableFuture<Void> deleteConnector(String connector) {
        return answer(() -> {
            configOf(connector);
            configs.remove(connector);
            statuses.remove(connector);
            return null;
        });
    }

    @Override
    public CompletableFuture<List<TaskConfig>> taskConfigs(String connector) {
        return answer(() -> {
            Map<String, String> config = configOf(connector);
            List<TaskConfig> tasks = new ArrayList<>();
            for (int task = 0; task < taskCount(config); task++) {
                tasks.add(new TaskConfig(new TaskId(connector, task), Map.of("file", config.getOrDefault("file", ""), "task.index", "" + task)));
            }
            return tasks;
        });
    }

    /** The task configs sent with {@code POST /connectors/{name}/tasks}, by connector. */
    final Map<String, List<Map<String, String>>> submittedTaskConfigs = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public CompletableFuture<Void> putTaskConfigs(String connector, List<Map<String, String>> taskConfigs) {
        return answer(() -> {
            configOf(connector);
            submittedTaskConfigs.put(connector, taskConfigs);
            return null;
        });
    }

    @Override
    public synchronized ConnectorStatus connectorStatus(String connector) {
        ConnectorStatus status = statuses.get(connector);
        if (status == null) {
            throw new NotFoundException("No status found for connector " + connector);
        }
        return status;
    }

    @Override
    public synchronized TaskStatus taskStatus(TaskId task) {
        ConnectorStatus status = statuses.get(task.connector());
        if (status == null || task.task() >= status.tasks().size()) {
            throw new NotFoundException("No status found for task " + task);
        }
        return status.tasks().get(task.task());
    }

    @Override
    public CompletableFuture<ConnectorStatus> restartConnector(String connector, boolean includeTasks, boolean onlyFailed) {
        return answer(() -> {
            ConnectorStatus status = connectorStatus(connector);
            StateInfo connectorState = !onlyFailed || status.connector().state() == State.FAILED
                    ? StateInfo.of(State.RESTARTING, WORKER_ID) : status.connector();
            List<TaskStatus> tasks = new ArrayList<>();
            for (TaskStatus task : status.tasks()) {
                boolean restarts = includeTasks && (!onlyFailed || task.state().state() == State.FAILED);
                tasks.add(restarts ? new TaskStatus(task.id(), StateInfo.of(State.RESTARTING, WORKER_ID)) : task);
            }
            return new ConnectorStatus(connector, connectorState, tasks, status.type());
        });
    }

    @Override
    public CompletableFuture<Void> restartTask(TaskId task) {
        return answer(() -> {
            taskStatus(task);
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> pauseConnector(String connector) {
        return changeState(connector, State.PAUSED);
    }

    @Override
    public CompletableFuture<Void> resumeConnector(String connector) {
        return changeState(connector, State.RUNNING);
    }

    @Override
    public CompletableFuture<Void> stopConnector(String connector) {
        return changeState(connector, State.STOPPED);
    }

    private CompletableFuture<Void> changeState(String connector, State state) {
        return answer(() -> {
            configOf(connector);
            setState(connector, state);
            return null;
        });
    }

    private void setState(String connector, State state) {
        Map<String, String> config = configs.get(connector);
        List<TaskStatus> tasks = new ArrayList<>();
        for (int task = 0; state != State.STOPPED && task < taskCount(config); task++) {
            tasks.add(new TaskStatus(task, new StateInfo(state, WORKER_ID, null, "4.3.1", null)));
        }
        statuses.put(connector, new ConnectorStatus(connector, new StateInfo(state, WORKER_ID, null, "4.3.1", null), tasks, typeOf(config)));
    }

    @Override
    public synchronized ActiveTopics activeTopics(String connector) {
        return new ActiveTopics(connector, new TreeSet<>(topics.getOrDefault(connector, new TreeSet<>())));
    }

    @Override
    public synchronized void resetActiveTopics(String connector) {
        topics.remove(connector);
    }

    @Override
    public CompletableFuture<ConnectorOffsets> connectorOffsets(String connector) {
        return answer(() -> {
            configOf(connector);
            return new ConnectorOffsets(offsets.getOrDefault(connector, List.of()));
        });
    }

    @Override
    public CompletableFuture<OffsetsAltered> alterConnectorOffsets(String connector, ConnectorOffsets changes) {
        return answer(() -> {
            requireStopped(connector);
            List<ConnectorOffsets.Offset> current = new ArrayList<>(offsets.getOrDefault(connector, List.of()));
            for (ConnectorOffsets.Offset change : changes.offsets()) {
                current.removeIf(offset -> offset.partition().equals(change.partition()));
                if (change.offset() != null) {
                    current.add(change);
                }
            }
            offsets.put(connector, current);
            return new OffsetsAltered("The offsets for this connector have been altered successfully");
        });
    }

    @Override
    public CompletableFuture<OffsetsAltered> resetConnectorOffsets(String connector) {
        return answer(() -> {
            requireStopped(connector);
            offsets.remove(connector);
            return new OffsetsAltered("The offsets for this connector have been reset successfully");
        });
    }

    private void requireStopped(String connector) {
        configOf(connector);
        if (connectorStatus(connector).connector().state() != State.STOPPED) {
            throw new BadRequestException("Connectors must be in the STOPPED state before their offsets can be modified.");
        }
    }

    @Override
    public ConfigInfos validateConnectorConfig(Map<String, String> config) {
        if (stalled) {
            sleepForever();
        }
        return validator.validate(config);
    }

    @Override
    public List<PluginDesc> plugins(boolean connectorsOnly) {
        List<PluginDesc> plugins = new ArrayList<>();
        for (PluginType type : PluginType.values()) {
            if (!connectorsOnly || type == PluginType.SINK || type == PluginType.SOURCE) {
                plugins.addAll(PLUGINS.plugins(type));
            }
        }
        return plugins;
    }

    @Override
    public List<ConfigKeyInfo> pluginConfig(String classOrAlias, String version) {
        return validator.pluginConfig(classOrAlias, version);
    }

    private static int taskCount(Map<String, String> config) {
        return Integer.parseInt(config.getOrDefault("tasks.max", "1"));
    }

    private static ConnectorType typeOf(Map<String, String> config) {
        String connectorClass = config.get("connector.class");
        for (PluginType kind : Set.of(PluginType.SOURCE, PluginType.SINK)) {
            try {
                PLUGINS.pluginClass(connectorClass, kind);
                return kind == PluginType.SOURCE ? ConnectorType.SOURCE : ConnectorType.SINK;
            } catch (PluginNotFoundException | NullPointerException e) {
                // Try the other kind.
            }
        }
        return ConnectorType.UNKNOWN;
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
