package io.ferry.serde.avro;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.wire.WireFormat;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Writes framed Avro payloads. One datum writer per schema (specific records get a specific writer), one
 * output buffer and binary encoder per thread, so that a warm call allocates only the result array.
 * Thread-safe.
 */
public final class AvroEncoder {
    private static final ThreadLocal<Buffer> BUFFERS = ThreadLocal.withInitial(Buffer::new);

    private final GenericData genericData;
    private final ConcurrentHashMap<Schema, DatumWriter<Object>> genericWriters = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Schema, DatumWriter<Object>> specificWriters = new ConcurrentHashMap<>();

    AvroEncoder(boolean logicalTypes) {
        this.genericData = AvroDataModels.generic(logicalTypes);
    }

    /**
     * {@code 0x0 | id | Avro binary of value}; a {@code bytes} schema writes the bytes as they are, without
     * Avro's length prefix, as Confluent's serializer does.
     */
    byte[] encode(int schemaId, Schema schema, DatumWriter<Object> writer, Object value) throws IOException {
        if (schema.getType() == Schema.Type.BYTES) {
            return rawBytes(schemaId, value);
        }
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
        buffer.encoder = encoder;
        writer.write(value, encoder);
        encoder.flush();
        return buffer.framed(schemaId);
    }

    /** Writes with a caller-supplied routine into the thread's buffer and frames the result. */
    byte[] encode(int schemaId, EncodeBody body) throws IOException {
        Buffer buffer = BUFFERS.get();
        buffer.reset();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(buffer, buffer.encoder);
        buffer.encoder = encoder;
        body.writeTo(encoder);
        encoder.flush();
        return buffer.framed(schemaId);
    }

    /** Writes a datum to an encoder. */
    public interface EncodeBody {
        void writeTo(BinaryEncoder encoder) throws IOException;
    }

    /** The (shared, cached) datum writer for values like {@code value} written with {@code schema}. */
    DatumWriter<Object> writerFor(Schema schema, Object value) {
        ConcurrentHashMap<Schema, DatumWriter<Object>> writers = value instanceof SpecificRecord ? specificWriters : genericWriters;
        DatumWriter<Object> writer = writers.get(schema);
        if (writer == null) {
            writer = writers.computeIfAbsent(schema, s -> value instanceof SpecificRecord
                    ? new SpecificDatumWriter<>(s) : new GenericDatumWriter<>(s, genericData));
        }
        return writer;
    }

    private static byte[] rawBytes(int schemaId, Object value) {
        byte[] bytes;
        if (value instanceof byte[] array) {
            bytes = array;
        } else if (value instanceof ByteBuffer buffer) {
            ByteBuffer copy = buffer.duplicate();
            bytes = new byte[copy.remaining()];
            copy.get(bytes);
        } else {
            throw new org.apache.kafka.common.errors.SerializationException(
                    "a bytes schema needs byte[] or ByteBuffer, not " + value.getClass().getName());
        }
        byte[] framed = new byte[WireFormat.HEADER_SIZE + bytes.length];
        WireFormat.writeHeader(framed, schemaId);
        System.arraycopy(bytes, 0, framed, WireFormat.HEADER_SIZE, bytes.length);
        return framed;
    }

    /** A growable byte buffer that frames its content; reused by one thread. */
    private static final class Buffer extends OutputStream {
        private byte[] bytes = new byte[512];
        private int size;
        private BinaryEncoder encoder;

        void reset() {
            size = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            bytes[size++] = (byte) b;
        }

        @Override
        public void write(byte[] source, int offset, int length) {
            ensure(length);
            System.arraycopy(source, offset, bytes, size, length);
            size += length;
        }

        private void ensure(int more) {
            if (size + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
            }
        }

        byte[] framed(int schemaId) {
            byte[] framed = new byte[WireFormat.HEADER_SIZE + size];
            WireFormat.writeHeader(framed, schemaId);
            System.arraycopy(bytes, 0, framed, WireFormat.HEADER_SIZE, size);
            return framed;
        }
    }
}
