package io.ferry.serde.protobuf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import com.google.protobuf.Message;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.subject.SubjectNameStrategy;
import io.ferry.serde.wire.WireFormat;

/**
 * Writes Protobuf messages as framed payloads: magic byte, schema id, message indexes, message bytes.
 * Shared by the Kafka serializer and the Connect converter. Thread-safe.
 */
public final class ProtobufPayloadWriter {
    private final ProtobufSchemaRegistrar registrar;

    public ProtobufPayloadWriter(RegistryClient client, SubjectNameStrategy strategy, ProtobufWriteMode mode) {
        this.registrar = new ProtobufSchemaRegistrar(client, strategy, mode);
    }

    /**
     * The framed payload of {@code message}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException naming the topic when the registry refuses
     *                                                                (a {@link io.ferry.serde.registry.SchemaRegistryException})
     */
    public byte[] write(String topic, boolean isKey, Message message) {
        ProtobufSchemaRegistrar.Resolved resolved = registrar.resolve(topic, isKey, message.getDescriptorForType());
        byte[] indexes = resolved.indexes().toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(WireFormat.HEADER_SIZE + indexes.length + message.getSerializedSize());
        out.writeBytes(WireFormat.header(resolved.id()));
        out.writeBytes(indexes);
        try {
            message.writeTo(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }
}
