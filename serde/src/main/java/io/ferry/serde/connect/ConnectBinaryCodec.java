package io.ferry.serde.connect;

import java.io.IOException;

import io.ferry.serde.avro.AvroPayloadReader;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.util.Utf8;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;

/**
 * The converter's fast path: decides per schema whether Connect data is written to and read from Avro
 * binary directly ({@link ConnectBinaryWriter}, {@link AvroBinaryReader}) instead of through Avro generic
 * data, and decodes with one reused binary decoder per thread. Thread-safe.
 */
final class ConnectBinaryCodec {
    private static final ThreadLocal<ReadState> READ_STATE = ThreadLocal.withInitial(ReadState::new);

    /** A thread's decoder and string buffer, reused from record to record. */
    private static final class ReadState {
        BinaryDecoder decoder;
        final Utf8 scratch = new Utf8();
    }

    private record Writing(ConnectBinaryWriter.ValueWriter writer) {
    }

    private record Reading(Schema connect, AvroBinaryReader.ValueReader reader) {
    }

    private final ConnectBinaryWriter writer;
    private final AvroBinaryReader reader = new AvroBinaryReader();
    private final SchemaCache<Schema, Writing> writable;
    private final SchemaCache<org.apache.avro.Schema, Boolean> readable;
    private final SchemaCache<org.apache.avro.Schema, Reading> readers;

    ConnectBinaryCodec(AvroDataOptions options) {
        this.writer = new ConnectBinaryWriter(options);
        this.writable = new SchemaCache<>(options.cacheSize());
        this.readable = new SchemaCache<>(options.cacheSize());
        this.readers = new SchemaCache<>(options.cacheSize());
    }

    /** The compiled writer of {@code schema}, or {@code null} when it takes the generic path. */
    ConnectBinaryWriter.ValueWriter writerFor(Schema schema, org.apache.avro.Schema avro) {
        return writable.get(schema, s -> new Writing(ConnectBinaryWriter.supports(s) ? writer.compile(s, avro) : null)).writer();
    }

    /** Whether a payload can be read directly: the writer's schema is read as it is (no other reader schema) and supported. */
    boolean canRead(AvroPayloadReader.Framed framed) {
        return framed.readerSchema() == null && readable.get(framed.writerSchema(), AvroBinaryReader::supports);
    }

    /**
     * Reads the datum of a framed payload into Connect data of {@code schema}.
     *
     * @throws SerializationException when the payload is truncated or does not match its schema
     */
    Object read(String topic, boolean isKey, byte[] bytes, AvroPayloadReader.Framed framed, Schema schema) {
        ReadState state = READ_STATE.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, framed.payloadOffset(),
                bytes.length - framed.payloadOffset(), state.decoder);
        state.decoder = decoder;
        Reading reading = readers.get(framed.writerSchema(), avro -> new Reading(schema, reader.compile(schema, avro)));
        if (reading.connect() != schema) {
            reading = new Reading(schema, reader.compile(schema, framed.writerSchema()));
        }
        try {
            return reading.reader().read(decoder, state.scratch);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException | NegativeArraySizeException e) {
            throw new SerializationException("Cannot deserialize the " + (isKey ? "key" : "value") + " of a record in topic '" + topic
                    + "': the payload of " + bytes.length + " bytes is truncated or does not match schema id " + framed.schemaId()
                    + " (" + e + ")", e);
        }
    }
}
