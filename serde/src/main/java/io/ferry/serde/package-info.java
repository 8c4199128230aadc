/**
 * Serializers, deserializers and Connect converters that speak a schema registry's wire format:
 * {@code 0x0 | 4-byte big-endian schema id | payload}, with the ids of Confluent Schema Registry's REST
 * API (which Ferry's registry serves).
 *
 * <p>{@code client} talks to the registry, {@code wire} frames payloads, {@code subject} names subjects,
 * {@code registry} holds what every format shares (the registry exceptions, their mapping, the shared keys),
 * {@code avro} holds Kafka's Avro serializer and deserializer, {@code connect} the Connect
 * {@code AvroConverter}, {@code jsonschema} the JSON Schema serializer and deserializer, {@code connect.json}
 * the Connect {@code JsonSchemaConverter}. Nothing here depends on another Ferry module, so the jar runs as a plain
 * plugin in any Kafka Connect worker or Kafka client.
 */
package io.ferry.serde;
