/**
 * What happens when a record fails in a task's pipeline (KIP-298 and beyond): retries with backoff
 * for retriable failures, tolerance, error logs, the dead-letter queue, and the errant-record
 * reporter sink tasks call (KIP-610). The decision is made here, in one place, from the
 * connector's {@code errors.*} settings; the task loops only say which stage ran.
 *
 * <p>A task builds one {@link io.ferry.connect.errors.RetryWithTolerance} (see
 * {@link io.ferry.connect.errors.ErrorReporters#errorHandler}), makes a
 * {@link io.ferry.connect.errors.ProcessingContext} per record, and runs each stage of that record
 * through {@code execute}; failures that happen elsewhere (a producer callback, an errant record)
 * go through {@code executeFailed}. Sink tasks see their records as
 * {@link io.ferry.connect.errors.InternalSinkRecord}s, so that what they report as errant reaches the
 * dead-letter queue with the bytes that were consumed. Source connectors may have a dead-letter
 * queue too, which Apache Kafka Connect does not offer.
 */
package io.ferry.connect.errors;
