package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema API contract on a registry on a Kafka topic. */
class KafkaSchemaApiIT extends SchemaApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.kafka();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
