/**
 * An in-process Apache Kafka node in KRaft mode, started through Kafka's own server classes
 * ({@code kafka.server.KafkaRaftServer}).
 *
 * <p>A node is either {@link io.ferry.kafka.embedded.KafkaNodeRole#COMBINED combined} (broker and
 * controller in one JVM, what {@code ferry kafka} and {@code ferry dev} run) or a
 * {@link io.ferry.kafka.embedded.KafkaNodeRole#BROKER broker} that joins a combined node's quorum
 * (how the test kit builds several brokers). Storage is formatted on first start and reused after.
 *
 * <p>This is the only production package, together with the command line, that may touch Kafka's
 * server classes; everything else in Ferry talks to Kafka through {@code kafka-clients}.
 */
package io.ferry.kafka.embedded;
