package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON Schema API contract on a registry on a Kafka topic. */
class KafkaJsonSchemaApiIT extends JsonSchemaApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.kafka();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
