package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The protocol API contract on a registry on a Kafka topic. */
class KafkaProtocolApiIT extends ProtocolApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.kafka();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
