/**
 * A distributed worker's shared state in Kafka topics, in Apache Kafka Connect's record formats:
 * connector and task configs in the config topic ({@link io.ferry.connect.storage.kafka.KafkaConfigStore}),
 * connector, task and topic statuses in the status topic
 * ({@link io.ferry.connect.storage.kafka.KafkaStatusStore}).
 *
 * <p>Keys and values are byte for byte those of Apache's {@code KafkaConfigBackingStore} and
 * {@code KafkaStatusBackingStore} (values as Apache's {@code JsonConverter} writes them with
 * {@code schemas.enable=false}), so Ferry workers can take over an Apache Connect cluster's topics and
 * Apache workers can read Ferry's. Ferry adds two record kinds of its own to the config topic
 * ({@code ferry-cluster} and {@code ferry-restart-task-<connector>-<task>}) and two fields to status
 * values ({@code ferry.retry.at}, {@code ferry.retry.attempt}); Apache skips both.
 *
 * <p>Both stores read their topic with {@link io.ferry.kafka.support.tailer.CompactedTopicTailer}.
 */
package io.ferry.connect.storage.kafka;
