package io.ferry.cli.connect;

import java.nio.file.Path;
import java.util.List;

import io.ferry.cli.FerryProcess;

/**
 * Debezium's PostgreSQL connector installed as its users install it: the plugin archive Debezium publishes on
 * Maven Central, unpacked by {@code compat/debezium/pom.xml} into {@code compat/target/debezium/plugins}, a
 * {@code plugin.path} with one location, {@code debezium-connector-postgres/}. Debezium is never on Ferry's
 * classpath, nor a dependency of the product.
 */
final class DebeziumPostgresPlugin {
    static final String VERSION = "3.6.1.Final";
    static final String CONNECTOR_CLASS = "io.debezium.connector.postgresql.PostgresConnector";

    private DebeziumPostgresPlugin() {
    }

    /** The plugin.path folder, unpacked from Maven Central's archive first when it is not there. */
    static Path pluginPath() throws Exception {
        Path plugins = FerryProcess.home().resolve("compat/target/debezium/plugins");
        MavenFetch.run("compat/debezium/pom.xml", List.of("dependency:unpack"),
                plugins.resolve("debezium-connector-postgres/debezium-connector-postgres-" + VERSION + ".jar"));
        return plugins;
    }
}
