package io.ferry.connect.storage.kafka;

import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;

/**
 * Values of the internal topics as Apache Kafka Connect writes them: its {@code JsonConverter}
 * with {@code schemas.enable=false}. Structs are written in their schema's field order, optional
 * fields left unset as {@code null}, so a value built from the same schema is the same bytes.
 */
final class InternalJson {
    private final JsonConverter converter = new JsonConverter();
    private final String topic;

    InternalJson(String topic) {
        this.topic = topic;
        converter.configure(Map.of(JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, "false", "converter.type", "value"), false);
    }

    byte[] encode(Schema schema, Object value) {
        return converter.fromConnectData(topic, schema, value);
    }

    /** The JSON object a value holds, as maps, strings, longs and booleans. */
    @SuppressWarnings("unchecked")
    Map<String, Object> decodeObject(byte[] value, String what) {
        Object decoded = converter.toConnectData(topic, value).value();
        if (!(decoded instanceof Map<?, ?>)) {
            throw new DataException(what + " is not a JSON object: " + decoded);
        }
        return (Map<String, Object>) decoded;
    }

    static String string(Map<String, Object> object, String field, String what) {
        Object value = object.get(field);
        if (!(value instanceof String text)) {
            throw new DataException(what + ": field '" + field + "' should be a string but is " + value);
        }
        return text;
    }

    static String optionalString(Map<String, Object> object, String field, String what) {
        return object.get(field) == null ? null : string(object, field, what);
    }

    static int integer(Map<String, Object> object, String field, String what) {
        Object value = object.get(field);
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new DataException(what + ": field '" + field + "' should be an integer but is " + value);
        }
        return ((Number) value).intValue();
    }

    static Long optionalLong(Map<String, Object> object, String field, String what) {
        Object value = object.get(field);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Integer || value instanceof Long)) {
            throw new DataException(what + ": field '" + field + "' should be an integer but is " + value);
        }
        return ((Number) value).longValue();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> object, String field, String what) {
        Object value = object.get(field);
        if (!(value instanceof Map<?, ?>)) {
            throw new DataException(what + ": field '" + field + "' should be an object but is " + value);
        }
        return (Map<String, Object>) value;
    }
}
