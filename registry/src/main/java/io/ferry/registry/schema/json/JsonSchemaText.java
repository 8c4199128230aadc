package io.ferry.registry.schema.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * Reads a schema's JSON text and writes it back: the canonical text (compact, keys in the order given)
 * and the normal form's tree (every object's keys sorted). Thread-safe.
 *
 * <p>Numbers with a fraction or exponent are read as exact decimals and written as read ({@code 1.50}
 * stays {@code 1.50}), as Confluent Schema Registry keeps them.
 */
final class JsonSchemaText {

    private static final JsonNodeFactory EXACT = JsonNodeFactory.withExactBigDecimals(true);

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A text with anything after its one JSON value is not a JSON document.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .nodeFactory(EXACT)
            .build();

    private JsonSchemaText() {
    }

    /**
     * The JSON value of a schema text.
     *
     * @throws InvalidSchemaException {@code Empty schema} for a blank text, otherwise the JSON parser's
     *                                message and where in the text it stopped
     */
    static JsonNode read(String text) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSchemaException("Invalid JSON: " + e.getOriginalMessage() + where(e.getLocation()), e);
        }
    }

    private static String where(JsonLocation location) {
        return location == null ? "" : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }

    /** Compact JSON, keys in the tree's order: the canonical text. */
    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree could not be written: " + e.getMessage(), e);
        }
    }

    /** A copy of the tree with the keys of every object, at every depth, in ascending order. */
    static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            Map<String, JsonNode> children = new TreeMap<>();
            node.properties().forEach(entry -> children.put(entry.getKey(), sorted(entry.getValue())));
            ObjectNode copy = EXACT.objectNode();
            copy.setAll(children);
            return copy;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(sorted(item)));
            ArrayNode copy = EXACT.arrayNode();
            copy.addAll(items);
            return copy;
        }
        return node;
    }
}
