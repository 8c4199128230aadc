package io.ferry.serde.connect;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.Encoder;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes Connect data straight to Avro binary, without building Avro generic data first: the converter's
 * fast path. A Connect schema is compiled once into a tree of {@link ValueWriter}s (types, union indexes,
 * decimal scales resolved), which then write each record. The bytes are exactly those of
 * {@link ConnectToAvroValue} followed by Avro's generic writer (tested), for Connect schemas without Avro
 * unions, enums or fixed ({@link #supports}); others take the generic path. Thread-safe.
 */
final class ConnectBinaryWriter {

    /** Writes one value of a compiled schema. */
    interface ValueWriter {
        void write(Object value, Encoder out) throws IOException;
    }

    private final AvroDataOptions options;

    ConnectBinaryWriter(AvroDataOptions options) {
        this.options = options;
    }

    /** Whether every part of {@code schema} is written by this writer. */
    static boolean supports(Schema schema) {
        if (ConnectUnions.isUnion(schema) || ConnectUnions.isEnum(schema) || ConnectUnions.isFixed(schema)) {
            return false;
        }
        return switch (schema.type()) {
            case ARRAY -> supports(schema.valueSchema());
            case MAP -> supports(schema.keySchema()) && supports(schema.valueSchema());
            case STRUCT -> schema.fields().stream().allMatch(field -> supports(field.schema()));
            default -> true;
        };
    }

    /** The writer of values of {@code schema}, whose Avro schema (from {@link AvroData#fromConnectSchema}) is {@code avro}. */
    ValueWriter compile(Schema schema, org.apache.avro.Schema avro) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> branches = avro.getTypes();
            int nullIndex = branches.get(0).getType() == org.apache.avro.Schema.Type.NULL ? 0 : 1;
            ValueWriter present = nonNull(schema, branches.get(1 - nullIndex));
            int presentIndex = 1 - nullIndex;
            return (value, out) -> {
                if (value == null) {
                    out.writeIndex(nullIndex);
                    out.writeNull();
                } else {
                    out.writeIndex(presentIndex);
                    present.write(value, out);
                }
            };
        }
        ValueWriter present = nonNull(schema, avro);
        String name = schema.name();
        return (value, out) -> {
            if (value == null) {
                throw new DataException("Found null value for non-optional schema" + (name != null ? " " + name : ""));
            }
            present.write(value, out);
        };
    }

    private ValueWriter nonNull(Schema schema, org.apache.avro.Schema avro) {
        ValueWriter writer = plain(schema, avro);
        return (value, out) -> {
            try {
                writer.write(value, out);
            } catch (ClassCastException e) {
                throw new DataException("Invalid type for " + schema.type() + ": " + value.getClass());
            }
        };
    }

    private ValueWriter plain(Schema schema, org.apache.avro.Schema avro) {
        if (schema.name() != null) {
            ValueWriter logical = logical(schema);
            if (logical != null) {
                return logical;
            }
        }
        switch (schema.type()) {
            case INT8:
                return (value, out) -> out.writeInt((Byte) value);
            case INT16:
                return (value, out) -> out.writeInt((Short) value);
            case INT32:
                return (value, out) -> out.writeInt((Integer) value);
            case INT64:
                return (value, out) -> out.writeLong((Long) value);
            case FLOAT32:
                return (value, out) -> out.writeFloat((Float) value);
            case FLOAT64:
                return (value, out) -> out.writeDouble((Double) value);
            case BOOLEAN:
                return (value, out) -> out.writeBoolean((Boolean) value);
            case STRING:
                return (value, out) -> out.writeString((String) value);
            case BYTES:
                return ConnectBinaryWriter::writeBytes;
            case ARRAY:
                return array(schema, avro);
            case MAP:
                return avro.getType() == org.apache.avro.Schema.Type.MAP ? stringMap(schema, avro) : entryMap(schema, avro);
            case STRUCT:
                return struct(schema, avro);
            default:
                throw new DataException("Unknown schema type: " + schema.type());
        }
    }

    private static ValueWriter logical(Schema schema) {
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME: {
                int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
                return (value, out) -> {
                    BigDecimal decimal = (BigDecimal) value;
                    if (decimal.scale() != scale) {
                        throw new DataException("Decimal value has mismatching scale for given Decimal schema: " + decimal.scale()
                                + " instead of " + scale);
                    }
                    out.writeBytes(decimal.unscaledValue().toByteArray());
                };
            }
            case Date.LOGICAL_NAME:
                return (value, out) -> out.writeInt(Date.fromLogical(schema, (java.util.Date) value));
            case Time.LOGICAL_NAME:
                return (value, out) -> out.writeInt(Time.fromLogical(schema, (java.util.Date) value));
            case Timestamp.LOGICAL_NAME:
                return (value, out) -> out.writeLong(((java.util.Date) value).getTime());
            default:
                return null;
        }
    }

    private static void writeBytes(Object value, Encoder out) throws IOException {
        if (value instanceof byte[] bytes) {
            out.writeBytes(bytes);
        } else {
            out.writeBytes(((ByteBuffer) value).duplicate());
        }
    }

    @SuppressWarnings("unchecked")
    private ValueWriter array(Schema schema, org.apache.avro.Schema avro) {
        ValueWriter element = compile(schema.valueSchema(), avro.getElementType());
        return (value, out) -> {
            Collection<Object> elements = (Collection<Object>) value;
            out.writeArrayStart();
            out.setItemCount(elements.size());
            for (Object item : elements) {
                out.startItem();
                element.write(item, out);
            }
            out.writeArrayEnd();
        };
    }

    @SuppressWarnings("unchecked")
    private ValueWriter stringMap(Schema schema, org.apache.avro.Schema avro) {
        ValueWriter values = compile(schema.valueSchema(), avro.getValueType());
        return (value, out) -> {
            Map<Object, Object> map = (Map<Object, Object>) value;
            out.writeMapStart();
            out.setItemCount(map.size());
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                out.startItem();
                out.writeString((String) entry.getKey());
                values.write(entry.getValue(), out);
            }
            out.writeMapEnd();
        };
    }

    @SuppressWarnings("unchecked")
    private ValueWriter entryMap(Schema schema, org.apache.avro.Schema avro) {
        org.apache.avro.Schema entry = avro.getElementType();
        ValueWriter keys = compile(schema.keySchema(), entry.getFields().get(0).schema());
        ValueWriter values = compile(schema.valueSchema(), entry.getFields().get(1).schema());
        return (value, out) -> {
            Map<Object, Object> map = (Map<Object, Object>) value;
            out.writeArrayStart();
            out.setItemCount(map.size());
            for (Map.Entry<Object, Object> pair : map.entrySet()) {
                out.startItem();
                keys.write(pair.getKey(), out);
                values.write(pair.getValue(), out);
            }
            out.writeArrayEnd();
        };
    }

    private ValueWriter struct(Schema schema, org.apache.avro.Schema avro) {
        List<Field> fields = schema.fields();
        Field[] fieldArray = fields.toArray(new Field[0]);
        ValueWriter[] writers = new ValueWriter[fieldArray.length];
        for (int i = 0; i < fieldArray.length; i++) {
            writers[i] = compile(fieldArray[i].schema(), avro.getFields().get(i).schema());
        }
        boolean withoutDefaults = options.ignoreDefaultForNullables();
        return (value, out) -> {
            Struct struct = (Struct) value;
            if (struct.schema() != schema && !struct.schema().equals(schema)) {
                throw new DataException("Mismatching struct schema");
            }
            for (int i = 0; i < fieldArray.length; i++) {
                Field field = fieldArray[i];
                writers[i].write(withoutDefaults ? struct.getWithoutDefault(field.name()) : struct.get(field), out);
            }
        };
    }
}
