package io.ferry.serde.connect;

import static io.ferry.serde.connect.ConnectAvroNames.*;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Connect data → Avro generic data of the Avro schema {@link ConnectToAvroSchema} built: structs become
 * {@link GenericRecord}s, bytes ByteBuffers (or fixed), maps with non-string keys arrays of key-value
 * records, union structs the value of their one set field, logical types their underlying values.
 * Stateless and thread-safe.
 */
final class ConnectToAvroValue {
    private final AvroDataOptions options;

    ConnectToAvroValue(AvroDataOptions options) {
        this.options = options;
    }

    @SuppressWarnings("unchecked")
    Object convert(Schema schema, org.apache.avro.Schema avroSchema, Object logicalValue) {
        if (logicalValue == null) {
            if (!schema.isOptional()) {
                throw new DataException("Found null value for non-optional schema" + (schema.name() != null ? " " + schema.name() : ""));
            }
            return null;
        }
        Object value = schema.name() != null ? fromLogical(schema, logicalValue) : logicalValue;
        try {
            switch (schema.type()) {
                case INT8:
                    return ((Byte) value).intValue();
                case INT16:
                    return ((Short) value).intValue();
                case INT32:
                    return (Integer) value;
                case INT64:
                    return (Long) value;
                case FLOAT32:
                    return (Float) value;
                case FLOAT64:
                    return (Double) value;
                case BOOLEAN:
                    return (Boolean) value;
                case STRING:
                    if (options.enhancedSchemaSupport() && ConnectUnions.isEnum(schema)) {
                        return enumSymbol(avroSchema, (String) value, schema.parameters().get(AVRO_TYPE_ENUM));
                    }
                    return (String) value;
                case BYTES:
                    return bytes(schema, avroSchema, value);
                case ARRAY:
                    return array(schema, avroSchema, (Collection<Object>) value);
                case MAP:
                    return map(schema, avroSchema, (Map<Object, Object>) value);
                case STRUCT:
                    return struct(schema, avroSchema, (Struct) value);
                default:
                    throw new DataException("Unknown schema type: " + schema.type());
            }
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.type() + ": " + value.getClass());
        }
    }

    private static Object bytes(Schema schema, org.apache.avro.Schema avroSchema, Object value) {
        ByteBuffer buffer = value instanceof byte[] array ? ByteBuffer.wrap(array) : (ByteBuffer) value;
        if (!ConnectUnions.isFixed(schema)) {
            return buffer;
        }
        int size = Integer.parseInt(schema.parameters().get(FIXED_SIZE));
        org.apache.avro.Schema fixed = avroSchema;
        if (avroSchema.getType() == org.apache.avro.Schema.Type.UNION) {
            fixed = avroSchema.getTypes().stream()
                    .filter(branch -> branch.getType() == org.apache.avro.Schema.Type.FIXED && branch.getFixedSize() == size)
                    .findFirst().orElseThrow(() -> new DataException("Fixed size " + size + " not in union " + avroSchema));
        }
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return new GenericData.Fixed(fixed, bytes);
    }

    private List<Object> array(Schema schema, org.apache.avro.Schema avroSchema, Collection<Object> values) {
        org.apache.avro.Schema elementSchema = underlying(schema, avroSchema).getElementType();
        List<Object> result = new ArrayList<>(values.size());
        for (Object element : values) {
            result.add(convert(schema.valueSchema(), elementSchema, element));
        }
        return result;
    }

    private Object map(Schema schema, org.apache.avro.Schema avroSchema, Map<Object, Object> values) {
        boolean stringKeyed = schema.keySchema().type() == Schema.Type.STRING
                && (!schema.keySchema().isOptional() || options.allowOptionalMapKeys());
        if (stringKeyed) {
            org.apache.avro.Schema valueSchema = underlying(schema, avroSchema).getValueType();
            Map<String, Object> result = new HashMap<>(values.size() * 4 / 3 + 1);
            values.forEach((key, value) -> result.put((String) key, convert(schema.valueSchema(), valueSchema, value)));
            return result;
        }
        org.apache.avro.Schema entrySchema = underlyingArray(schema, avroSchema).getElementType();
        org.apache.avro.Schema keySchema = entrySchema.getField(KEY_FIELD).schema();
        org.apache.avro.Schema valueSchema = entrySchema.getField(VALUE_FIELD).schema();
        List<GenericRecord> result = new ArrayList<>(values.size());
        values.forEach((key, value) -> {
            GenericData.Record entry = new GenericData.Record(entrySchema);
            entry.put(0, convert(schema.keySchema(), keySchema, key));
            entry.put(1, convert(schema.valueSchema(), valueSchema, value));
            result.add(entry);
        });
        return result;
    }

    private Object struct(Schema schema, org.apache.avro.Schema avroSchema, Struct struct) {
        if (!struct.schema().equals(schema)) {
            throw new DataException("Mismatching struct schema");
        }
        if (ConnectUnions.isUnion(schema)) {
            for (Field field : schema.fields()) {
                Object branch = field(struct, field);
                if (branch != null) {
                    return convert(field.schema(), avroSchema, branch);
                }
            }
            return null;
        }
        org.apache.avro.Schema recordSchema = underlying(schema, avroSchema);
        GenericData.Record record = new GenericData.Record(recordSchema);
        for (Field field : schema.fields()) {
            org.apache.avro.Schema.Field avroField = recordSchema.getField(AvroNames.scrub(field.name(), options.scrubInvalidNames()));
            record.put(avroField.pos(), convert(field.schema(), avroField.schema(), field(struct, field)));
        }
        return record;
    }

    private Object field(Struct struct, Field field) {
        return options.ignoreDefaultForNullables() ? struct.getWithoutDefault(field.name()) : struct.get(field);
    }

    private static GenericData.EnumSymbol enumSymbol(org.apache.avro.Schema avroSchema, String symbol, String enumName) {
        org.apache.avro.Schema enumSchema = avroSchema;
        if (avroSchema.getType() == org.apache.avro.Schema.Type.UNION) {
            enumSchema = avroSchema.getTypes().get(avroSchema.getIndexNamed(enumName));
        }
        return new GenericData.EnumSymbol(enumSchema, symbol);
    }

    /** For an optional Connect schema, the union branch that holds its values. */
    private org.apache.avro.Schema underlying(Schema schema, org.apache.avro.Schema avroSchema) {
        if (!schema.isOptional() || avroSchema.getType() != org.apache.avro.Schema.Type.UNION) {
            return avroSchema;
        }
        String fullName = AvroNames.scrubFullName(schema.name(), options.scrubInvalidNames());
        for (org.apache.avro.Schema branch : avroSchema.getTypes()) {
            if (branch.getType() == org.apache.avro.Schema.Type.NULL) {
                continue;
            }
            boolean named = branch.getType() == org.apache.avro.Schema.Type.RECORD || branch.getType() == org.apache.avro.Schema.Type.ENUM
                    || branch.getType() == org.apache.avro.Schema.Type.FIXED;
            if (named && Objects.equals(branch.getFullName(), fullName)
                    || branch.getType().getName().equals(schema.type().getName())
                    || schema.name() == null && named && branch.getFullName().startsWith(DEFAULT_SCHEMA_FULL_NAME)) {
                return branch;
            }
        }
        throw new DataException("No branch of " + avroSchema + " holds values of " + schema);
    }

    private static org.apache.avro.Schema underlyingArray(Schema schema, org.apache.avro.Schema avroSchema) {
        if (avroSchema.getType() != org.apache.avro.Schema.Type.UNION) {
            return avroSchema;
        }
        return avroSchema.getTypes().stream().filter(branch -> branch.getType() == org.apache.avro.Schema.Type.ARRAY)
                .findFirst().orElseThrow(() -> new DataException("No array branch in " + avroSchema + " for map " + schema));
    }

    static Object fromLogical(Schema schema, Object value) {
        try {
            switch (schema.name()) {
                case Decimal.LOGICAL_NAME:
                    return Decimal.fromLogical(schema, (BigDecimal) value);
                case Date.LOGICAL_NAME:
                    return Date.fromLogical(schema, (java.util.Date) value);
                case Time.LOGICAL_NAME:
                    return Time.fromLogical(schema, (java.util.Date) value);
                case Timestamp.LOGICAL_NAME:
                    return Timestamp.fromLogical(schema, (java.util.Date) value);
                default:
                    return value;
            }
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.name() + ": " + value.getClass());
        }
    }
}
