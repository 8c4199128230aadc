package io.ferry.serde.protobuf;

import java.util.Map;

import com.google.protobuf.Message;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} for Protobuf payloads in the registry wire format. The writer's descriptor is
 * rebuilt from the registry ({@code format=serialized}) and the message indexes choose the message type;
 * messages come back as {@link com.google.protobuf.DynamicMessage}s, or as the generated class configured in
 * {@code specific.protobuf.value.type} / {@code specific.protobuf.key.type}, or derived from the schema with
 * {@code derive.type=true}. Configured with Confluent's keys ({@link ProtobufSerdeConfig}).
 *
 * <p>{@code null} is read as {@code null}. Each schema id is fetched once. Thread-safe after {@link #configure}.
 * Bytes not in the wire format, an unknown id, a corrupt message: a
 * {@link org.apache.kafka.common.errors.SerializationException} naming the topic and the side (key or value);
 * the consumer wraps it in a {@code RecordDeserializationException} with partition and offset.
 */
public class KafkaProtobufDeserializer<T extends Message> implements Deserializer<T> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private ProtobufPayloadReader reader;
    private SpecificTypes specific;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaProtobufDeserializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaProtobufDeserializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ProtobufSerdeConfig config = new ProtobufSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.reader = new ProtobufPayloadReader(client);
        this.specific = new SpecificTypes(config.specificType(isKey), config.deriveType());
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    @SuppressWarnings("unchecked")
    public T deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (reader == null) {
            throw new IllegalStateException("KafkaProtobufDeserializer used before configure()");
        }
        ProtobufPayloadReader.Decoded decoded = reader.read(topic, isKey, data);
        if (specific.enabled()) {
            return (T) ProtobufPayloadReader.reparse(decoded.message(), specific.builderFor(decoded.type()));
        }
        return (T) decoded.message();
    }

    @Override
    public void close() {
        lease.close();
    }
}
