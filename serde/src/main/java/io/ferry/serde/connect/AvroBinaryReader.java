package io.ferry.serde.connect;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.Decoder;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads Avro binary straight into Connect data of the Connect schema {@link AvroData#toConnectSchema} made
 * of the writer's schema, without Avro generic data in between: the converter's fast path. Gives the same
 * data as Avro's generic reader followed by {@link AvroToConnectValue} (tested), for writer schemas without
 * enums, fixed or unions other than {@code [null, T]} ({@link #supports}). Stateless and thread-safe.
 */
final class AvroBinaryReader {

    /** Whether every part of the writer's schema is read by this reader. */
    static boolean supports(org.apache.avro.Schema schema) {
        return switch (schema.getType()) {
            case UNION -> schema.getTypes().size() == 2 && schema.getTypes().stream()
                    .anyMatch(branch -> branch.getType() == org.apache.avro.Schema.Type.NULL)
                    && schema.getTypes().stream().allMatch(AvroBinaryReader::supports);
            case RECORD -> schema.getFields().stream().allMatch(field -> supports(field.schema()));
            case ARRAY -> supports(schema.getElementType());
            case MAP -> supports(schema.getValueType());
            case ENUM, FIXED -> false;
            default -> true;
        };
    }

    Object read(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            org.apache.avro.Schema branch = avro.getTypes().get(in.readIndex());
            if (branch.getType() == org.apache.avro.Schema.Type.NULL) {
                in.readNull();
                return null;
            }
            avro = branch;
        }
        Object value = readValue(schema, avro, in);
        return schema.name() != null ? AvroToConnectValue.toLogical(schema, value) : value;
    }

    private Object readValue(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        switch (avro.getType()) {
            case INT: {
                int number = in.readInt();
                return switch (schema.type()) {
                    case INT8 -> (byte) number;
                    case INT16 -> (short) number;
                    default -> number;
                };
            }
            case LONG:
                return in.readLong();
            case FLOAT:
                return in.readFloat();
            case DOUBLE:
                return in.readDouble();
            case BOOLEAN:
                return in.readBoolean();
            case STRING:
                return in.readString();
            case BYTES:
                return in.readBytes(null);
            case ARRAY:
                return schema.type() == Schema.Type.MAP ? readEntries(schema, avro.getElementType(), in) : readArray(schema, avro, in);
            case MAP:
                return readMap(schema, avro, in);
            case RECORD:
                return readStruct(schema, avro, in);
            default:
                throw new DataException("Avro type " + avro.getType() + " is not read by the binary reader");
        }
    }

    private List<Object> readArray(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        List<Object> list = new ArrayList<>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                list.add(read(schema.valueSchema(), avro.getElementType(), in));
            }
        }
        return list;
    }

    private Map<Object, Object> readEntries(Schema schema, org.apache.avro.Schema entry, Decoder in) throws IOException {
        org.apache.avro.Schema keySchema = entry.getFields().get(0).schema();
        org.apache.avro.Schema valueSchema = entry.getFields().get(1).schema();
        Map<Object, Object> map = new HashMap<>();
        for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
            for (long i = 0; i < n; i++) {
                Object key = read(schema.keySchema(), keySchema, in);
                map.put(key, read(schema.valueSchema(), valueSchema, in));
            }
        }
        return map;
    }

    private Map<Object, Object> readMap(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        Map<Object, Object> map = new HashMap<>();
        for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
            for (long i = 0; i < n; i++) {
                String key = in.readString();
                map.put(key, read(schema.valueSchema(), avro.getValueType(), in));
            }
        }
        return map;
    }

    private Struct readStruct(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        Struct struct = new Struct(schema);
        List<Field> fields = schema.fields();
        List<org.apache.avro.Schema.Field> avroFields = avro.getFields();
        for (int i = 0; i < avroFields.size(); i++) {
            struct.put(fields.get(i), read(fields.get(i).schema(), avroFields.get(i).schema(), in));
        }
        return struct;
    }
}
