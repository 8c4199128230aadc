/**
 * Kafka {@code Serializer} and {@code Deserializer} for Avro data (generic and specific records,
 * primitives) in the registry wire format, configured with Confluent's keys.
 */
package io.ferry.serde.avro;
