package io.ferry.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.testing.InMemoryRegistryClient;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

/** The writer's schemas by id that every format's deserializer keeps. */
class SchemasByIdTest {
    private final InMemoryRegistryClient registry = new InMemoryRegistryClient();
    private final AtomicInteger parsed = new AtomicInteger();

    @Test
    void shouldFetchAndParseEachIdOnce() {
        int id = registry.register("orders-value", RegistrySchema.avro("\"string\""), false);
        SchemasById<String> schemas = new SchemasById<>(registry, schema -> {
            parsed.incrementAndGet();
            return schema.schema();
        });

        assertThat(schemas.get("orders", false, id)).isEqualTo("\"string\"");
        assertThat(schemas.get("orders", true, id)).isEqualTo("\"string\"");
        assertThat(parsed).hasValue(1);
    }

    @Test
    void shouldReportAnUnknownIdAsARegistryFailureNamingTheRecord() {
        SchemasById<String> schemas = new SchemasById<>(registry, RegistrySchema::schema);

        assertThatThrownBy(() -> schemas.get("orders", true, 404))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageStartingWith("Cannot deserialize the key of a record in topic 'orders': schema id 404 is not in the registry");
    }

    @Test
    void shouldNameTheRecordAndIdWhenTheSchemaCannotBeUsed() {
        int id = registry.register("orders-value", RegistrySchema.avro("\"string\""), false);
        SchemasById<String> schemas = new SchemasById<>(registry, schema -> {
            throw new SerializationException("schema is of type AVRO, not JSON");
        });

        assertThatThrownBy(() -> schemas.get("orders", false, id))
                .isExactlyInstanceOf(SerializationException.class)
                .hasMessage("Cannot deserialize the value of a record in topic 'orders' with schema id " + id
                        + ": schema is of type AVRO, not JSON");
    }
}
