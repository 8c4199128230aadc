package io.ferry.serde.connect.json;

import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_INDEX;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_PARAMETERS;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_TYPE;
import static io.ferry.serde.connect.json.JsonSchemaNames.CONNECT_VERSION;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.ConnectSchema;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect schema → JSON Schema, as Confluent's converter writes it: integers and numbers with a {@code connect.type},
 * bytes as a string with {@code connect.type: bytes} (a Decimal as a number), structs as objects whose properties
 * carry their field position in {@code connect.index}, maps with string keys as objects of
 * {@code additionalProperties} and other maps as arrays of {@code {key, value}} objects, optional schemas as
 * {@code oneOf [null, schema]}, the name as {@code title}, the doc as {@code description}.
 *
 * <p>The keys of each object come in the order Confluent's converter writes them (type, title, description,
 * default, the {@code connect.*} properties in its hash order, then the type's own keywords; properties in its
 * hash order), so that both register the same text and get the same id. Stateless and thread-safe.
 */
final class ConnectToJsonSchema {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonSchemaDataOptions options;
    private final ConnectToJsonValue values;

    ConnectToJsonSchema(JsonSchemaDataOptions options, ConnectToJsonValue values) {
        this.options = options;
        this.values = values;
    }

    ObjectNode convert(Schema schema) {
        return convert(schema, null, false);
    }

    /**
     * @param index          the field position, for a struct field or a map entry's key (0) and value (1)
     * @param ignoreOptional write the schema itself even if optional (a branch of a oneOf)
     */
    private ObjectNode convert(Schema schema, Integer index, boolean ignoreOptional) {
        if (schema.type() == Schema.Type.STRUCT && (isOneOf(schema) || (schema.isOptional() && !ignoreOptional))) {
            return oneOf(schema, index);
        }
        ObjectNode node = NODES.objectNode();
        Map<String, Object> connect = new LinkedHashMap<>();
        Map<String, JsonNode> keywords = new LinkedHashMap<>();
        String type = typeKeyword(schema, connect, keywords);
        if (type != null) {
            node.put("type", type);
        }
        describe(schema, node, connect);
        if (!ignoreOptional && schema.isOptional()) {
            addAll(node, connect, keywords);
            ObjectNode optional = NODES.objectNode();
            if (index != null) {
                optional.put(CONNECT_INDEX, index);
            }
            optional.set("oneOf", NODES.arrayNode().add(nullSchema()).add(node));
            return optional;
        }
        if (index != null) {
            connect.put(CONNECT_INDEX, index);
        }
        addAll(node, connect, keywords);
        return node;
    }

