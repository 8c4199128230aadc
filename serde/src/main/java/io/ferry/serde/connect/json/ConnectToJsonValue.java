package io.ferry.serde.connect.json;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect value → JSON document, as Confluent's converter writes it: bytes as base64 strings, Decimal as base64 or
 * a number ({@code decimal.format}), Date as days, Time as milliseconds of the day, Timestamp as epoch milliseconds,
 * maps with non-string keys as arrays of {@code {key, value}} objects, a OneOf struct as its one set branch.
 * Stateless and thread-safe.
 */
final class ConnectToJsonValue {
    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    private final JsonSchemaDataOptions options;

    ConnectToJsonValue(JsonSchemaDataOptions options) {
        this.options = options;
    }

    /**
     * @return the JSON of the value; JSON null for a null optional value
     * @throws DataException when the value does not fit the schema
     */
    JsonNode convert(Schema schema, Object value) {
        if (value == null) {
            if (schema.defaultValue() != null && options.replaceNullWithDefault()) {
                return convert(schema, schema.defaultValue());
            }
            if (schema.isOptional()) {
                return NODES.nullNode();
            }
            throw new DataException("Conversion error: null value for a required " + schema.type() + " without a default");
        }
        try {
            JsonNode logical = logical(schema, value);
            return logical != null ? logical : plain(schema, value);
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.type() + ": " + value.getClass().getName());
        }
    }

    private JsonNode logical(Schema schema, Object value) {
        if (schema.name() == null) {
            return null;
        }
        return switch (schema.name()) {
            case Decimal.LOGICAL_NAME -> options.decimalFormat() == JsonSchemaDataConfig.DecimalFormat.NUMERIC
                    ? NODES.numberNode((BigDecimal) value) : NODES.binaryNode(Decimal.fromLogical(schema, (BigDecimal) value));
            case Date.LOGICAL_NAME -> NODES.numberNode(Date.fromLogical(schema, (java.util.Date) value));
            case Time.LOGICAL_NAME -> NODES.numberNode(Time.fromLogical(schema, (java.util.Date) value));
            case Timestamp.LOGICAL_NAME -> NODES.numberNode(Timestamp.fromLogical(schema, (java.util.Date) value));
            default -> null;
        };
    }

    private JsonNode plain(Schema schema, Object value) {
        return switch (schema.type()) {
            case INT8 -> NODES.numberNode(((Byte) value).shortValue());
            case INT16 -> NODES.numberNode((Short) value);
            case INT32 -> NODES.numberNode((Integer) value);
            case INT64 -> NODES.numberNode((Long) value);
            case FLOAT32 -> NODES.numberNode((Float) value);
            case FLOAT64 -> NODES.numberNode((Double) value);
            case BOOLEAN -> NODES.booleanNode((Boolean) value);
            case STRING -> NODES.textNode(((CharSequence) value).toString());
            case BYTES -> NODES.binaryNode(bytes(value));
            case ARRAY -> array(schema, (Collection<?>) value);
            case MAP -> map(schema, (Map<?, ?>) value);
            case STRUCT -> struct(schema, (Struct) value);
        };
    }

    private static byte[] bytes(Object value) {
        if (value instanceof byte[] bytes) {
            return bytes;
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            byte[] bytes = new byte[copy.remaining()];
            copy.get(bytes);
            return bytes;
        }
        throw new DataException("Invalid type for BYTES: " + value.getClass().getName());
    }

    private JsonNode array(Schema schema, Collection<?> values) {
        ArrayNode array = NODES.arrayNode(values.size());
        for (Object element : values) {
            array.add(convert(schema.valueSchema(), element));
        }
        return array;
    }

    private JsonNode map(Schema schema, Map<?, ?> map) {
        boolean asObject = schema.keySchema().type() == Schema.Type.STRING && !schema.keySchema().isOptional();
        if (asObject) {
            ObjectNode object = NODES.objectNode();
            map.forEach((key, value) -> object.set((String) key, convert(schema.valueSchema(), value)));
            return object;
        }
        ArrayNode entries = NODES.arrayNode(map.size());
        map.forEach((key, value) -> {
            ObjectNode entry = entries.addObject();
            entry.set(JsonSchemaNames.KEY, convert(schema.keySchema(), key));
            entry.set(JsonSchemaNames.VALUE, convert(schema.valueSchema(), value));
        });
        return entries;
    }

    private JsonNode struct(Schema schema, Struct struct) {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Mismatching schema: the struct's schema is not the record's");
        }
        if (ConnectToJsonSchema.isOneOf(schema)) {
            for (Field field : schema.fields()) {
                Object branch = struct.getWithoutDefault(field.name());
                if (branch != null) {
                    return convert(field.schema(), branch);
                }
            }
            return convert(schema, null);
        }
        ObjectNode object = NODES.objectNode();
        for (Field field : schema.fields()) {
            object.set(field.name(), convert(field.schema(), struct.getWithoutDefault(field.name())));
        }
        return object;
    }
}
