package io.ferry.cli.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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
    private static final Duration FETCH_TIMEOUT = Duration.ofMinutes(5);

    private DebeziumPostgresPlugin() {
    }

    /** The plugin.path folder, unpacked from Maven Central's archive first when it is not there. */
    static Path pluginPath() throws Exception {
        Path home = FerryProcess.home();
        Path plugins = home.resolve("compat/target/debezium/plugins");
        Path connectorJar = plugins.resolve("debezium-connector-postgres/debezium-connector-postgres-" + VERSION + ".jar");
        if (Files.exists(connectorJar)) {
            return plugins;
        }
        Path output = Files.createTempFile("debezium-fetch", ".log");
        Process fetch = new ProcessBuilder(home.resolve("mvnw").toString(), "-B", "-q", "-f", "compat/debezium/pom.xml",
                "dependency:unpack")
                .directory(home.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        boolean ended = fetch.waitFor(FETCH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        if (!ended) {
            fetch.destroyForcibly();
        }
        if (!ended || fetch.exitValue() != 0 || !Files.exists(connectorJar)) {
            throw new AssertionError("Debezium's PostgreSQL connector " + VERSION + " could not be fetched from Maven Central into "
                    + plugins + " with ./mvnw -f compat/debezium/pom.xml dependency:unpack ("
                    + (ended ? "exit code " + fetch.exitValue() : "no answer within " + FETCH_TIMEOUT) + "):\n"
                    + Files.readString(output));
        }
        return plugins;
    }
}
