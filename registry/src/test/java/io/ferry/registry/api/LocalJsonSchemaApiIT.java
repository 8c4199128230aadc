package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON Schema API contract on a registry with a local log. */
class LocalJsonSchemaApiIT extends JsonSchemaApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
