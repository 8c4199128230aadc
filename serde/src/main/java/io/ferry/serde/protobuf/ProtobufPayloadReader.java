package io.ferry.serde.protobuf;

import java.util.Arrays;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.registry.RegistryFailures;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.wire.MessageIndexes;
import io.ferry.serde.wire.WireFormat;
import io.ferry.serde.wire.WireHeader;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Reads framed Protobuf payloads: the header, the message indexes, the writer's descriptor (from the
 * registry, {@link ProtobufSchemas}), then the message as a {@link DynamicMessage}. Shared by the Kafka
 * deserializer and the Connect converter. Thread-safe.
 */
public final class ProtobufPayloadReader {
    /** A read message with the schema id and the writer's message type. */
    public record Decoded(int schemaId, Descriptor type, DynamicMessage message) {
    }

    private final ProtobufSchemas schemas;

    public ProtobufPayloadReader(RegistryClient client) {
        this.schemas = new ProtobufSchemas(client);
    }

    /**
     * Reads a framed payload.
     *
     * @throws SerializationException naming the topic for bytes not in the wire format, an unknown id, a corrupt
     *                                message; a {@link SchemaRegistryException} when the registry refuses or is unreachable
     */
    public Decoded read(String topic, boolean isKey, byte[] framed) {
        String what = RecordSide.describe(topic, isKey);
        WireHeader header;
        MessageIndexes.Read indexes;
        try {
            header = WireFormat.readHeader(framed);
            indexes = MessageIndexes.read(framed, header.payloadOffset());
        } catch (SerializationException e) {
            throw new SerializationException("Cannot deserialize " + what + ": " + e.getMessage(), e);
        }
        Descriptor type;
        try {
            type = MessageTypePaths.messageAt(schemas.fileOf(header.schemaId()), indexes.indexes());
        } catch (RegistryClientException e) {
            throw RegistryFailures.readingSchema(topic, isKey, header.schemaId(), e);
        } catch (SerializationException e) {
            throw new SerializationException("Cannot deserialize " + what + " (schema id " + header.schemaId() + "): "
                    + e.getMessage(), e);
        }
        try {
            byte[] payload = Arrays.copyOfRange(framed, indexes.nextOffset(), framed.length);
            return new Decoded(header.schemaId(), type, DynamicMessage.parseFrom(type, payload));
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException("Cannot deserialize " + what + " as " + type.getFullName() + " (schema id "
                    + header.schemaId() + "): " + e.getMessage(), e);
        }
    }

    /** Parses {@code decoded}'s bytes again into another message type of the same shape (a generated class). */
    public static Message reparse(DynamicMessage decoded, Message.Builder target) {
        try {
            return target.mergeFrom(decoded.toByteString()).build();
        } catch (InvalidProtocolBufferException e) {
            throw new SerializationException("Cannot parse the message into " + target.getDescriptorForType().getFullName(), e);
        }
    }
}
