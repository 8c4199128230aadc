package io.ferry.serde.jsonschema;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientLease;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.Serializer;

/**
 * A Kafka {@link Serializer} for JSON documents with a JSON Schema in the registry, written as
 * {@code 0x0 | 4-byte schema id | UTF-8 JSON}. Configured with Confluent's keys ({@link JsonSchemaSerdeConfig}), so
 * {@code value.serializer=io.ferry.serde.jsonschema.KafkaJsonSchemaSerializer} replaces Confluent's class.
 *
 * <p><b>Where the schema comes from</b>, first match wins:
 * <ol>
 *   <li>a {@link JsonSchemaValue}: its schema and payload;</li>
 *   <li>Confluent's envelope, a JsonNode or Map {@code {"schema": ..., "payload": ...}} ({@link JsonSchemaEnvelope}):
 *       its schema and payload;</li>
 *   <li>any other Java object: the schema of its class, from its {@link Schema} annotation or derived from the class
 *       ({@link PojoSchemaGenerator}; {@code json.schema.spec.version}, {@code json.oneof.for.nullables},
 *       {@code json.fail.unknown.properties}), written with Jackson ({@code json.write.dates.iso8601},
 *       {@code json.default.property.inclusion});</li>
 *   <li>any other JsonNode or Map has no schema of its own: it is written with {@code use.schema.id} or the
 *       subject's latest version ({@code use.latest.version=true}), and refused otherwise.</li>
 * </ol>
 * A payload with a schema is registered under its subject ({@code auto.register.schemas}, the default) or looked
 * up there. With {@code json.fail.invalid.schema=true} the document is validated against the schema it is written
 * with before it is written.
 *
 * <p>{@code null} is written as {@code null} (a tombstone) without touching the registry. Thread-safe after
 * {@link #configure}. Errors are {@link SerializationException}s naming the topic; registry failures are
 * {@link io.ferry.serde.registry.SchemaRegistryException}s, an incompatible schema an
 * {@link io.ferry.serde.registry.IncompatibleSchemaException} carrying the registry's 409.
 *
 * @param <T> the type of what is serialized
 */
public class KafkaJsonSchemaSerializer<T> implements Serializer<T> {
    private final RegistryClientLease lease;
    private boolean isKey;
    private JsonSchemaPayloadWriter writer;
    private PojoSchemaGenerator pojoSchemas;

    /** For Kafka: configured through {@link #configure}. */
    public KafkaJsonSchemaSerializer() {
        this(null);
    }

    /** With a client of the caller's, which {@link #close} leaves open; still needs {@link #configure}. */
    public KafkaJsonSchemaSerializer(RegistryClient client) {
        this.lease = new RegistryClientLease(client);
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        JsonSchemaSerdeConfig config = new JsonSchemaSerdeConfig(configs);
        RegistryClient client = lease.open(config.clientConfig());
        this.isKey = isKey;
        this.writer = new JsonSchemaPayloadWriter(client, config.subjectNameStrategy(isKey), config);
        this.pojoSchemas = new PojoSchemaGenerator(config.pojoSchemaOptions());
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
            throw new IllegalStateException("KafkaJsonSchemaSerializer used before configure()");
        }
        if (data instanceof JsonSchemaValue value) {
            return writer.write(topic, isKey, value.schema(), toTree(topic, value.payload()));
        }
        if (!(data instanceof JsonNode) && !(data instanceof Map)) {
            // A Java object: its class gives the schema, as with Confluent's serializer.
            return writer.write(topic, isKey, pojoSchemas.schemaOf(data.getClass()), toTree(topic, data));
        }
        JsonNode tree = toTree(topic, data);
        if (JsonSchemaEnvelope.isEnvelope(tree)) {
            return writer.write(topic, isKey, ParsedJsonSchema.of(tree.get(JsonSchemaEnvelope.SCHEMA)),
                    tree.get(JsonSchemaEnvelope.PAYLOAD));
        }
        return writer.write(topic, isKey, null, tree);
    }

    private JsonNode toTree(String topic, Object value) {
        if (value instanceof JsonNode node) {
            return node;
        }
        try {
            return pojoSchemas.mapper().valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new SerializationException("Cannot serialize the " + (isKey ? "key" : "value") + " of a record in topic '"
                    + topic + "': Jackson cannot write " + value.getClass().getName() + " as JSON: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lease.close();
    }
}
