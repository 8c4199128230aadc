package io.ferry.registry.api;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The settings API contract on a registry with a local log. */
class LocalSettingsApiIT extends SettingsApiContract {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    @Override
    RegistryHttp api() {
        return REGISTRY.api();
    }
}
