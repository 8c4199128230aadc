package io.ferry.serde.connect.json;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * JSON document → Connect value of a Connect schema: the inverse of {@link ConnectToJsonValue}; both decimal
 * formats are read. A missing or null value takes the schema's default (unless {@code replace.null.with.default}
 * is off and the schema is optional), else null for an optional schema. Stateless and thread-safe.
 */
final class JsonToConnectValue {
    private final JsonSchemaDataOptions options;

    JsonToConnectValue(JsonSchemaDataOptions options) {
        this.options = options;
    }

    /** @throws DataException when the JSON does not fit the schema */
    Object convert(Schema schema, JsonNode json) {
        if (json == null || json.isNull() || json.isMissingNode()) {
            if (schema.defaultValue() != null && (options.replaceNullWithDefault() || !schema.isOptional())) {
                return schema.defaultValue();
            }
            if (schema.isOptional()) {
                return null;
            }
            throw new DataException("Invalid null value for a required " + schema.type() + (schema.name() == null ? "" : " " + schema.name()));
        }
        if (schema.name() != null) {
            Object logical = logical(schema, json);
            if (logical != null) {
                return logical;
            }
        }
        return plain(schema, json);
    }

    private Object logical(Schema schema, JsonNode json) {
        return switch (schema.name()) {
            case Decimal.LOGICAL_NAME -> decimal(schema, json);
            case Date.LOGICAL_NAME -> Date.toLogical(schema, integral(json, "Date").intValue());
            case Time.LOGICAL_NAME -> Time.toLogical(schema, integral(json, "Time").intValue());
            case Timestamp.LOGICAL_NAME -> Timestamp.toLogical(schema, integral(json, "Timestamp").longValue());
            default -> null;
        };
    }

    private static BigDecimal decimal(Schema schema, JsonNode json) {
        if (json.isNumber()) {
            return json.decimalValue();
        }
        if (json.isTextual() || json.isBinary()) {
            return Decimal.toLogical(schema, binary(json, "Decimal"));
        }
        throw new DataException("Invalid type for Decimal: expected a number or a base64 string, got " + json.getNodeType());
    }

    private static JsonNode integral(JsonNode json, String what) {
        if (!json.isIntegralNumber()) {
            throw new DataException("Invalid type for " + what + ": expected an integer, got " + json.getNodeType());
        }
        return json;
    }

    private Object plain(Schema schema, JsonNode json) {
        return switch (schema.type()) {
            case INT8 -> (byte) integral(json, "INT8").shortValue();
            case INT16 -> integral(json, "INT16").shortValue();
            case INT32 -> integral(json, "INT32").intValue();
            case INT64 -> integral(json, "INT64").longValue();
            case FLOAT32 -> number(json, "FLOAT32").floatValue();
            case FLOAT64 -> number(json, "FLOAT64").doubleValue();
            case BOOLEAN -> expect(json, json.isBoolean(), "BOOLEAN").booleanValue();
            case STRING -> expect(json, json.isTextual(), "STRING").textValue();
            case BYTES -> binary(json, "BYTES");
            case ARRAY -> array(schema, expect(json, json.isArray(), "ARRAY"));
            case MAP -> map(schema, json);
            case STRUCT -> ConnectToJsonSchema.isOneOf(schema) ? oneOf(schema, json) : struct(schema, expect(json, json.isObject(), "STRUCT"));
        };
    }

    private static JsonNode number(JsonNode json, String what) {
        return expect(json, json.isNumber(), what);
    }

    private static JsonNode expect(JsonNode json, boolean fits, String what) {
        if (!fits) {
            throw new DataException("Invalid JSON for " + what + ": got " + json.getNodeType());
        }
        return json;
    }

    private static byte[] binary(JsonNode json, String what) {
        try {
            byte[] bytes = json.binaryValue();
            if (bytes == null) {
                throw new DataException("Invalid JSON for " + what + ": expected a base64 string, got " + json.getNodeType());
            }
            return bytes;
        } catch (IOException e) {
            throw new DataException("Invalid base64 for " + what + ": " + e.getMessage(), e);
        }
    }

    private List<Object> array(Schema schema, JsonNode json) {
        List<Object> list = new ArrayList<>(json.size());
        for (JsonNode element : json) {
            list.add(convert(schema.valueSchema(), element));
        }
        return list;
    }

    private Map<Object, Object> map(Schema schema, JsonNode json) {
        Map<Object, Object> map = new LinkedHashMap<>();
        if (schema.keySchema().type() == Schema.Type.STRING && !schema.keySchema().isOptional()) {
            expect(json, json.isObject(), "MAP with string keys (an object)");
            for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                map.put(entry.getKey(), convert(schema.valueSchema(), entry.getValue()));
            }
            return map;
        }
        expect(json, json.isArray(), "MAP with non-string keys (an array of key/value objects)");
        for (JsonNode entry : json) {
            if (!entry.isObject()) {
                throw new DataException("Invalid map entry: expected an object of key and value, got " + entry.getNodeType());
            }
            map.put(convert(schema.keySchema(), entry.get(JsonSchemaNames.KEY)), convert(schema.valueSchema(), entry.get(JsonSchemaNames.VALUE)));
        }
        return map;
    }

    private Struct struct(Schema schema, JsonNode json) {
        Struct struct = new Struct(schema);
        for (Field field : schema.fields()) {
            struct.put(field, convert(field.schema(), json.get(field.name())));
        }
        return struct;
    }

    /** The first branch the JSON fits; its field is set, the others stay null. */
    private Struct oneOf(Schema schema, JsonNode json) {
        for (Field field : schema.fields()) {
            if (fits(field.schema(), json)) {
                return new Struct(schema).put(field, convert(field.schema(), json));
            }
        }
        throw new DataException("No branch of the oneOf fits the JSON " + json);
    }

    private static boolean fits(Schema schema, JsonNode json) {
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> json.isIntegralNumber();
            case FLOAT32, FLOAT64 -> json.isNumber();
            case BOOLEAN -> json.isBoolean();
            case STRING -> json.isTextual();
            case BYTES -> json.isTextual() || json.isBinary() || json.isNumber();
            case ARRAY -> json.isArray();
            case MAP -> json.isObject() || json.isArray();
            case STRUCT -> json.isObject() && fieldsCover(schema, json);
        };
    }

    private static boolean fieldsCover(Schema schema, JsonNode json) {
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            if (schema.field(names.next()) == null) {
                return false;
            }
        }
        return true;
    }
}
