package io.ferry.serde.avro;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;

/**
 * Reads Avro payloads (after the wire header). One datum reader per (writer, reader) schema pair, one
 * binary decoder per thread. Thread-safe.
 */
final class AvroDecoder {
    private static final ThreadLocal<BinaryDecoder[]> DECODERS = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private final GenericData genericData;
    private final ConcurrentHashMap<SchemaPair, DatumReader<Object>> readers = new ConcurrentHashMap<>();

    private record SchemaPair(Schema writer, Schema reader, boolean specific) {
    }

    AvroDecoder(boolean logicalTypes) {
        this.genericData = AvroDataModels.generic(logicalTypes);
    }

    /**
     * Decodes {@code bytes[offset..]} written with {@code writer} with a reader from {@link #readerFor}; a
     * {@code bytes} writer schema yields the raw bytes, a {@code string} one a String.
     */
    Object decode(byte[] bytes, int offset, Schema writer, DatumReader<Object> datumReader) throws IOException {
        int length = bytes.length - offset;
        if (writer.getType() == Schema.Type.BYTES) {
            byte[] raw = new byte[length];
            System.arraycopy(bytes, offset, raw, 0, length);
            return raw;
        }
        BinaryDecoder[] slot = DECODERS.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, offset, length, slot[0]);
        slot[0] = decoder;
        Object value = datumReader.read(null, decoder);
        if (writer.getType() == Schema.Type.STRING && value != null) {
            return value.toString();
        }
        return value;
    }

    /** The (shared, cached) datum reader from {@code writer} to {@code reader} (the writer's schema when {@code null}). */
    DatumReader<Object> readerFor(Schema writer, Schema reader, boolean specific) {
        Schema target = reader == null ? writer : reader;
        return readers.computeIfAbsent(new SchemaPair(writer, target, specific), pair -> pair.specific()
                ? new SpecificDatumReader<>(pair.writer(), pair.reader(), specificData())
                : new GenericDatumReader<>(pair.writer(), pair.reader(), genericData));
    }

    private static SpecificData specificData() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? new SpecificData(context) : SpecificData.get();
    }
}
