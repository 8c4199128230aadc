package io.ferry.serde.avro;

import java.util.Map;

import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} for payloads in the registry wire format written with an Avro schema:
 * records come back as {@link org.apache.avro.generic.GenericRecord}s (or generated {@code SpecificRecord}s
 * with {@code specific.avro.reader=true}), a {@code string} as a String, {@code bytes} as byte[], other
 * primitives as their boxed types. Configured with Confluent's keys ({@link AvroSerdeConfig}).
 *
 * <p>{@code null} is read as {@code null}. Each schema id is fetched from the registry once. Thread-safe after
 * {@link #configure}.
 *
 * <p><b>Errors.</b> Bytes without the magic byte, an id the registry does not know, a truncated or corrupt
 * payload: a {@link org.apache.kafka.common.errors.SerializationException} whose message names the topic and
 * whether the key or the value failed. A deserializer is not told the partition and offset; the
 * {@code KafkaConsumer} adds them: it throws {@link org.apache.kafka.common.errors.RecordDeserializationException}
 * with {@code topicPartition()}, {@code offset()}, the record's timestamp, headers and raw key and value, and this
 * exception as the cause. To skip the record, seek past {@code offset()}.
 */
public class KafkaAvroDeserializer implements Deserializer<Object> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private AvroPayloadReader reader;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaAvroDeserializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaAvroDeserializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        AvroSerdeConfig config = new AvroSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.reader = new AvroPayloadReader(client, config.subjectNameStrategy(isKey), AvroPayloadReader.Options.of(config));
    }

    @Override
    public Object deserialize(String topic, byte[] data) {
        return deserialize(topic, null, data);
    }

    @Override
    public Object deserialize(String topic, Headers headers, byte[] data) {
        if (data == null) {
            return null;
        }
        if (reader == null) {
            throw new IllegalStateException("KafkaAvroDeserializer used before configure()");
        }
        return reader.read(topic, isKey, data).value();
    }

    @Override
    public void close() {
        lease.close();
    }
}
