package io.ferry.serde.registry;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The writer's schemas a deserializer has met, by id: each fetched from the registry and parsed into the format's
 * form once, then kept for the deserializer's life (an id's schema never changes). Thread-safe; two threads
 * meeting a new id at once may both fetch it, and one result is kept.
 *
 * @param <T> the format's parsed schema
 */
public final class SchemasById<T> {
    private final RegistryClient client;
    private final Function<RegistrySchema, T> parse;
    private final ConcurrentHashMap<Integer, T> schemas = new ConcurrentHashMap<>();

    /** @param parse the format's parser; a {@link SerializationException} it throws is reported with the record and id */
    public SchemasById(RegistryClient client, Function<RegistrySchema, T> parse) {
        this.client = client;
        this.parse = parse;
    }

    /**
     * The schema of {@code id}, for a record of {@code topic}.
     *
     * @throws SchemaRegistryException when the id is unknown or the registry refuses or cannot be reached
     * @throws SerializationException  naming the record and the id when the schema cannot be used
     */
    public T get(String topic, boolean isKey, int id) {
        T schema = schemas.get(id);
        if (schema == null) {
            RegistrySchema fetched;
            try {
                fetched = client.schemaById(id);
            } catch (RegistryClientException e) {
                throw RegistryFailures.readingSchema(topic, isKey, id, e);
            }
            try {
                schema = parse.apply(fetched);
            } catch (SchemaRegistryException e) {
                throw e;
            } catch (SerializationException e) {
                throw new SerializationException("Cannot deserialize " + RecordSide.describe(topic, isKey) + " with schema id "
                        + id + ": " + e.getMessage(), e);
            }
            T raced = schemas.putIfAbsent(id, schema);
            return raced != null ? raced : schema;
        }
        return schema;
    }
}
