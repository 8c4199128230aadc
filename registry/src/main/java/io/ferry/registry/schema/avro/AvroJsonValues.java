package io.ferry.registry.schema.avro;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.JsonProperties;

/**
 * Writes the Java values Avro hands out for default values and custom properties as compact JSON, with
 * the members of every object sorted by name, as Confluent Schema Registry's normal form writes them.
 */
final class AvroJsonValues {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AvroJsonValues() {
    }

    /** The value as compact JSON; {@code null} and Avro's null marker both write as {@code null}. */
    static String json(Object value) {
        return node(value).toString();
    }

    /** A JSON string literal for the text. */
    static String quoted(String text) {
        return NODES.textNode(text).toString();
    }

    private static JsonNode node(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return NODES.nullNode();
        } else if (value instanceof Map<?, ?> map) {
            return objectNode(map);
        } else if (value instanceof Collection<?> items) {
            ArrayNode array = NODES.arrayNode();
            items.forEach(item -> array.add(node(item)));
            return array;
        } else if (value instanceof byte[] bytes) {
            // Avro's JSON encoding of bytes and fixed: one character per byte.
            return NODES.textNode(new String(bytes, StandardCharsets.ISO_8859_1));
        } else if (value instanceof CharSequence || value instanceof Enum<?>) {
            return NODES.textNode(value.toString());
        }
        return scalarNode(value);
    }

    private static ObjectNode objectNode(Map<?, ?> map) {
        Map<String, JsonNode> members = new TreeMap<>();
        map.forEach((key, member) -> members.put(key.toString(), node(member)));
        ObjectNode object = NODES.objectNode();
        object.setAll(members);
        return object;
    }

    private static JsonNode scalarNode(Object value) {
        if (value instanceof Double d) {
            return NODES.numberNode(d);
        } else if (value instanceof Float f) {
            return NODES.numberNode(f);
        } else if (value instanceof Long l) {
            return NODES.numberNode(l);
        } else if (value instanceof Integer i) {
            return NODES.numberNode(i);
        } else if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        } else if (value instanceof BigInteger big) {
            return NODES.numberNode(big);
        } else if (value instanceof BigDecimal decimal) {
            return NODES.numberNode(decimal);
        }
        throw new IllegalArgumentException("Not a JSON value from Avro: " + value.getClass().getName());
    }
}
