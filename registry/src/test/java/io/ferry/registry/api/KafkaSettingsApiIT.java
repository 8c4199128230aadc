package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The settings API contract on a registry on a Kafka topic. */
class KafkaSettingsApiIT extends SettingsApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.kafka();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
