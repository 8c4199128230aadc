package io.ferry.connect.herder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.worker.ConnectorStatusListener;
import io.ferry.connect.worker.Worker;
import io.ferry.connect.worker.task.TaskStatusListener;
import io.ferry.connect.worker.task.TopicUseListener;

/**
 * Turns what connectors and tasks report into their statuses, and tells the herder of failures so
 * it can plan a restart. Called from connector and task threads.
 */
public final class StatusTracker implements ConnectorStatusListener, TaskStatusListener, TopicUseListener {

    /** Told of each failure, after the FAILED status is written. */
    public interface FailureListener {
        void connectorFailed(String connector);

        void taskFailed(TaskId task);
    }

    private final StatusStore store;
    private final Worker worker;
    private final String workerId;
    private final FailureListener failures;

    /**
     * @param worker where the connectors and tasks run: each status carries the version of the plugin
     *               the worker runs for it, as Apache's statuses do (null once it no longer runs there)
     */
    public StatusTracker(StatusStore store, Worker worker, FailureListener failures) {
        this.store = store;
        this.worker = worker;
        this.workerId = worker.workerId();
        this.failures = failures;
    }

    private StateInfo state(State state, String connector) {
        return new StateInfo(state, workerId, null, worker.connectorVersion(connector), null);
    }

    private StateInfo state(State state, TaskId task) {
        return new StateInfo(state, workerId, null, worker.taskVersion(task), null);
    }

    @Override
    public void onStartup(String connector) {
        store.put(connector, state(State.RUNNING, connector));
    }

    @Override
    public void onPause(String connector) {
        store.put(connector, state(State.PAUSED, connector));
    }

    @Override
    public void onStop(String connector) {
        store.put(connector, state(State.STOPPED, connector));
    }

    @Override
    public void onResume(String connector) {
        store.put(connector, state(State.RUNNING, connector));
    }

    @Override
    public void onFailure(String connector, Throwable cause) {
        store.put(connector, new StateInfo(State.FAILED, workerId, trace(cause), worker.connectorVersion(connector), null));
        failures.connectorFailed(connector);
    }

    @Override
    public void onShutdown(String connector) {
        StateInfo current = store.get(connector);
        if (current != null && current.state() != State.FAILED) {
            store.put(connector, state(State.UNASSIGNED, connector));
        }
    }

    @Override
    public void onStartup(TaskId task) {
        store.put(task, state(State.RUNNING, task));
    }

    @Override
    public void onPause(TaskId task) {
        store.put(task, state(State.PAUSED, task));
    }

    @Override
    public void onResume(TaskId task) {
        store.put(task, state(State.RUNNING, task));
    }

    @Override
    public void onFailure(TaskId task, Throwable cause) {
        store.put(task, new StateInfo(State.FAILED, workerId, trace(cause), worker.taskVersion(task), null));
        failures.taskFailed(task);
    }

    @Override
    public void onShutdown(TaskId task) {
        StateInfo current = store.get(task);
        if (current != null && current.state() != State.FAILED) {
            store.put(task, state(State.UNASSIGNED, task));
        }
    }

    @Override
    public void onTopicUsed(String connector, String topic) {
        store.addTopic(connector, topic);
    }

    /** Marks a task that could not even be made as failed. */
    public void taskCouldNotStart(TaskId task, Throwable cause) {
        onFailure(task, cause);
    }

    /** Adds a planned automatic restart to a FAILED status. */
    public void planned(TaskId task, Instant at, int attempt) {
        StateInfo current = store.get(task);
        if (current != null && current.state() == State.FAILED) {
            store.put(task, new StateInfo(State.FAILED, current.workerId(), current.trace(), current.version(),
                    new StateInfo.Retry(at, attempt)));
        }
    }

    public void planned(String connector, Instant at, int attempt) {
        StateInfo current = store.get(connector);
        if (current != null && current.state() == State.FAILED) {
            store.put(connector, new StateInfo(State.FAILED, current.workerId(), current.trace(), current.version(),
                    new StateInfo.Retry(at, attempt)));
        }
    }

    public static String trace(Throwable cause) {
        StringWriter text = new StringWriter();
        cause.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
