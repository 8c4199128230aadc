package io.ferry.connect.metrics;

import java.util.List;

import org.apache.kafka.common.metrics.Sensor;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;

/**
 * What error handling did for one task: the {@code task-error-metrics} group, tagged
 * {@code connector} and {@code task}. Every count starts at 0 when the task's metrics are
 * registered. Thread-safe. {@link #close()} removes the metrics.
 */
public final class TaskErrorMetrics implements ErrorHandlingMetrics, AutoCloseable {
    public static final String GROUP = "task-error-metrics";

    static final MetricDefinition FAILURES = define("total-record-failures", Kind.TOTAL,
            "Failed attempts to process a record in the task, retried or not.");
    static final MetricDefinition ERRORS = define("total-record-errors", Kind.TOTAL,
            "Records the task could not process, after any retries.");
    static final MetricDefinition SKIPPED = define("total-records-skipped", Kind.TOTAL,
            "Records skipped because errors are tolerated.");
    static final MetricDefinition RETRIES = define("total-retries", Kind.TOTAL,
            "Operations that were retried.");
    static final MetricDefinition ERRORS_LOGGED = define("total-errors-logged", Kind.TOTAL,
            "Errors written to the log.");
    static final MetricDefinition DLQ_REQUESTS = define("deadletterqueue-produce-requests", Kind.TOTAL,
            "Records the task tried to write to its dead letter queue.");
    static final MetricDefinition DLQ_FAILURES = define("deadletterqueue-produce-failures", Kind.TOTAL,
            "Writes to the dead letter queue that failed.");
    static final MetricDefinition LAST_ERROR = define("last-error-timestamp", Kind.GAUGE,
            "When the task last met an error, in milliseconds since the epoch; 0 if it has not.");

    static final List<MetricDefinition> DEFINITIONS = List.of(FAILURES, ERRORS, SKIPPED, RETRIES, ERRORS_LOGGED,
            DLQ_REQUESTS, DLQ_FAILURES, LAST_ERROR);

    private final MetricGroup group;
    private final Runnable onClose;
    private final Sensor failures;
    private final Sensor errors;
    private final Sensor skipped;
    private final Sensor retries;
    private final Sensor errorsLogged;
    private final Sensor dlqRequests;
    private final Sensor dlqFailures;
    private volatile long lastErrorMs;

    TaskErrorMetrics(MetricGroup group, Runnable onClose) {
        this.group = group;
        this.onClose = onClose;
        this.failures = group.sensor("total-record-failures", FAILURES);
        this.errors = group.sensor("total-record-errors", ERRORS);
        this.skipped = group.sensor("total-records-skipped", SKIPPED);
        this.retries = group.sensor("total-retries", RETRIES);
        this.errorsLogged = group.sensor("total-errors-logged", ERRORS_LOGGED);
        this.dlqRequests = group.sensor("deadletterqueue-produce-requests", DLQ_REQUESTS);
        this.dlqFailures = group.sensor("deadletterqueue-produce-failures", DLQ_FAILURES);
        group.gauge(LAST_ERROR, () -> lastErrorMs);
    }

    private static MetricDefinition define(String name, Kind kind, String description) {
        return new MetricDefinition(GROUP, name, Scope.TASK, kind, description);
    }

    @Override
    public void recordFailure() {
        failures.record();
    }

    @Override
    public void recordError() {
        errors.record();
    }

    @Override
    public void recordSkipped() {
        skipped.record();
    }

    @Override
    public void recordRetry() {
        retries.record();
    }

    @Override
    public void recordErrorLogged() {
        errorsLogged.record();
    }

    @Override
    public void recordDeadLetterQueueProduceRequest() {
        dlqRequests.record();
    }

    @Override
    public void recordDeadLetterQueueProduceFailed() {
        dlqFailures.record();
    }

    @Override
    public void recordErrorTimestamp(long epochMillis) {
        lastErrorMs = epochMillis;
    }

    /** Removes this task's error metrics. Idempotent. */
    @Override
    public void close() {
        group.close();
        onClose.run();
    }
}
