/** {@code ferry kafka}: a single-node Kafka (KRaft broker and controller in one process). */
package io.ferry.cli.kafka;
