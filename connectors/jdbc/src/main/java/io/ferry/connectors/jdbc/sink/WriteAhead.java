package io.ferry.connectors.jdbc.sink;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.MDC;

/**
 * Runs the task's database writes on one thread of their own, one at a time, so the task maps the next
 * batch while the database takes the current one: the database's time overlaps Kafka's and the
 * converters' instead of adding to it.
 *
 * <p>At most one write is in flight; {@link #submit} waits for the previous one first, so batches commit in
 * order. A failed write is rethrown by the next {@link #submit}, {@link #checkFinished} or {@link #await}, and
 * by every call after it: the task is failed, and a worker that rewinds after a failed {@code preCommit}
 * must not see later batches succeed on top of the lost one. The task calls
 * {@link #await} before its offsets are committed, so no offset passes a batch that is not in the database.
 * Used from the task's thread only.
 */
final class WriteAhead implements AutoCloseable {
    private final ExecutorService thread;
    private Future<?> inFlight;
    private RuntimeException failure;

    WriteAhead(String threadName) {
        this.thread = Executors.newSingleThreadExecutor(runnable -> {
            Thread writer = new Thread(runnable, threadName);
            writer.setDaemon(true);
            return writer;
        });
    }

    /** Waits for the write in flight, then starts this one, with the caller's logging context (the task's). */
    void submit(Runnable write) {
        await();
        Map<String, String> context = MDC.getCopyOfContextMap();
        inFlight = thread.submit(() -> {
            if (context != null) {
                MDC.setContextMap(context);
            }
            try {
                write.run();
            } finally {
                MDC.clear();
            }
        });
    }

    /** Rethrows the failure of a write that has finished, without waiting for one that has not. */
    void checkFinished() {
        if (failure != null || inFlight != null && inFlight.isDone()) {
            await();
        }
    }

    /**
     * Waits until the write in flight, if any, has committed.
     *
     * @throws ConnectException (or the write's own runtime exception) when it failed
     */
    void await() {
        if (failure != null) {
            throw failure;
        }
        Future<?> pending = inFlight;
        if (pending == null) {
            return;
        }
        inFlight = null;
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting for the database write", e);
        } catch (ExecutionException e) {
            failure = e.getCause() instanceof RuntimeException cause ? cause
                    : new ConnectException("The database write failed", e.getCause());
            throw failure;
        }
    }

    /** Waits for the write in flight (ignoring its failure: the task is stopping) and ends the thread. */
    @Override
    public void close() {
        try {
            await();
        } catch (RuntimeException ignored) {
            // already reported through put or flush, or the task is being stopped after a failure
        } finally {
            thread.shutdown();
            try {
                thread.awaitTermination(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
