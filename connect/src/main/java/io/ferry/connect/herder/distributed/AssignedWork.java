package io.ferry.connect.herder.distributed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Supplier;

import io.ferry.connect.herder.AutoRestarts;
import io.ferry.connect.herder.ConfigMasking;
import io.ferry.connect.herder.StatusTracker;
import io.ferry.connect.herder.WorkerConnectorContext;
import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.storage.kafka.ClusterConfigSnapshot;
import io.ferry.connect.storage.kafka.RestartRequest;
import io.ferry.connect.worker.Worker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs on this worker what the group's plan gives it, and keeps it in step with the config topic:
 * starts what is new in a plan and stops what was taken away; restarts a connector whose config
 * changed and tasks whose configs changed; follows target states and restart requests; has the
 * connectors it runs generate their task configs and sends them to the leader.
 *
 * <p>Owner thread only (the herder's), except the status callbacks, which only queue work there.
 */
final class AssignedWork {
    private static final Logger log = LoggerFactory.getLogger(AssignedWork.class);
    private static final long TASK_CONFIG_RETRY_MS = 1000;

    /**
     * What it works with.
     *
     * @param storeTaskConfigs sends a connector's generated task configs to the leader
     * @param rejoin           asks the group for a new plan
     */
    record Parts(Worker worker, Supplier<ClusterConfigSnapshot> snapshot, StatusStore statuses, ScheduledExecutorService owner,
            BiFunction<String, List<Map<String, String>>, CompletableFuture<Void>> storeTaskConfigs, Runnable rejoin) {
    }

    private final Worker worker;
    private final Supplier<ClusterConfigSnapshot> snapshot;
    private final StatusStore statuses;
    private final ScheduledExecutorService owner;
    private final Parts parts;
    private final StatusTracker tracker;
    private final AutoRestarts restarts;
    /** Written on the owner thread; read by task threads too ({@link #requireAssigned}). */
    private volatile ConnectAssignment assignment = ConnectAssignment.NONE;

    AssignedWork(Parts parts) {
        this.parts = parts;
        this.worker = parts.worker();
        this.snapshot = parts.snapshot();
        this.statuses = parts.statuses();
        this.owner = parts.owner();
        this.restarts = new AutoRestarts(worker.settings().config(), worker.settings().time());
        this.tracker = new StatusTracker(statuses, worker, new PlanRestarts());
    }

    StatusTracker tracker() {
        return tracker;
    }

    /** Stops what the new assignment takes away, then starts what it adds. */
    void apply(ConnectAssignment next) {
        // First, so that a revoked exactly-once task still starting fails its start check instead of starting.
        assignment = next;
        Set<TaskId> revokedTasks = new TreeSet<>(worker.taskIds());
        revokedTasks.removeAll(next.tasks());
        if (!revokedTasks.isEmpty()) {
            log.info("Stopping tasks {}: the plan gives them to other workers", revokedTasks);
            worker.stopAndAwaitTasks(revokedTasks);
            revokedTasks.forEach(restarts::forget);
        }
        for (String connector : worker.connectorNames()) {
            if (!next.connectors().contains(connector)) {
                log.info("Stopping connector {}: the plan gives it to another worker", connector);
                worker.stopConnector(connector);
                restarts.forget(connector);
            }
        }
        for (String connector : next.connectors()) {
            if (!worker.hasConnector(connector)) {
                startConnector(connector);
            }
        }
        Set<TaskId> running = worker.taskIds();
        for (TaskId task : next.tasks()) {
            if (!running.contains(task)) {
                startTask(task);
            }
        }
        if (next.rejoin()) {
            log.info("Stopped what the plan moves to other workers: asking for the next plan");
            parts.rejoin().run();
        }
    }

    // ---- changes read from the config topic

    void connectorConfigChanged(String connector) {
        if (!assignment.connectors().contains(connector)) {
            return;
        }
        if (worker.hasConnector(connector)) {
            log.info("The config of connector {} changed: restarting it", connector);
            worker.stopConnector(connector);
        }
        restarts.forget(connector);
        startConnector(connector);
    }

    void connectorRemoved(String connector) {
        List<TaskId> mine = new ArrayList<>();
        for (TaskId task : worker.taskIds()) {
            if (task.connector().equals(connector)) {
                mine.add(task);
            }
        }
        worker.stopAndAwaitTasks(mine);
        mine.forEach(statuses::removeTask);
        if (worker.hasConnector(connector)) {
            worker.stopConnector(connector);
        }
        restarts.forget(connector);
    }

    void targetStateChanged(String connector) {
        TargetState target = snapshot.get().targetState(connector);
        if (target == null) {
            return;
        }
        log.info("The target state of connector {} is {}", connector, target);
        if (assignment.connectors().contains(connector) && worker.hasConnector(connector)) {
            worker.setConnectorTargetState(connector, target).whenCompleteAsync((ignored, error) -> {
                if (error == null && target == TargetState.STARTED) {
                    reconfigureTasks(connector);
                }
            }, owner);
        } else if (assignment.connectors().contains(connector)) {
            startConnector(connector);
        }
        for (TaskId task : worker.taskIds()) {
            if (task.connector().equals(connector)) {
                if (target == TargetState.STOPPED) {
                    worker.stopAndAwaitTasks(List.of(task));
                    statuses.removeTask(task);
                } else {
                    worker.setTaskTargetState(task, target);
                }
            }
        }
    }

    /** The connector's task configs changed: its tasks here restart with the new ones (those that still exist). */
    void taskConfigsChanged(String connector) {
        List<TaskId> mine = new ArrayList<>();
        for (TaskId task : worker.taskIds()) {
            if (task.connector().equals(connector)) {
                mine.add(task);
            }
        }
        worker.stopAndAwaitTasks(mine);
        int count = snapshot.get().taskCount(connector);
        for (TaskId task : assignment.tasks()) {
            if (task.connector().equals(connector) && task.task() < count) {
                startTask(task);
            }
        }
    }

    void restart(RestartRequest request) {
        String connector = request.connector();
        if (assignment.connectors().contains(connector) && (!request.onlyFailed() || failed(statuses.get(connector)))) {
            log.info("Restarting connector {} as requested", connector);
            restarts.forget(connector);
            worker.stopConnector(connector);
            startConnector(connector);
        }
        if (request.includeTasks()) {
            for (TaskId task : assignment.tasks()) {
                if (task.connector().equals(connector) && (!request.onlyFailed() || failed(statuses.get(task)))) {
                    restartTask(task);
                }
            }
        }
    }

    void restartTask(TaskId task) {
        if (!assignment.tasks().contains(task)) {
            return;
        }
        log.info("Restarting task {} as requested", task);
        restarts.forget(task);
        worker.stopAndAwaitTasks(List.of(task));
        startTask(task);
    }

    /**
     * Throws unless the task is in this worker's current assignment: an exactly-once task that starts
     * late must not fence out the instance that runs now. Called on the task's thread.
     */
    void requireAssigned(TaskId task) {
        if (!assignment.tasks().contains(task)) {
            throw new org.apache.kafka.connect.errors.ConnectException("Task " + task + " is no longer assigned to worker "
                    + worker.workerId() + ": it does not start, so that it cannot fence out the instance that runs it now");
        }
    }

    private static boolean failed(StateInfo state) {
        return state != null && state.state() == State.FAILED;
    }

    // ---- starting connectors and tasks

    private void startConnector(String connector) {
        ClusterConfigSnapshot current = snapshot.get();
        Map<String, String> config = current.connectorConfigs().get(connector);
        TargetState target = current.targetState(connector);
        if (config == null) {
            return;
        }
        statuses.put(connector, StateInfo.of(State.UNASSIGNED, worker.workerId()));
        restarts.started(connector);
        worker.startConnector(connector, config, new WorkerConnectorContext(connector, worker, () -> owner.execute(() -> reconfigureTasks(connector))), tracker, target).whenCompleteAsync((ignored, error) -> {
            if (error == null && target == TargetState.STARTED) {
                reconfigureTasks(connector);
            }
        }, owner);
    }

    private void startTask(TaskId task) {
        ClusterConfigSnapshot current = snapshot.get();
        Map<String, String> config = current.connectorConfigs().get(task.connector());
        List<Map<String, String>> taskConfigs = current.taskConfigs().getOrDefault(task.connector(), List.of());
        if (config == null || task.task() >= taskConfigs.size() || worker.taskIds().contains(task)) {
            return;
        }
        statuses.put(task, StateInfo.of(State.UNASSIGNED, worker.workerId()));
        restarts.started(task);
        try {
            worker.startTask(task, config, taskConfigs.get(task.task()), tracker,
                    current.targetState(task.connector()));
        } catch (RuntimeException | LinkageError e) {
            log.error("Failed to start task {}", task, e);
            tracker.taskCouldNotStart(task, e);
        }
    }

    /** Asks a connector of this worker for its task configs; when they changed, sends them to the leader. */
    private void reconfigureTasks(String connector) {
        ClusterConfigSnapshot current = snapshot.get();
        Map<String, String> config = current.connectorConfigs().get(connector);
        if (config == null || !assignment.connectors().contains(connector) || !worker.isConnectorRunning(connector)
                || current.targetState(connector) != TargetState.STARTED) {
            return;
        }
        worker.connectorTaskConfigs(connector, config).handleAsync((generated, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                log.error("Failed to reconfigure the tasks of connector {}", connector, cause);
                worker.connectorFailed(connector, cause instanceof Exception e ? e : new RuntimeException(cause));
                return null;
            }
            List<Map<String, String>> stored = ConfigMasking.reverseTransform(config, worker.resolve(config), generated);
            if (stored.equals(snapshot.get().taskConfigs().getOrDefault(connector, List.of()))) {
                return null;
            }
            parts.storeTaskConfigs().apply(connector, stored).whenCompleteAsync((ignored, failure) -> {
                if (failure != null) {
                    log.warn("Could not store the task configs of connector {} ({}); trying again in {} ms", connector,
                            failure.getMessage(), TASK_CONFIG_RETRY_MS);
                    owner.schedule(() -> reconfigureTasks(connector), TASK_CONFIG_RETRY_MS, TimeUnit.MILLISECONDS);
                }
            }, owner);
            return null;
        }, owner);
    }

    // ---- automatic restarts (Ferry)

    private final class PlanRestarts implements StatusTracker.FailureListener {
        @Override
        public void connectorFailed(String connector) {
            if (restarts.enabled()) {
                owner.execute(() -> plan(connector, () -> {
                    worker.stopConnector(connector);
                    startConnector(connector);
                }, plan -> tracker.planned(connector, Instant.ofEpochMilli(plan.atMs()), plan.attempt()), () -> statuses.get(connector)));
            }
        }

        @Override
        public void taskFailed(TaskId task) {
            if (restarts.enabled()) {
                owner.execute(() -> plan(task, () -> {
                    worker.stopAndAwaitTasks(List.of(task));
                    startTask(task);
                }, plan -> tracker.planned(task, Instant.ofEpochMilli(plan.atMs()), plan.attempt()), () -> statuses.get(task)));
            }
        }

        private void plan(Object instance, Runnable restart, java.util.function.Consumer<AutoRestarts.Plan> show,
                Supplier<StateInfo> state) {
            AutoRestarts.Plan plan = restarts.failed(instance);
            show.accept(plan);
            log.info("Restarting {} in {} ms (automatic restart attempt {})", instance, plan.delayMs(), plan.attempt());
            owner.schedule(() -> {
                boolean stillMine = instance instanceof TaskId task ? assignment.tasks().contains(task)
                        : assignment.connectors().contains((String) instance);
                if (stillMine && failed(state.get())) {
                    restart.run();
                }
            }, plan.delayMs(), TimeUnit.MILLISECONDS);
        }
    }
}
