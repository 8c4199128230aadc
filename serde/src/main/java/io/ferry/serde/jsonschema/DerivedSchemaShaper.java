package io.ferry.serde.jsonschema;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Gives a generated class schema the shape Confluent's serializer registers, so both register the same text (the
 * registry compares schemas by text before normalizing): {@code $schema} and a title first, keys in the order
 * {@code type, additionalProperties, properties, required}, definitions last, and each optional property (one not
 * {@code required}) a {@code oneOf} of {@code {"type":"null","title":"Not included"}} and its schema when
 * {@code json.oneof.for.nullables} is on.
 */
final class DerivedSchemaShaper {
    /** Keys in this order first, any others after them in their generated order. */
    private static final List<String> KEY_ORDER = List.of("$schema", "title", "description", "type", "enum", "format",
            "additionalProperties", "properties", "required", "items");
    private static final List<String> SUBSCHEMA_LISTS = List.of("oneOf", "anyOf", "allOf");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final PojoSchemaOptions options;

    DerivedSchemaShaper(PojoSchemaOptions options) {
        this.options = options;
    }

    /** The registered form of {@code generated}, the schema of {@code type}. */
    ObjectNode shape(ObjectNode generated, Class<?> type) {
        String definitionsKey = options.spec().definitionsKey();
        JsonNode definitions = generated.remove(definitionsKey);
        generated.put("$schema", options.spec().uri());
        generated.put("title", title(type.getSimpleName()));
        ObjectNode root = shapeSchema(generated);
        if (definitions != null && definitions.isObject()) {
            ObjectNode shaped = root.putObject(definitionsKey);
            definitions.properties().forEach(entry -> shaped.set(entry.getKey(), shapeSchema(entry.getValue())));
        }
        return root;
    }

    /** A class's simple name as words, as Confluent's titles read: {@code OrderLine} is "Order Line". */
    static String title(String simpleName) {
        String words = simpleName.replaceAll("(?<=[A-Z])(?=[A-Z][a-z])|(?<=[^A-Z])(?=[A-Z])|(?<=[A-Za-z])(?=[^A-Za-z])", " ");
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private JsonNode shapeSchema(JsonNode schema) {
        return schema.isObject() ? shapeSchema((ObjectNode) schema) : schema;
    }

    private ObjectNode shapeSchema(ObjectNode schema) {
        if (schema.get("properties") instanceof ObjectNode properties) {
            Set<String> required = new HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                JsonNode shaped = shapeSchema(property.getValue());
                property.setValue(options.oneOfForNullables() && !required.contains(property.getKey()) ? nullable(shaped) : shaped);
            }
        }
        for (String key : List.of("items", "additionalProperties")) {
            if (schema.get(key) instanceof ObjectNode sub) {
                schema.set(key, shapeSchema(sub));
            }
        }
        for (String key : SUBSCHEMA_LISTS) {
            if (schema.get(key) instanceof ArrayNode list) {
                for (int i = 0; i < list.size(); i++) {
                    list.set(i, shapeSchema(list.get(i)));
                }
            }
        }
        return ordered(schema);
    }

    private static ObjectNode nullable(JsonNode schema) {
        ObjectNode wrapper = NODES.objectNode();
        ArrayNode oneOf = wrapper.putArray("oneOf");
        oneOf.addObject().put("type", "null").put("title", "Not included");
        oneOf.add(schema);
        return wrapper;
    }

    private static ObjectNode ordered(ObjectNode schema) {
        ObjectNode ordered = NODES.objectNode();
        for (String key : KEY_ORDER) {
            if (schema.has(key)) {
                ordered.set(key, schema.get(key));
            }
        }
        List<String> rest = new ArrayList<>();
        schema.fieldNames().forEachRemaining(rest::add);
        rest.removeAll(KEY_ORDER);
        rest.forEach(key -> ordered.set(key, schema.get(key)));
        return ordered;
    }
}
