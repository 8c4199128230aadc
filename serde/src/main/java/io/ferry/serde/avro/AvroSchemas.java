package io.ferry.serde.avro;

import java.nio.ByteBuffer;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericContainer;
import org.apache.kafka.common.errors.SerializationException;

/** The Avro schema of a value, as Confluent's serializers infer it. */
public final class AvroSchemas {
    private static final Map<Schema.Type, Schema> PRIMITIVES = Map.of(
            Schema.Type.NULL, Schema.create(Schema.Type.NULL),
            Schema.Type.BOOLEAN, Schema.create(Schema.Type.BOOLEAN),
            Schema.Type.INT, Schema.create(Schema.Type.INT),
            Schema.Type.LONG, Schema.create(Schema.Type.LONG),
            Schema.Type.FLOAT, Schema.create(Schema.Type.FLOAT),
            Schema.Type.DOUBLE, Schema.create(Schema.Type.DOUBLE),
            Schema.Type.STRING, Schema.create(Schema.Type.STRING),
            Schema.Type.BYTES, Schema.create(Schema.Type.BYTES));

    private AvroSchemas() {
    }

    /**
     * The schema of a record ({@link GenericContainer}: generic, specific, enum symbol, fixed) or of a
     * primitive: {@code null}, Boolean, Integer, Long, Float, Double, CharSequence, byte[] or ByteBuffer.
     *
     * @throws SerializationException for any other type
     */
    public static Schema schemaOf(Object value) {
        if (value == null) {
            return PRIMITIVES.get(Schema.Type.NULL);
        } else if (value instanceof GenericContainer container) {
            return container.getSchema();
        } else if (value instanceof CharSequence) {
            return PRIMITIVES.get(Schema.Type.STRING);
        } else if (value instanceof Integer) {
            return PRIMITIVES.get(Schema.Type.INT);
        } else if (value instanceof Long) {
            return PRIMITIVES.get(Schema.Type.LONG);
        } else if (value instanceof Boolean) {
            return PRIMITIVES.get(Schema.Type.BOOLEAN);
        } else if (value instanceof Double) {
            return PRIMITIVES.get(Schema.Type.DOUBLE);
        } else if (value instanceof Float) {
            return PRIMITIVES.get(Schema.Type.FLOAT);
        } else if (value instanceof byte[] || value instanceof ByteBuffer) {
            return PRIMITIVES.get(Schema.Type.BYTES);
        }
        throw new SerializationException("Unsupported Avro type " + value.getClass().getName() + ". Supported types are null, "
                + "Boolean, Integer, Long, Float, Double, String, byte[], ByteBuffer and Avro records (generic or specific)");
    }

    /** The fully qualified name of a record schema, {@code null} for any other schema (what subject strategies get). */
    public static String recordName(Schema schema) {
        return schema.getType() == Schema.Type.RECORD ? schema.getFullName() : null;
    }

    /** Whether {@code reader} can read data written with {@code writer}. */
    static boolean canRead(Schema reader, Schema writer) {
        return org.apache.avro.SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getType()
                == org.apache.avro.SchemaCompatibility.SchemaCompatibilityType.COMPATIBLE;
    }
}
