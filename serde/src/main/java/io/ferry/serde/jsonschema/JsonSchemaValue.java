package io.ferry.serde.jsonschema;

import java.util.Objects;

/**
 * A document with the JSON Schema to write it with: the explicit way to hand {@link KafkaJsonSchemaSerializer}
 * a schema (the other two are Confluent's envelope, {@link JsonSchemaEnvelope}, and {@code use.latest.version}).
 *
 * @param schema  the schema
 * @param payload the document: a Jackson {@code JsonNode}, a {@code Map}, or any Jackson-serializable object;
 *                {@code null} writes JSON {@code null}
 */
public record JsonSchemaValue(ParsedJsonSchema schema, Object payload) {
    public JsonSchemaValue {
        Objects.requireNonNull(schema, "schema");
    }

    /** A document with schema text. */
    public static JsonSchemaValue of(String schema, Object payload) {
        return new JsonSchemaValue(ParsedJsonSchema.parse(schema), payload);
    }
}
