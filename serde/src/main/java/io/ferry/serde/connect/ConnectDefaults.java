package io.ferry.serde.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.avro.JsonProperties;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Default values between Connect (Java values on the schema) and Avro (JSON in the schema): as Avro field
 * defaults and as the {@code connect.default} property. Bytes are ISO-8859-1 strings, as Avro's JSON form
 * has them; maps with non-string keys are arrays of {@code [key, value]} pairs. Stateless and thread-safe.
 */
final class ConnectDefaults {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final AvroDataOptions options;

    ConnectDefaults(AvroDataOptions options) {
        this.options = options;
    }

    @SuppressWarnings("unchecked")
    JsonNode toAvro(Schema schema, Object value) {
        if (value == null) {
            return NullNode.getInstance();
        }
        Object plain = schema.name() != null ? ConnectToAvroValue.fromLogical(schema, value) : value;
        try {
            switch (schema.type()) {
                case INT8:
                    return JSON.numberNode(((Byte) plain).intValue());
                case INT16:
                    return JSON.numberNode(((Short) plain).intValue());
                case INT32:
                    return JSON.numberNode((Integer) plain);
                case INT64:
                    return JSON.numberNode((Long) plain);
                case FLOAT32:
                    return JSON.numberNode((Float) plain);
                case FLOAT64:
                    return JSON.numberNode((Double) plain);
                case BOOLEAN:
                    return JSON.booleanNode((Boolean) plain);
                case STRING:
                    return JSON.textNode((String) plain);
                case BYTES:
                    byte[] bytes = plain instanceof byte[] array ? array : ((ByteBuffer) plain).array();
                    return JSON.textNode(new String(bytes, StandardCharsets.ISO_8859_1));
                case ARRAY: {
                    ArrayNode array = JSON.arrayNode();
                    for (Object element : (Collection<Object>) plain) {
                        array.add(toAvro(schema.valueSchema(), element));
                    }
                    return array;
                }
                case MAP:
                    return map(schema, (Map<Object, Object>) plain);
                case STRUCT:
                    return struct(schema, (Struct) plain);
                default:
                    throw new DataException("Unknown schema type:" + schema.type());
            }
        } catch (ClassCastException e) {
            throw new DataException("Invalid type used for default value of " + schema.type() + " field: " + value.getClass());
        }
    }

    private JsonNode map(Schema schema, Map<Object, Object> map) {
        if (schema.keySchema().type() == Schema.Type.STRING && (!schema.keySchema().isOptional() || options.allowOptionalMapKeys())) {
            ObjectNode node = JSON.objectNode();
            map.forEach((key, value) -> node.set((String) key, toAvro(schema.valueSchema(), value)));
            return node;
        }
        ArrayNode array = JSON.arrayNode();
        map.forEach((key, value) -> array.add(JSON.arrayNode().add(toAvro(schema.keySchema(), key)).add(toAvro(schema.valueSchema(), value))));
        return array;
    }

    private JsonNode struct(Schema schema, Struct struct) {
        ObjectNode node = JSON.objectNode();
        for (Field field : schema.fields()) {
            JsonNode fieldDefault = toAvro(field.schema(), struct.get(field));
            if (ConnectUnions.isUnion(schema)) {
                return fieldDefault;
            }
            node.set(AvroNames.scrub(field.name(), options.scrubInvalidNames()), fieldDefault);
        }
        return node;
    }

    /**
     * The Connect default of a schema being built from an Avro default: a Java value from
     * {@code Schema.Field.defaultVal()}, or JSON from a {@code connect.default} property.
     */
    Object fromAvro(Schema schema, org.apache.avro.Schema avroSchema, Object value, AvroToConnectValue values) {
        Object plain = fromAvroWithoutLogical(schema, avroSchema, value, values);
        return schema.name() != null ? AvroToConnectValue.toLogical(schema, plain) : plain;
    }

    private Object fromAvroWithoutLogical(Schema schema, org.apache.avro.Schema avroSchema, Object value, AvroToConnectValue values) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return null;
        }
        if (!(value instanceof JsonNode json)) {
            return values.convert(schema, value, false);
        }
        switch (avroSchema.getType()) {
            case INT:
                return switch (schema.type()) {
                    case INT8 -> (byte) json.intValue();
                    case INT16 -> json.shortValue();
                    case INT32 -> json.intValue();
                    default -> null;
                };
            case LONG:
                return json.longValue();
            case FLOAT:
                return (float) json.doubleValue();
            case DOUBLE:
                return json.doubleValue();
            case BOOLEAN:
                return json.asBoolean();
            case STRING:
            case ENUM:
                return json.asText();
            case BYTES:
            case FIXED:
                return bytes(json);
            case ARRAY: {
                List<Object> result = new ArrayList<>();
                for (JsonNode element : json) {
                    result.add(fromAvro(schema.valueSchema(), avroSchema.getElementType(), element, values));
                }
                return result;
            }
            case MAP: {
                Map<String, Object> result = new HashMap<>();
                Iterator<Map.Entry<String, JsonNode>> fields = json.fields();
                while (fields.hasNext()) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    result.put(field.getKey(), fromAvro(schema.valueSchema(), avroSchema.getValueType(), field.getValue(), values));
                }
                return result;
            }
            case RECORD: {
                Struct result = new Struct(schema);
                for (org.apache.avro.Schema.Field avroField : avroSchema.getFields()) {
                    Field field = schema.field(avroField.name());
                    result.put(avroField.name(), fromAvro(field.schema(), avroField.schema(), json.get(field.name()), values));
                }
                return result;
            }
            case UNION: {
                org.apache.avro.Schema first = avroSchema.getTypes().get(0);
                if (first.getType() == org.apache.avro.Schema.Type.NULL) {
                    return null;
                }
                return fromAvro(schema.field(ConnectUnions.branchName(first, options.enhancedSchemaSupport())).schema(), first, value,
                        values);
            }
            default:
                return null;
        }
    }

    private static ByteBuffer bytes(JsonNode json) {
        try {
            byte[] bytes = json.isTextual() ? json.textValue().getBytes(StandardCharsets.ISO_8859_1) : json.binaryValue();
            return bytes == null ? null : ByteBuffer.wrap(bytes);
        } catch (IOException e) {
            throw new DataException("Invalid binary data in default value", e);
        }
    }
}
