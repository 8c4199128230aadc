package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the operations of a task's pipeline on a record, retrying, tolerating and reporting their
 * failures as the connector's {@link ErrorPolicy} says. One per task; thread-safe.
 *
 * <h2>Retries</h2>
 * An operation that throws Connect's {@link RetriableException} is tried again after 300 ms, then
 * after twice the previous wait, at most {@link ErrorPolicy#maxRetryDelayMs()} apart, as long as the
 * retry timeout (counted from the first attempt) has not passed; the last wait is cut short at the
 * timeout. {@link #triggerStop()} ends a wait at once, and no further attempt is made.
 *
 * <h2>Tolerance</h2>
 * A record fails when its operation throws anything else, or keeps throwing retriable exceptions
 * until the timeout (or the stop). A failed record is always reported (every {@link ErrorReporter},
 * in order) and counted, and then:
 * <ul>
 *   <li>in a stage where failures are tolerable — converters, transformations and
 *       {@link Stage#KAFKA_PRODUCE} (source records Kafka refused; tolerable for source connectors
 *       since KIP-779) — or when only retriable exceptions were thrown, it is skipped
 *       ({@code null} is returned) with {@code errors.tolerance=all}, and
 *       {@link ToleranceExceededException} is thrown with {@code none};</li>
 *   <li>any other failure (a non-retriable exception from {@code put()}, say) is rethrown wrapped in
 *       a plain {@link ConnectException} even with {@code errors.tolerance=all}.</li>
 * </ul>
 * Apache Kafka Connect skips a record whose retries ran out even with {@code errors.tolerance=none};
 * Ferry fails the task instead, so that no record is lost silently.
 *
 * <h2>Metrics</h2>
 * Every failed attempt counts a failure, every retry a retry; every failed record counts an error
 * and its timestamp, and a skipped record counts as skipped. For failures reported through
 * {@link #executeFailed} Ferry counts the error and the skip too, where Apache counts the error only
 * when the task fails.
 */
public final class RetryWithTolerance implements AutoCloseable {
    /** The first wait between two attempts. */
    public static final long INITIAL_RETRY_DELAY_MS = 300;

    private static final Logger log = LoggerFactory.getLogger(RetryWithTolerance.class);
    private static final Set<Stage> TOLERABLE_STAGES = EnumSet.of(
            Stage.KEY_CONVERTER, Stage.VALUE_CONVERTER, Stage.HEADER_CONVERTER, Stage.TRANSFORMATION, Stage.KAFKA_PRODUCE);

    private final ErrorPolicy policy;
    private final List<ErrorReporter> reporters;
    private final ErrorHandlingMetrics metrics;
    private final Time time;
    private final Object stopSignal = new Object();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean stopping;

    /**
     * @param reporters told of every failed record, in order; owned from now on (closed by {@link #close()})
     */
    public RetryWithTolerance(ErrorPolicy policy, List<ErrorReporter> reporters, ErrorHandlingMetrics metrics, Time time) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.reporters = List.copyOf(reporters);
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** The policy this handler follows (a source loop asks it whether Kafka's refusals are tolerated). */
    public ErrorPolicy policy() {
        return policy;
    }

    /**
     * Runs {@code operation} for the record of {@code context}, with retries (see the class
     * documentation). Does nothing and returns {@code null} when the context already failed (its
     * stage stays the one that failed). Blocks while it waits between attempts.
     *
     * @return the operation's result; {@code null} when the record failed and is skipped
     *         ({@code context.failed()} is then true, and the reporters were told)
     * @throws ToleranceExceededException when the record failed and errors are not tolerated
     * @throws ConnectException           when the record failed in a way no tolerance covers
     */
    public <V> V execute(ProcessingContext context, Stage stage, Class<?> executingClass, Callable<V> operation) {
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(executingClass, "executingClass");
        if (context.failed()) {
            log.debug("Skipping {} of a record that already failed in {}", stage, context.stage());
            return null;
        }
        context.position(stage, executingClass);
        V result;
        try {
            result = callWithRetries(context, operation);
        } catch (Exception e) {
            metrics.recordFailure();
            context.error(e);
            return fail(context, e, TOLERABLE_STAGES.contains(stage));
        }
        // Only retriable exceptions were thrown, until the timeout or the stop: tolerable in every stage.
        return context.failed() ? fail(context, context.error(), true) : result;
    }

    /**
     * Handles a failure that happened outside {@link #execute}: a source record Kafka refused, a
     * record a sink task reported as errant. Counts it and tells every reporter.
     *
     * @return completes when every reporter is done with it (the dead-letter queue acknowledged it)
     * @throws ToleranceExceededException when errors are not tolerated (the reporters were told first)
     */
    public Future<Void> executeFailed(ProcessingContext context, Stage stage, Class<?> executingClass, Throwable error) {
        context.position(Objects.requireNonNull(stage, "stage"), Objects.requireNonNull(executingClass, "executingClass"));
        context.error(Objects.requireNonNull(error, "error"));
        metrics.recordFailure();
        recordFailedRecord(context);
        if (!policy.tolerateAll()) {
            throw new ToleranceExceededException(error);
        }
        metrics.recordSkipped();
        return context.reported();
    }

    /**
     * Ends retries: a wait under way ends at once, and operations that fail retriably from now on
     * are not retried. Called from another thread when the task is asked to stop.
     */
    public void triggerStop() {
        synchronized (stopSignal) {
            stopping = true;
            stopSignal.notifyAll();
        }
    }

    /** Closes every reporter, once; a reporter's failure does not keep the others open. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ConnectException failure = null;
        for (ErrorReporter reporter : reporters) {
            try {
                reporter.close();
            } catch (RuntimeException e) {
                failure = failure != null ? failure : new ConnectException("Failed to close all reporters");
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private <V> V fail(ProcessingContext context, Throwable error, boolean tolerable) {
        recordFailedRecord(context);
        if (!tolerable) {
            throw new ConnectException("Unhandled exception in error handler", error);
        }
        if (!policy.tolerateAll()) {
            throw new ToleranceExceededException(error);
        }
        metrics.recordSkipped();
        return null;
    }

    private void recordFailedRecord(ProcessingContext context) {
        metrics.recordErrorTimestamp(time.milliseconds());
        metrics.recordError();
        context.reported(report(context));
    }

    /** Returns the result, or null with the last retriable exception in the context when retries ran out. */
    private <V> V callWithRetries(ProcessingContext context, Callable<V> operation) throws Exception {
        long deadline = policy.retriesForever() ? Long.MAX_VALUE : time.milliseconds() + policy.retryTimeoutMs();
        for (int attempt = 1; ; attempt++) {
            context.attempt(attempt);
            try {
                return operation.call();
            } catch (RetriableException e) {
                metrics.recordFailure();
                log.trace("Attempt {} of {} with {} failed retriably", attempt, context.stage(), context.executingClass(), e);
                if (stopping || time.milliseconds() >= deadline || !backoff(attempt, deadline)) {
                    context.error(e);
                    return null;
                }
                metrics.recordRetry();
            }
        }
    }

    /** Waits before the next attempt; false when the wait ended because the task is stopping. */
    private boolean backoff(int attempt, long deadline) {
        long now = time.milliseconds();
        long delay = Math.min(INITIAL_RETRY_DELAY_MS << Math.min(attempt - 1, 32), policy.maxRetryDelayMs());
        delay = Math.min(delay, deadline - now);
        log.debug("Retrying in {} ms", delay);
        try {
            time.waitObject(stopSignal, () -> stopping, now + delay);
            return false;
        } catch (TimeoutException waitedFully) {
            return !stopping;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Future<Void> report(ProcessingContext context) {
        if (reporters.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        List<Future<?>> reports = new ArrayList<>(reporters.size());
        for (ErrorReporter reporter : reporters) {
            try {
                reports.add(reporter.report(context));
            } catch (RuntimeException e) {
                log.error("Could not report a failed record with {}", reporter.getClass().getSimpleName(), e);
                reports.add(CompletableFuture.failedFuture(e));
            }
        }
        return new ReportsFuture(reports);
    }
}
