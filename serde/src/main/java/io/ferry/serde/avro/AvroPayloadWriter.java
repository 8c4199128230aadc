package io.ferry.serde.avro;

import java.io.IOException;

import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumWriter;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Writes Avro data as framed payloads: chooses the schema id ({@link WriteSchemaResolver}), then encodes.
 * Shared by the Kafka serializer and the Connect converter. Thread-safe.
 */
public final class AvroPayloadWriter {
    private final WriteSchemaResolver resolver;
    private final AvroEncoder encoder;

    public AvroPayloadWriter(RegistryClient client, SubjectNameStrategy strategy, AvroSerdeConfig config) {
        this.resolver = new WriteSchemaResolver(client, strategy, WriteSchemaResolver.Mode.of(config));
        this.encoder = new AvroEncoder(config.useLogicalTypeConverters());
    }

    /**
     * The framed payload of {@code value}, whose Avro schema is {@code schema}.
     *
     * @throws SerializationException naming the topic when the value does not fit the schema or the registry
     *                                refuses (a {@link SchemaRegistryException})
     */
    public byte[] write(String topic, boolean isKey, Schema schema, Object value) {
        WriteSchemaResolver.Resolved resolved = resolver.resolve(topic, isKey, schema);
        try {
            DatumWriter<Object> writer = encoder.writerFor(resolved.schema, value);
            return encoder.encode(resolved.id, resolved.schema, writer, value);
        } catch (IOException | AvroRuntimeException | ClassCastException | NullPointerException e) {
            throw new SerializationException("Cannot serialize " + RecordSide.describe(topic, isKey) + " with schema id "
                    + resolved.id + ": " + e.getMessage(), e);
        }
    }

    /** Like {@link #write(String, boolean, Schema, Object)}, with a caller's routine writing the datum. */
    public byte[] write(String topic, boolean isKey, Schema schema, AvroEncoder.EncodeBody body) {
        WriteSchemaResolver.Resolved resolved = resolver.resolve(topic, isKey, schema);
        try {
            return encoder.encode(resolved.id, body);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException serialization) {
                throw serialization;
            }
            throw new SerializationException("Cannot serialize " + RecordSide.describe(topic, isKey) + " with schema id "
                    + resolved.id + ": " + e.getMessage(), e);
        }
    }

    /** The id that data of {@code schema} is written with, registering or looking it up when needed. */
    public int schemaId(String topic, boolean isKey, Schema schema) {
        return resolver.resolve(topic, isKey, schema).id;
    }
}
