/**
 * The sink side of a worker: the loop that consumes a connector's topics in its consumer group
 * ({@code connect-<name>}), converts and transforms records, hands them to a
 * {@link org.apache.kafka.connect.sink.SinkTask}, and commits consumer offsets only for what the task
 * accepted and, through {@code preCommit}, said it had made durable.
 */
package io.ferry.connect.worker.sink;
