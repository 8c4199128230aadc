package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The schema API contract on a registry with a local log. */
class LocalSchemaApiIT extends SchemaApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
