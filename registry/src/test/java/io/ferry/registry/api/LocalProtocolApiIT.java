package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The protocol API contract on a registry with a local log. */
class LocalProtocolApiIT extends ProtocolApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
