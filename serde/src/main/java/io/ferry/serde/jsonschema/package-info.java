/**
 * Kafka {@code Serializer} and {@code Deserializer} for JSON documents described by a JSON Schema held in the
 * registry, in the registry wire format ({@code 0x0 | 4-byte schema id | UTF-8 JSON}), configured with
 * Confluent's keys. The payload reader and writer here are shared with the Connect {@code JsonSchemaConverter};
 * the serializer alone derives schemas from Java classes ({@code PojoSchemaGenerator}, the {@code Schema}
 * annotation).
 */
package io.ferry.serde.jsonschema;
