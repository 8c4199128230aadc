/**
 * What happens when a record fails in a task's pipeline (KIP-298 and beyond): retries with backoff
 * for retriable failures, tolerance, error logs, the dead-letter queue, and the errant-record
 * reporter sink tasks call (KIP-610). The decision is made here, in one place, from the
 * connector's {@code errors.*} settings; the task loops only say which stage ran.
 */
package io.ferry.connect.errors;
