package io.ferry.connect.worker.task;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ferry.connect.metrics.TaskMetrics;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.LoaderSwap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The life of one task on its own thread: start, run its loop until asked to stop, close — telling
 * the {@link TaskStatusListener} each step, and a failure with its cause. Pausing is a target state
 * the loop checks; stopping is a flag the loop checks and a wake-up of whatever it blocks on.
 *
 * <p>{@link #run()} runs on the task thread; {@link #transitionTo}, {@link #stop}, {@link #awaitStop}
 * and {@link #cancel} are called from others.
 */
public abstract class WorkerTask implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(WorkerTask.class);

    protected final TaskId id;
    protected final TaskMetrics taskMetrics;
    private final TaskStatusListener listener;
    private final ClassLoader loader;
    private final String version;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile TargetState targetState;
    private volatile boolean stopping;
    private volatile boolean cancelled;

    protected WorkerTask(TaskId id, TargetState initialState, TaskStatusListener listener, TaskMetrics taskMetrics,
            ClassLoader loader, String version) {
        this.id = id;
        this.version = version;
        this.targetState = initialState;
        this.listener = listener;
        this.taskMetrics = taskMetrics;
        this.loader = loader;
    }

    public TaskId id() {
        return id;
    }

    /** What the task plugin reports as its version. */
    public String version() {
        return version;
    }

    /** Initialises and starts the plugin task. */
    protected abstract void initializeAndStart();

    /** The loop; returns when {@link #isStopping()}. */
    protected abstract void execute() throws Exception;

    /** Releases everything the task holds; runs on the task thread after the loop, whatever happened. */
    protected abstract void close();

    /** Wakes the loop out of whatever it blocks on (a consumer poll, a wait). */
    protected void wakeUp() {
    }

    @Override
    public final void run() {
        Thread.currentThread().setName("task-thread-" + id);
        try (LoggingContext context = LoggingContext.forTask(id); LoaderSwap swap = LoaderSwap.to(loader)) {
            runLifecycle();
        } finally {
            finished.countDown();
        }
    }

    private void runLifecycle() {
        boolean failed = false;
        try {
            if (!isStopping()) {
                initializeAndStart();
                reportStarted();
                execute();
            }
        } catch (Throwable t) {
            if (isStopping() && !cancelled) {
                // As Apache Kafka Connect: the worker gave the task up; a FAILED status now would describe the
                // instance that may already run elsewhere, and nothing should restart this one.
                log.warn("{} After being asked to stop, the task threw an exception; a newer instance of it may already run",
                        this, t);
            } else if (!cancelled) {
                failed = true;
                log.error("{} Task threw an uncaught and unrecoverable exception. Task is being killed and will not recover "
                        + "until manually restarted", this, t);
                taskMetrics.recordState(State.FAILED);
                listener.onFailure(id, t);
            }
        } finally {
            try {
                close();
            } catch (Throwable t) {
                log.error("{} Task failed to close cleanly", this, t);
            }
            if (!failed && !cancelled) {
                taskMetrics.recordState(State.UNASSIGNED);
                listener.onShutdown(id);
            }
            taskMetrics.close();
        }
    }

    private void reportStarted() {
        if (targetState == TargetState.PAUSED) {
            taskMetrics.recordState(State.PAUSED);
            listener.onPause(id);
        } else {
            taskMetrics.recordState(State.RUNNING);
            listener.onStartup(id);
        }
    }

    /** Asks the task to be running or paused; a stopped target means stop. */
    public void transitionTo(TargetState state) {
        synchronized (this) {
            if (stopping) {
                return;
            }
            targetState = state;
            notifyAll();
        }
        wakeUp();
    }

    protected boolean isPaused() {
        return targetState == TargetState.PAUSED;
    }

    /**
     * Blocks while the task is paused, reporting the pause and the resume.
     *
     * @return false when the task is stopping instead
     */
    protected boolean awaitUnpaused() throws InterruptedException {
        if (!isPaused()) {
            return !isStopping();
        }
        taskMetrics.recordState(State.PAUSED);
        listener.onPause(id);
        synchronized (this) {
            while (isPaused() && !stopping) {
                wait();
            }
        }
        if (!isStopping()) {
            taskMetrics.recordState(State.RUNNING);
            listener.onResume(id);
        }
        return !isStopping();
    }

    /** Tells the pause-aware loop that the pause was noticed (for loops that do not block in {@link #awaitUnpaused()}). */
    protected void reportPaused(boolean paused) {
        taskMetrics.recordState(paused ? State.PAUSED : State.RUNNING);
        if (paused) {
            listener.onPause(id);
        } else {
            listener.onResume(id);
        }
    }

    /** Asks the task to stop; returns at once. */
    public void stop() {
        synchronized (this) {
            stopping = true;
            notifyAll();
        }
        wakeUp();
    }

    public boolean isStopping() {
        return stopping;
    }

    /** Waits for the task thread to finish; false when the time ran out first. */
    public boolean awaitStop(long timeoutMs) {
        try {
            return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Gives up on a task that did not stop in time: whatever it does from now on is not reported
     * and its output is not committed.
     */
    public void cancel() {
        cancelled = true;
        onCancel();
    }

    protected boolean isCancelled() {
        return cancelled;
    }

    /** Releases what a cancelled task might still use to do harm (its producer, say). */
    protected void onCancel() {
    }

    /** Runs a clean-up step; a failure is logged and does not stop the next step. */
    protected void quietly(Runnable action, String what) {
        try {
            action.run();
        } catch (Throwable t) {
            log.warn("{} Could not {}", this, what, t);
        }
    }

    @Override
    public String toString() {
        return "WorkerTask{" + id + "}";
    }
}
