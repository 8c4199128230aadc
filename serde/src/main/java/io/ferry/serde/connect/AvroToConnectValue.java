package io.ferry.serde.connect;

import static io.ferry.serde.connect.ConnectAvroNames.*;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.JsonProperties;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericFixed;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Avro generic data → Connect data of a Connect schema built by {@link AvroToConnectSchema}: records become
 * structs (fields by name), Utf8 and enum symbols strings, bytes and fixed ByteBuffers, arrays of map
 * entries maps, union values a union struct with one field set; logical types become BigDecimal and
 * java.util.Date. Stateless and thread-safe.
 */
final class AvroToConnectValue {
    private final AvroDataOptions options;

    AvroToConnectValue(AvroDataOptions options) {
        this.options = options;
    }

    Object convert(Schema schema, Object value) {
        return convert(schema, value, true);
    }

    /** @param logical whether to turn logical types into their Java types (defaults arrive already converted) */
    @SuppressWarnings("unchecked")
    Object convert(Schema schema, Object value, boolean logical) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            if (!schema.isOptional()) {
                throw new DataException("Found null value for non-optional schema");
            }
            return null;
        }
        Object converted;
        try {
            switch (schema.type()) {
                case INT32 -> converted = (Integer) value;
                case INT64 -> converted = (Long) value;
                case FLOAT32 -> converted = (Float) value;
                case FLOAT64 -> converted = (Double) value;
                case BOOLEAN -> converted = (Boolean) value;
                case INT8 -> converted = ((Integer) value).byteValue();
                case INT16 -> converted = ((Integer) value).shortValue();
                case STRING -> converted = string(value);
                case BYTES -> converted = bytes(value);
                case ARRAY -> converted = array(schema, (Collection<Object>) value);
                case MAP -> converted = map(schema, value);
                case STRUCT -> converted = struct(schema, value);
                default -> throw new DataException("Unknown Connect schema type: " + schema.type());
            }
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.type() + ": " + value.getClass());
        }
        return logical && schema.name() != null ? toLogical(schema, converted) : converted;
    }

    private static String string(Object value) {
        if (value instanceof String text) {
            return text;
        } else if (value instanceof CharSequence || value instanceof GenericEnumSymbol || value instanceof Enum) {
            return value.toString();
        }
        throw new DataException("Invalid class for string type, expecting String or CharSequence but found " + value.getClass());
    }

    private static ByteBuffer bytes(Object value) {
        if (value instanceof byte[] array) {
            return ByteBuffer.wrap(array);
        } else if (value instanceof ByteBuffer buffer) {
            return buffer;
        } else if (value instanceof GenericFixed fixed) {
            return ByteBuffer.wrap(fixed.bytes());
        }
        throw new DataException("Invalid class for bytes type, expecting byte[] or ByteBuffer but found " + value.getClass());
    }

    private List<Object> array(Schema schema, Collection<Object> values) {
        List<Object> result = new ArrayList<>(values.size());
        for (Object element : values) {
            result.add(convert(schema.valueSchema(), element));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Map<Object, Object> map(Schema schema, Object value) {
        Map<Object, Object> result;
        if (value instanceof Map<?, ?> avroMap) {
            result = new HashMap<>(avroMap.size() * 4 / 3 + 1);
            for (Map.Entry<?, ?> entry : avroMap.entrySet()) {
                result.put(entry.getKey().toString(), convert(schema.valueSchema(), entry.getValue()));
            }
            return result;
        }
        Collection<IndexedRecord> entries = (Collection<IndexedRecord>) value;
        result = new HashMap<>(entries.size() * 4 / 3 + 1);
        for (IndexedRecord entry : entries) {
            org.apache.avro.Schema entrySchema = entry.getSchema();
            result.put(convert(schema.keySchema(), entry.get(entrySchema.getField(KEY_FIELD).pos())),
                    convert(schema.valueSchema(), entry.get(entrySchema.getField(VALUE_FIELD).pos())));
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private Struct struct(Schema schema, Object value) {
        if (ConnectUnions.isUnion(schema)) {
            return union(schema, value);
        }
        Struct result = new Struct(schema);
        if (value instanceof Map<?, ?> defaults) {
            // An Avro record default arrives as a map of field name to value.
            Map<Object, Object> byName = (Map<Object, Object>) defaults;
            for (Field field : schema.fields()) {
                String name = AvroNames.scrub(field.name(), options.scrubInvalidNames());
                result.put(field, convert(field.schema(), byName.getOrDefault(name, field.schema().defaultValue())));
            }
            return result;
        }
        IndexedRecord record = (IndexedRecord) value;
        org.apache.avro.Schema recordSchema = record.getSchema();
        for (Field field : schema.fields()) {
            org.apache.avro.Schema.Field avroField = recordSchema.getField(AvroNames.scrub(field.name(), options.scrubInvalidNames()));
            if (avroField == null) {
                throw new DataException("Avro record " + recordSchema.getFullName() + " has no field " + field.name());
            }
            result.put(field, convert(field.schema(), record.get(avroField.pos())));
        }
        return result;
    }

    private Struct union(Schema schema, Object value) {
        for (Field field : schema.fields()) {
            if (isBranchOf(field, value)) {
                return new Struct(schema).put(field, convert(field.schema(), value));
            }
        }
        throw new DataException("Did not find matching union field for data of " + value.getClass().getName());
    }

    private boolean isBranchOf(Field field, Object value) {
        Schema branch = field.schema();
        if (value instanceof IndexedRecord record) {
            return branch.type() == Schema.Type.STRUCT
                    && field.name().equals(ConnectUnions.branchName(record.getSchema(), options.enhancedSchemaSupport()));
        }
        if (value instanceof GenericEnumSymbol<?> symbol) {
            return ConnectUnions.isEnum(branch) && symbol.getSchema().getFullName().equals(branch.parameters().get(AVRO_TYPE_ENUM));
        }
        if (value instanceof GenericFixed fixed) {
            return ConnectUnions.isFixed(branch)
                    && field.name().equals(ConnectUnions.branchName(fixed.getSchema(), options.enhancedSchemaSupport()));
        }
        return switch (branch.type()) {
            case INT32, INT8, INT16 -> value instanceof Integer;
            case INT64 -> value instanceof Long;
            case FLOAT32 -> value instanceof Float;
            case FLOAT64 -> value instanceof Double;
            case BOOLEAN -> value instanceof Boolean;
            case STRING -> value instanceof CharSequence && !ConnectUnions.isEnum(branch);
            case BYTES -> (value instanceof ByteBuffer || value instanceof byte[]) && !ConnectUnions.isFixed(branch);
            case ARRAY -> value instanceof Collection;
            case MAP -> value instanceof Map;
            default -> false;
        };
    }

    static Object toLogical(Schema schema, Object value) {
        if (value == null) {
            return null;
        }
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME:
                if (value instanceof ByteBuffer buffer) {
                    return Decimal.toLogical(schema, remaining(buffer));
                } else if (value instanceof byte[] array) {
                    return Decimal.toLogical(schema, array);
                }
                throw new DataException("Invalid type for Decimal, underlying representation should be bytes but was " + value.getClass());
            case Date.LOGICAL_NAME:
                return Date.toLogical(schema, (Integer) value);
            case Time.LOGICAL_NAME:
                return Time.toLogical(schema, (Integer) value);
            case Timestamp.LOGICAL_NAME:
                return Timestamp.toLogical(schema, (Long) value);
            default:
                return value;
        }
    }

    private static byte[] remaining(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0 && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