    /** The {@code type} keyword ({@code null} for none), filling in the connect.* properties and the type's keywords. */
    private String typeKeyword(Schema schema, Map<String, Object> connect, Map<String, JsonNode> keywords) {
        switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> {
                connect.put(CONNECT_TYPE, schema.type().getName());
                return "integer";
            }
            case FLOAT32, FLOAT64 -> {
                connect.put(CONNECT_TYPE, schema.type().getName());
                return "number";
            }
            case BOOLEAN -> {
                return "boolean";
            }
            case STRING -> {
                // An enum is written as Confluent's converter writes it: its symbols, without a type.
                Optional<ArrayNode> symbols = enumSymbols(schema);
                symbols.ifPresent(values -> keywords.put("enum", values));
                return symbols.isPresent() ? null : "string";
            }
            case BYTES -> {
                connect.put(CONNECT_TYPE, JsonSchemaNames.TYPE_BYTES);
                return Decimal.LOGICAL_NAME.equals(schema.name()) ? "number" : "string";
            }
            case ARRAY -> {
                keywords.put("items", convert(schema.valueSchema()));
                return "array";
            }
            case MAP -> {
                connect.put(CONNECT_TYPE, JsonSchemaNames.TYPE_MAP);
                return map(schema, keywords);
            }
            case STRUCT -> {
                keywords.put("properties", properties(schema));
                if (!options.additionalProperties()) {
                    keywords.put("additionalProperties", NODES.booleanNode(false));
                }
                return "object";
            }
            default -> throw new DataException("Unsupported Connect type " + schema.type());
        }
    }

    private String map(Schema schema, Map<String, JsonNode> keywords) {
        if (schema.keySchema().type() == Schema.Type.STRING && !schema.keySchema().isOptional()) {
            keywords.put("additionalProperties", convert(schema.valueSchema()));
            return "object";
        }
        Map<String, JsonNode> entry = new LinkedHashMap<>();
        entry.put(JsonSchemaNames.KEY, convert(schema.keySchema(), 0, false));
        entry.put(JsonSchemaNames.VALUE, convert(schema.valueSchema(), 1, false));
        ObjectNode items = NODES.objectNode().put("type", "object");
        items.set("properties", inHashOrder(entry));
        keywords.put("items", items);
        return "array";
    }

    private ObjectNode properties(Schema schema) {
        Map<String, JsonNode> properties = new LinkedHashMap<>();
        for (Field field : schema.fields()) {
            properties.put(field.name(), convert(field.schema(), field.index(), false));
        }
        return inHashOrder(properties);
    }

    /** A oneOf: a Connect OneOf struct (its fields are the branches) or an optional struct. */
    private ObjectNode oneOf(Schema schema, Integer index) {
        ArrayNode branches = NODES.arrayNode();
        if (schema.isOptional()) {
            branches.add(nullSchema());
        }
        if (isOneOf(schema)) {
            for (Field field : schema.fields()) {
                branches.add(convert(required(field.schema()), field.index(), true));
            }
        } else {
            branches.add(convert(required(schema), null, true));
        }
        ObjectNode node = NODES.objectNode();
        if (index != null) {
            node.put(CONNECT_INDEX, index);
        }
        node.set("oneOf", branches);
        return node;
    }

    private void describe(Schema schema, ObjectNode node, Map<String, Object> connect) {
        if (schema.name() != null) {
            node.put("title", schema.name());
        }
        if (schema.doc() != null) {
            node.put("description", schema.doc());
        }
        if (schema.defaultValue() != null) {
            node.set("default", values.convert(schema, schema.defaultValue()));
        }
        if (schema.version() != null) {
            connect.put(CONNECT_VERSION, schema.version());
        }
        if (schema.parameters() != null) {
            Map<String, String> parameters = new LinkedHashMap<>();
            schema.parameters().forEach((key, value) -> {
                if (!key.startsWith(JsonSchemaNames.NAMESPACE)) {
                    parameters.put(key, value);
                }
            });
            if (!parameters.isEmpty()) {
                connect.put(CONNECT_PARAMETERS, parameters);
            }
        }
    }

    private static Optional<ArrayNode> enumSymbols(Schema schema) {
        if (schema.parameters() == null || !schema.parameters().containsKey(JsonSchemaNames.ENUM)) {
            return Optional.empty();
        }
        ArrayNode symbols = NODES.arrayNode();
        String prefix = JsonSchemaNames.ENUM + ".";
        schema.parameters().forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                symbols.add(value);
            }
        });
        return Optional.of(symbols);
    }

    /** Adds the connect.* properties in the order Confluent's converter writes them, then the type's keywords. */
    private static void addAll(ObjectNode node, Map<String, Object> connect, Map<String, JsonNode> keywords) {
        // Confluent's converter puts these into a HashMap in this order, and its schema object copies that map
        // into one sized for them and writes them in its iteration order; doing the same gives the same order,
        // hence the same schema text.
        // (HashMap's copy constructor and putAll size the table for their entries; put one by one does not.)
        Map<String, Object> hashed = new HashMap<>();
        connect.forEach(hashed::put);
        new HashMap<>(hashed).forEach((key, value) -> node.set(key, toNode(value)));
        keywords.forEach(node::set);
    }

    /** Properties in the order of a default HashMap filled in field order, which is the order Confluent writes. */
    private static ObjectNode inHashOrder(Map<String, JsonNode> entries) {
        Map<String, JsonNode> hashed = new HashMap<>();
        entries.forEach(hashed::put);
        ObjectNode node = NODES.objectNode();
        hashed.forEach(node::set);
        return node;
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof Integer number) {
            return NODES.numberNode(number);
        } else if (value instanceof String text) {
            return NODES.textNode(text);
        }
        // Confluent collects the parameters into a default HashMap: the same again gives the same order.
        Map<Object, Object> hashed = new HashMap<>();
        ((Map<?, ?>) value).forEach(hashed::put);
        ObjectNode parameters = NODES.objectNode();
        hashed.forEach((key, text) -> parameters.put((String) key, (String) text));
        return parameters;
    }

    private static ObjectNode nullSchema() {
        return NODES.objectNode().put("type", "null");
    }

    static boolean isOneOf(Schema schema) {
        return schema.type() == Schema.Type.STRUCT && JsonSchemaNames.ONE_OF.equals(schema.name());
    }

    private static Schema required(Schema schema) {
        return new ConnectSchema(schema.type(), false, schema.defaultValue(), schema.name(), schema.version(), schema.doc(),
                schema.parameters(), schema.type() == Schema.Type.STRUCT ? schema.fields() : null,
                schema.type() == Schema.Type.MAP ? schema.keySchema() : null,
                schema.type() == Schema.Type.MAP || schema.type() == Schema.Type.ARRAY ? schema.valueSchema() : null);
    }
}
