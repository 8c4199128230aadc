package io.ferry.connect.worker.task;

import io.ferry.connect.model.TaskId;

/**
 * Told of every change in a task's life. Called on the task's own thread; implementations must not
 * block it for long.
 */
public interface TaskStatusListener {

    void onStartup(TaskId task);

    void onPause(TaskId task);

    void onResume(TaskId task);

    /** The task stopped with a failure; it does not run again until restarted. */
    void onFailure(TaskId task, Throwable cause);

    /** The task stopped as asked. */
    void onShutdown(TaskId task);
}
