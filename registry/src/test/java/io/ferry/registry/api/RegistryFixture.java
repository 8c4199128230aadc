package io.ferry.registry.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
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
    private Runnable onClose = () -> { };

    private RegistryFixture(Starter starter) {
        this.starter = starter;
    }

    /**
     * A node on the schemas topic of an in-process broker (or the outside cluster of the
     * environment), with a topic and group of its own.
     */
    static RegistryFixture kafka() {
        FerryCluster[] cluster = new FerryCluster[1];
        RegistryFixture fixture = new RegistryFixture(dir -> {
            cluster[0] = FerryCluster.builder().start();
            String suffix = UUID.randomUUID().toString().substring(0, 8);
            RegistryServerConfig.KafkaBackend backend = new RegistryServerConfig.KafkaBackend(cluster[0].clientConfig(),
                    "_schemas-" + suffix, "registry-" + suffix, (short) 1, true, Duration.ofSeconds(3), Duration.ofSeconds(1),
                    Duration.ofSeconds(60));
            return RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir).withBackend(backend), "test");
        });
        fixture.onClose = () -> {
            if (cluster[0] != null) {
                cluster[0].close();
            }
        };
        return fixture;
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
        onClose.run();
    }

    RegistryHttp api() {
        return api;
    }

    RegistryServer server() {
        return server;
    }
}
