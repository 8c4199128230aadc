package io.ferry.serde.connect;

import java.io.IOException;

import io.ferry.serde.avro.AvroPayloadReader;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.data.Schema;

/**
 * The converter's fast path: decides per schema whether Connect data is written to and read from Avro
 * binary directly ({@link ConnectBinaryWriter}, {@link AvroBinaryReader}) instead of through Avro generic
 * data, and decodes with one reused binary decoder per thread. Thread-safe.
 */
final class ConnectBinaryCodec {
    private static final ThreadLocal<BinaryDecoder[]> DECODERS = ThreadLocal.withInitial(() -> new BinaryDecoder[1]);

    private final ConnectBinaryWriter writer;
    private final AvroBinaryReader reader = new AvroBinaryReader();
    private final SchemaCache<Schema, Boolean> writable;
    private final SchemaCache<org.apache.avro.Schema, Boolean> readable;

    ConnectBinaryCodec(AvroDataOptions options) {
        this.writer = new ConnectBinaryWriter(options);
        this.writable = new SchemaCache<>(options.cacheSize());
        this.readable = new SchemaCache<>(options.cacheSize());
    }

    boolean canWrite(Schema schema) {
        return writable.get(schema, ConnectBinaryWriter::supports);
    }

    /** Whether a payload can be read directly: the writer's schema is read as it is (no other reader schema) and supported. */
    boolean canRead(AvroPayloadReader.Framed framed) {
        return framed.readerSchema() == null && readable.get(framed.writerSchema(), AvroBinaryReader::supports);
    }

    ConnectBinaryWriter writer() {
        return writer;
    }

    /**
     * Reads the datum of a framed payload into Connect data of {@code schema}.
     *
     * @throws SerializationException when the payload is truncated or does not match its schema
     */
    Object read(String topic, boolean isKey, byte[] bytes, AvroPayloadReader.Framed framed, Schema schema) {
        BinaryDecoder[] slot = DECODERS.get();
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, framed.payloadOffset(),
                bytes.length - framed.payloadOffset(), slot[0]);
        slot[0] = decoder;
        try {
            return reader.read(schema, framed.writerSchema(), decoder);
        } catch (IOException | AvroRuntimeException | IndexOutOfBoundsException | ClassCastException | NegativeArraySizeException e) {
            throw new SerializationException("Cannot deserialize the " + (isKey ? "key" : "value") + " of a record in topic '" + topic
                    + "': the payload of " + bytes.length + " bytes is truncated or does not match schema id " + framed.schemaId()
                    + " (" + e + ")", e);
        }
    }
}
