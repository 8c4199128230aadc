package io.ferry.serde.jsonschema;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import io.ferry.serde.registry.RecordSide;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * A Kafka {@link Deserializer} for payloads in the registry wire format written with a JSON Schema. Returns a
 * Jackson {@link JsonNode} by default, or an instance of {@code json.value.type} ({@code json.key.type} for keys)
 * read with Jackson ({@code java.time} values from ISO 8601 strings), failing on properties the class does not know unless {@code json.fail.unknown.properties=false}.
 * With {@code json.fail.invalid.schema=true} the document is validated against the writer's schema. Configured with
 * Confluent's keys ({@link JsonSchemaSerdeConfig}).
 *
 * <p>{@code null} is read as {@code null}. Each schema id is fetched from the registry once. Thread-safe after
 * {@link #configure}. Errors are {@link SerializationException}s naming the topic and whether key or value failed;
 * the {@code KafkaConsumer} wraps them in a {@code RecordDeserializationException} with partition and offset.
 *
 * @param <T> the type returned: {@link JsonNode}, or the configured class
 */
public class KafkaJsonSchemaDeserializer<T> implements Deserializer<T> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private JsonSchemaPayloadReader reader;
    private ObjectReader target;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaJsonSchemaDeserializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaJsonSchemaDeserializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        JsonSchemaSerdeConfig config = new JsonSchemaSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.reader = new JsonSchemaPayloadReader(client, config.failInvalidSchema());
        Class<?> type = config.targetType(isKey);
        if (type != null) {
            // Its own mapper, so the java.time module loads only where POJOs are read, never in the converter.
            ObjectReader typed = JavaTimeTypes.register(new ObjectMapper()).readerFor(type);
            this.target = config.failUnknownProperties() ? typed.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    : typed.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        }
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
            throw new IllegalStateException("KafkaJsonSchemaDeserializer used before configure()");
        }
        JsonNode document = reader.read(topic, isKey, data).document();
        if (target == null) {
            return (T) document;
        }
        try {
            return target.readValue(document);
        } catch (IOException | IllegalArgumentException e) {
            throw new SerializationException("Cannot deserialize " + RecordSide.describe(topic, isKey) + " into "
                    + target.getValueType() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lease.close();
    }
}
