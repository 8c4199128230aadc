package io.ferry.connect.herder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.StatusStore;
import io.ferry.connect.worker.ConnectorStatusListener;
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
    private final String workerId;
    private final FailureListener failures;

    public StatusTracker(StatusStore store, String workerId, FailureListener failures) {
        this.store = store;
        this.workerId = workerId;
        this.failures = failures;
    }

    @Override
    public void onStartup(String connector) {
        store.put(connector, StateInfo.of(State.RUNNING, workerId));
    }

    @Override
    public void onPause(String connector) {
        store.put(connector, StateInfo.of(State.PAUSED, workerId));
    }

    @Override
    public void onStop(String connector) {
        store.put(connector, StateInfo.of(State.STOPPED, workerId));
    }

    @Override
    public void onResume(String connector) {
        store.put(connector, StateInfo.of(State.RUNNING, workerId));
    }

    @Override
    public void onFailure(String connector, Throwable cause) {
        store.put(connector, new StateInfo(State.FAILED, workerId, trace(cause), null, null));
        failures.connectorFailed(connector);
    }

    @Override
    public void onShutdown(String connector) {
        StateInfo current = store.get(connector);
        if (current != null && current.state() != State.FAILED) {
            store.put(connector, StateInfo.of(State.UNASSIGNED, workerId));
        }
    }

    @Override
    public void onStartup(TaskId task) {
        store.put(task, StateInfo.of(State.RUNNING, workerId));
    }

    @Override
    public void onPause(TaskId task) {
        store.put(task, StateInfo.of(State.PAUSED, workerId));
    }

    @Override
    public void onResume(TaskId task) {
        store.put(task, StateInfo.of(State.RUNNING, workerId));
    }

    @Override
    public void onFailure(TaskId task, Throwable cause) {
        store.put(task, new StateInfo(State.FAILED, workerId, trace(cause), null, null));
        failures.taskFailed(task);
    }

    @Override
    public void onShutdown(TaskId task) {
        StateInfo current = store.get(task);
        if (current != null && current.state() != State.FAILED) {
            store.put(task, StateInfo.of(State.UNASSIGNED, workerId));
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
