/**
 * What a record passes through between a task and Kafka: the transformation chain (SMTs, each
 * optionally conditioned on a predicate) and the key, value and header converters. Each step runs
 * under the task's error handling, which decides retries, tolerance and dead-letter routing.
 */
package io.ferry.connect.worker.pipeline;
