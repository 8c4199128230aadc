/**
 * Where a worker keeps what must outlive it: source offsets (in Apache Kafka Connect's key/value
 * format, so a team can move a connector's offsets between runtimes), connector configs and
 * statuses — each behind an interface with a standalone implementation now and Kafka-topic
 * implementations for distributed workers.
 */
package io.ferry.connect.storage;
