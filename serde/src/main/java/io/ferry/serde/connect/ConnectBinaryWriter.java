package io.ferry.serde.connect;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.Encoder;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes Connect data straight to Avro binary, without building Avro generic data first: the converter's
 * fast path. The bytes are exactly those of {@link ConnectToAvroValue} followed by Avro's generic writer
 * (tested), for Connect schemas without Avro unions, enums or fixed ({@link #supports}); others take the
 * generic path. Stateless and thread-safe.
 */
final class ConnectBinaryWriter {
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

    /** Writes {@code value} of {@code schema}, whose Avro schema (from {@link AvroData#fromConnectSchema}) is {@code avro}. */
    void write(Schema schema, org.apache.avro.Schema avro, Object value, Encoder out) throws IOException {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> branches = avro.getTypes();
            int nullIndex = branches.get(0).getType() == org.apache.avro.Schema.Type.NULL ? 0 : 1;
            if (value == null) {
                out.writeIndex(nullIndex);
                out.writeNull();
                return;
            }
            out.writeIndex(1 - nullIndex);
            avro = branches.get(1 - nullIndex);
        } else if (value == null) {
            throw new DataException("Found null value for non-optional schema" + (schema.name() != null ? " " + schema.name() : ""));
        }
        Object plain = schema.name() != null ? ConnectToAvroValue.fromLogical(schema, value) : value;
        try {
            writeValue(schema, avro, plain, out);
        } catch (ClassCastException e) {
            throw new DataException("Invalid type for " + schema.type() + ": " + plain.getClass());
        }
    }

    @SuppressWarnings("unchecked")
    private void writeValue(Schema schema, org.apache.avro.Schema avro, Object value, Encoder out) throws IOException {
        switch (schema.type()) {
            case INT8 -> out.writeInt((Byte) value);
            case INT16 -> out.writeInt((Short) value);
            case INT32 -> out.writeInt((Integer) value);
            case INT64 -> out.writeLong((Long) value);
            case FLOAT32 -> out.writeFloat((Float) value);
            case FLOAT64 -> out.writeDouble((Double) value);
            case BOOLEAN -> out.writeBoolean((Boolean) value);
            case STRING -> out.writeString((String) value);
            case BYTES -> {
                if (value instanceof byte[] bytes) {
                    out.writeBytes(bytes);
                } else {
                    out.writeBytes(((ByteBuffer) value).duplicate());
                }
            }
            case ARRAY -> {
                Collection<Object> elements = (Collection<Object>) value;
                out.writeArrayStart();
                out.setItemCount(elements.size());
                for (Object element : elements) {
                    out.startItem();
                    write(schema.valueSchema(), avro.getElementType(), element, out);
                }
                out.writeArrayEnd();
            }
            case MAP -> writeMap(schema, avro, (Map<Object, Object>) value, out);
            case STRUCT -> writeStruct(schema, avro, (Struct) value, out);
            default -> throw new DataException("Unknown schema type: " + schema.type());
        }
    }

    private void writeMap(Schema schema, org.apache.avro.Schema avro, Map<Object, Object> map, Encoder out) throws IOException {
        if (avro.getType() == org.apache.avro.Schema.Type.MAP) {
            out.writeMapStart();
            out.setItemCount(map.size());
            for (Map.Entry<Object, Object> entry : map.entrySet()) {
                out.startItem();
                out.writeString((String) entry.getKey());
                write(schema.valueSchema(), avro.getValueType(), entry.getValue(), out);
            }
            out.writeMapEnd();
            return;
        }
        org.apache.avro.Schema entry = avro.getElementType();
        org.apache.avro.Schema keySchema = entry.getFields().get(0).schema();
        org.apache.avro.Schema valueSchema = entry.getFields().get(1).schema();
        out.writeArrayStart();
        out.setItemCount(map.size());
        for (Map.Entry<Object, Object> pair : map.entrySet()) {
            out.startItem();
            write(schema.keySchema(), keySchema, pair.getKey(), out);
            write(schema.valueSchema(), valueSchema, pair.getValue(), out);
        }
        out.writeArrayEnd();
    }

    private void writeStruct(Schema schema, org.apache.avro.Schema avro, Struct struct, Encoder out) throws IOException {
        if (struct.schema() != schema && !struct.schema().equals(schema)) {
            throw new DataException("Mismatching struct schema");
        }
        List<Field> fields = schema.fields();
        List<org.apache.avro.Schema.Field> avroFields = avro.getFields();
        for (int i = 0; i < fields.size(); i++) {
            Field field = fields.get(i);
            Object value = options.ignoreDefaultForNullables() ? struct.getWithoutDefault(field.name()) : struct.get(field);
            write(field.schema(), avroFields.get(i).schema(), value, out);
        }
    }
}
