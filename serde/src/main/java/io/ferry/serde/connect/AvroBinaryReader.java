package io.ferry.serde.connect;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;

/**
 * Reads Avro binary straight into Connect data of the Connect schema {@link AvroData#toConnectSchema} made
 * of the writer's schema, without Avro generic data in between: the converter's fast path. A (Connect,
 * Avro) schema pair is compiled once into a tree of {@link ValueReader}s. Gives the same data as Avro's
 * generic reader followed by {@link AvroToConnectValue} (tested), for writer schemas without enums, fixed or
 * unions other than {@code [null, T]} ({@link #supports}). Thread-safe.
 */
final class AvroBinaryReader {

    /** Reads one value; {@code scratch} is the calling thread's buffer for strings. */
    interface ValueReader {
        Object read(Decoder in, Utf8 scratch) throws IOException;
    }

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

    /** One read of a value, for tests and one-off use. */
    Object read(Schema schema, org.apache.avro.Schema avro, Decoder in) throws IOException {
        return compile(schema, avro).read(in, new Utf8());
    }

    ValueReader compile(Schema schema, org.apache.avro.Schema avro) {
        if (avro.getType() == org.apache.avro.Schema.Type.UNION) {
            List<org.apache.avro.Schema> branches = avro.getTypes();
            ValueReader[] readers = new ValueReader[branches.size()];
            for (int i = 0; i < readers.length; i++) {
                readers[i] = branches.get(i).getType() == org.apache.avro.Schema.Type.NULL ? null : compile(schema, branches.get(i));
            }
            return (in, scratch) -> {
                ValueReader branch = readers[in.readIndex()];
                if (branch == null) {
                    in.readNull();
                    return null;
                }
                return branch.read(in, scratch);
            };
        }
        if (schema.name() != null) {
            ValueReader logical = logical(schema, avro);
            if (logical != null) {
                return logical;
            }
        }
        return plain(schema, avro);
    }

    private ValueReader plain(Schema schema, org.apache.avro.Schema avro) {
        switch (avro.getType()) {
            case INT:
                return switch (schema.type()) {
                    case INT8 -> (in, scratch) -> (byte) in.readInt();
                    case INT16 -> (in, scratch) -> (short) in.readInt();
                    default -> (in, scratch) -> in.readInt();
                };
            case LONG:
                return (in, scratch) -> in.readLong();
            case FLOAT:
                return (in, scratch) -> in.readFloat();
            case DOUBLE:
                return (in, scratch) -> in.readDouble();
            case BOOLEAN:
                return (in, scratch) -> in.readBoolean();
            case STRING:
                return AvroBinaryReader::readString;
            case BYTES:
                return (in, scratch) -> in.readBytes(null);
            case ARRAY:
                return schema.type() == Schema.Type.MAP ? entries(schema, avro.getElementType()) : array(schema, avro);
            case MAP:
                return map(schema, avro);
            case RECORD:
                return struct(schema, avro);
            default:
                throw new DataException("Avro type " + avro.getType() + " is not read by the binary reader");
        }
    }

    private static String readString(Decoder in, Utf8 scratch) throws IOException {
        Utf8 utf8 = in.readString(scratch);
        return new String(utf8.getBytes(), 0, utf8.getByteLength(), StandardCharsets.UTF_8);
    }

    /**
     * A decimal's unscaled two's-complement bytes. Avro encodes bytes exactly as it encodes a string (a length,
     * then the bytes), so they are read into the thread's scratch buffer; an unscaled value of at most eight
     * bytes, the usual case, becomes a decimal without a {@link BigInteger} in between.
     */
    private static BigDecimal decimal(Decoder in, Utf8 scratch, int scale) throws IOException {
        Utf8 raw = in.readString(scratch);
        byte[] bytes = raw.getBytes();
        int length = raw.getByteLength();
        if (length == 0 || length > Long.BYTES) {
            return new BigDecimal(new BigInteger(bytes, 0, length), scale);
        }
        long unscaled = bytes[0]; // the sign comes with the first byte
        for (int i = 1; i < length; i++) {
            unscaled = unscaled << 8 | bytes[i] & 0xFF;
        }
        return BigDecimal.valueOf(unscaled, scale);
    }

    private static ValueReader logical(Schema schema, org.apache.avro.Schema avro) {
        switch (schema.name()) {
            case Decimal.LOGICAL_NAME: {
                if (avro.getType() != org.apache.avro.Schema.Type.BYTES) {
                    return null;
                }
                int scale = Integer.parseInt(schema.parameters().get(Decimal.SCALE_FIELD));
                return (in, scratch) -> decimal(in, scratch, scale);
            }
            case Date.LOGICAL_NAME:
                return avro.getType() == org.apache.avro.Schema.Type.INT ? (in, scratch) -> Date.toLogical(schema, in.readInt()) : null;
            case Time.LOGICAL_NAME:
                return avro.getType() == org.apache.avro.Schema.Type.INT ? (in, scratch) -> Time.toLogical(schema, in.readInt()) : null;
            case Timestamp.LOGICAL_NAME:
                return avro.getType() == org.apache.avro.Schema.Type.LONG ? (in, scratch) -> new java.util.Date(in.readLong()) : null;
            default:
                return null;
        }
    }

    private ValueReader array(Schema schema, org.apache.avro.Schema avro) {
        ValueReader element = compile(schema.valueSchema(), avro.getElementType());
        return (in, scratch) -> {
            List<Object> list = new ArrayList<>();
            for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
                for (long i = 0; i < n; i++) {
                    list.add(element.read(in, scratch));
                }
            }
            return list;
        };
    }

    private ValueReader entries(Schema schema, org.apache.avro.Schema entry) {
        ValueReader keys = compile(schema.keySchema(), entry.getFields().get(0).schema());
        ValueReader values = compile(schema.valueSchema(), entry.getFields().get(1).schema());
        return (in, scratch) -> {
            Map<Object, Object> map = new HashMap<>();
            for (long n = in.readArrayStart(); n != 0; n = in.arrayNext()) {
                for (long i = 0; i < n; i++) {
                    Object key = keys.read(in, scratch);
                    map.put(key, values.read(in, scratch));
                }
            }
            return map;
        };
    }

    private ValueReader map(Schema schema, org.apache.avro.Schema avro) {
        ValueReader values = compile(schema.valueSchema(), avro.getValueType());
        return (in, scratch) -> {
            Map<Object, Object> map = new HashMap<>();
            for (long n = in.readMapStart(); n != 0; n = in.mapNext()) {
                for (long i = 0; i < n; i++) {
                    String key = readString(in, scratch);
                    map.put(key, values.read(in, scratch));
                }
            }
            return map;
        };
    }

    private ValueReader struct(Schema schema, org.apache.avro.Schema avro) {
        List<Field> fields = schema.fields();
        Field[] fieldArray = fields.toArray(new Field[0]);
        ValueReader[] readers = new ValueReader[fieldArray.length];
        for (int i = 0; i < fieldArray.length; i++) {
            readers[i] = compile(fieldArray[i].schema(), avro.getFields().get(i).schema());
        }
        return (in, scratch) -> {
            Struct struct = new Struct(schema);
            Object[] values = StructValues.valuesOf(struct);
            for (int i = 0; i < fieldArray.length; i++) {
                StructValues.set(struct, values, fieldArray[i], readers[i].read(in, scratch));
            }
            return struct;
        };
    }
}
