package io.ferry.registry.api;

import java.nio.file.Files;
import java.nio.file.Path;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** A registry node for a test class: started before its tests, stopped after them. */
final class RegistryFixture implements BeforeAllCallback, AfterAllCallback {

    /** How to start the node for a test class. */
    interface Starter {
        RegistryServer start(Path dataDir) throws Exception;
    }

    private final Starter starter;
    private Path dataDir;
    private RegistryServer server;
    private RegistryHttp api;

    private RegistryFixture(Starter starter) {
        this.starter = starter;
    }

    /** A node on a local log in a temporary directory. */
    static RegistryFixture local() {
        return new RegistryFixture(dir -> RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir), "test"));
    }

    static RegistryFixture of(Starter starter) {
        return new RegistryFixture(starter);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("ferry-registry-");
        server = starter.start(dataDir);
        api = new RegistryHttp(server.url());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    RegistryHttp api() {
        return api;
    }

    RegistryServer server() {
        return server;
    }
}
