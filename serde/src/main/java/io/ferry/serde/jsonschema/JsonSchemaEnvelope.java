package io.ferry.serde.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Confluent's envelope: a JSON object {@code {"schema": <JSON Schema>, "payload": <document>}} that carries its
 * own schema. {@link KafkaJsonSchemaSerializer} writes the payload of an envelope with the envelope's schema.
 * Stateless.
 */
public final class JsonSchemaEnvelope {
    public static final String SCHEMA = "schema";
    public static final String PAYLOAD = "payload";

    private JsonSchemaEnvelope() {
    }

    /** An envelope of a schema and a document (a JsonNode, a Map or a Jackson-serializable object). */
    public static ObjectNode envelope(JsonNode schema, Object payload) {
        ObjectNode envelope = ParsedJsonSchema.MAPPER.createObjectNode();
        envelope.set(SCHEMA, schema);
        envelope.set(PAYLOAD, payload instanceof JsonNode node ? node : ParsedJsonSchema.MAPPER.valueToTree(payload));
        return envelope;
    }

    /** An envelope of schema text and a document. */
    public static ObjectNode envelope(String schema, Object payload) {
        return envelope(ParsedJsonSchema.parse(schema).tree(), payload);
    }

    /** Whether a tree is an envelope: an object of exactly {@code schema} (an object or boolean) and {@code payload}. */
    public static boolean isEnvelope(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 2 || !node.has(PAYLOAD)) {
            return false;
        }
        JsonNode schema = node.get(SCHEMA);
        return schema != null && (schema.isObject() || schema.isBoolean());
    }
}
