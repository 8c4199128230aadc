package io.ferry.serde.avro;

import java.util.Map;

import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} for Avro data in the registry wire format: generic and specific records,
 * enums, fixed, and the primitives {@code null}, Boolean, Integer, Long, Float, Double, CharSequence,
 * byte[] and ByteBuffer. Configured with Confluent's keys ({@link AvroSerdeConfig}), so
 * {@code value.serializer=io.ferry.serde.avro.KafkaAvroSerializer} replaces Confluent's class in an
 * existing producer configuration.
 *
 * <p>{@code null} is written as {@code null} (a tombstone), without touching the registry. The first record
 * of each schema asks the registry for its id; later ones are encoded without a request. Thread-safe after
 * {@link #configure}.
 *
 * <p>Errors are {@link org.apache.kafka.common.errors.SerializationException}s naming the topic; registry
 * failures are {@link SchemaRegistryException}s, an incompatible schema an {@link IncompatibleSchemaException}
 * carrying the registry's 409.
 */
public class KafkaAvroSerializer implements Serializer<Object> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private AvroPayloadWriter writer;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaAvroSerializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaAvroSerializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.writer = new AvroPayloadWriter(client, config.subjectNameStrategy(isKey), config);
    }

    @Override
    public byte[] serialize(String topic, Object data) {
        return serialize(topic, null, data);
    }

    @Override
    public byte[] serialize(String topic, Headers headers, Object data) {
        if (data == null) {
            return null;
        }
        if (writer == null) {
            throw new IllegalStateException("KafkaAvroSerializer used before configure()");
        }
        return writer.write(topic, isKey, AvroSchemas.schemaOf(data), data);
    }

    @Override
    public void close() {
        lease.close();
    }
}
