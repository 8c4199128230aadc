package io.ferry.serde.protobuf;

import java.util.Map;

import com.google.protobuf.Message;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} for Protobuf messages (generated classes or {@link com.google.protobuf.DynamicMessage})
 * in the registry wire format: {@code 0x0}, the 4-byte schema id, the message indexes of the message type in its
 * file, then the message bytes. Configured with Confluent's keys ({@link ProtobufSerdeConfig}); the schema is the
 * message's file, printed as {@code .proto} text, its imports registered first as references under their import
 * paths.
 *
 * <p>{@code null} is written as {@code null}. Registry answers are remembered, so a warm call makes no request.
 * Thread-safe after {@link #configure}. Errors are {@link SerializationException}s naming the topic; registry
 * failures are {@link io.ferry.serde.registry.SchemaRegistryException}s, an incompatible schema an
 * {@link io.ferry.serde.registry.IncompatibleSchemaException}.
 */
public class KafkaProtobufSerializer<T extends Message> implements Serializer<T> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private ProtobufPayloadWriter writer;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaProtobufSerializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaProtobufSerializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        ProtobufSerdeConfig config = new ProtobufSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.writer = new ProtobufPayloadWriter(client, config.subjectNameStrategy(isKey), config.writeMode());
    }

    @Override
    public byte[] serialize(String topic, T data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, T data) {
        if (data == null) {
            return null;
        }
        if (writer == null) {
            throw new IllegalStateException("KafkaProtobufSerializer used before configure()");
        }
        return writer.write(topic, isKey, data);
    }

    @Override
    public void close() {
        lease.close();
    }
}
