package io.ferry.cli.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.ferry.cli.FerryProcess;
import io.ferry.kafka.embedded.LocalPorts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ferry registry} as a real process on its local log. */
class FerryRegistryCommandIT {
    private static final Duration READY = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path temp;

    private HttpResponse<String> post(String url, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldServeStopOnSignalAndKeepSchemasAcrossARestart() throws Exception {
        int port = LocalPorts.pickFree("127.0.0.1");
        String url = "http://127.0.0.1:" + port;
        Path dataDir = temp.resolve("registry");
        try (FerryProcess registry = FerryProcess.start("registry", "--listen", "127.0.0.1:" + port, "--data-dir", dataDir.toString())) {
            assertThat(registry.awaitLine("Schema registry ready at", READY)).isEqualTo("Schema registry ready at " + url);
            HttpResponse<String> registered = post(url + "/subjects/orders-value/versions", "{\"schema\":\"\\\"string\\\"\"}");
            assertThat(registered.statusCode()).isEqualTo(200);
            assertThat(registered.body()).startsWith("{\"id\":1,\"version\":1");
            registry.signal("TERM");
            assertThat(registry.awaitExit(Duration.ofSeconds(30))).isZero();
            assertThat(registry.stdout()).containsExactly("Schema registry ready at " + url);
            assertThat(registry.stderr()).isEmpty();
        }
        try (FerryProcess registry = FerryProcess.start("registry", "--listen", "127.0.0.1:" + port, "--data-dir", dataDir.toString())) {
            registry.awaitLine("Schema registry ready at", READY);
            assertThat(get(url + "/schemas/ids/1").body()).startsWith("{\"schema\":\"\\\"string\\\"\"");
            registry.signal("INT");
            assertThat(registry.awaitExit(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void shouldReadConfluentsPropertyNamesFromAConfigFile() throws Exception {
        int port = LocalPorts.pickFree("127.0.0.1");
        Path config = Files.writeString(temp.resolve("schema-registry.properties"),
                "listeners=http://127.0.0.1:" + port + "\nschema.compatibility.level=full\n");
        try (FerryProcess registry = FerryProcess.start("registry", "--config", config.toString(), "--data-dir", temp.resolve("r").toString())) {
            assertThat(registry.awaitLine("Schema registry ready at", READY)).isEqualTo("Schema registry ready at http://127.0.0.1:" + port);
            assertThat(get("http://127.0.0.1:" + port + "/config").body()).isEqualTo("{\"compatibilityLevel\":\"FULL\"}");
        }
    }

    @Test
    void shouldRefuseAPortInUseWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            String address = "127.0.0.1:" + taken.getLocalPort();
            FerryProcess registry = FerryProcess.run("registry", "--listen", address, "--data-dir", temp.resolve("r").toString());
            assertThat(registry.exitCode()).isEqualTo(1);
            assertThat(registry.stderr()).containsExactly("ferry registry: cannot listen on " + address
                    + " for the schema registry: the port is already in use");
        }
    }

    @Test
    void shouldRefuseAMissingConfigFileAndABadLevelWithOneLine() throws Exception {
        Path missing = temp.resolve("missing.properties");
        FerryProcess noFile = FerryProcess.run("registry", "--config", missing.toString(), "--data-dir", temp.resolve("r").toString());
        assertThat(noFile.exitCode()).isEqualTo(1);
        assertThat(noFile.stderr()).containsExactly("ferry registry: cannot read " + missing + ": no such file");

        Path bad = Files.writeString(temp.resolve("bad.properties"), "schema.compatibility.level=sideways\n");
        FerryProcess badLevel = FerryProcess.run("registry", "--config", bad.toString(), "--listen", "127.0.0.1:0",
                "--data-dir", temp.resolve("r").toString());
        assertThat(badLevel.exitCode()).isEqualTo(1);
        assertThat(badLevel.stderr()).hasSize(1);
        assertThat(badLevel.stderr().get(0)).startsWith("ferry registry: schema.compatibility.level=sideways is not one of");
    }

    @Test
    void shouldRefuseAnotherProcessOnTheSameLogWithOneLine() throws Exception {
        Path dataDir = temp.resolve("shared");
        try (FerryProcess first = FerryProcess.start("registry", "--listen", "127.0.0.1:0", "--data-dir", dataDir.toString())) {
            first.awaitLine("Schema registry ready at", READY);
            FerryProcess second = FerryProcess.run("registry", "--listen", "127.0.0.1:0", "--data-dir", dataDir.toString());
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.stderr()).containsExactly("ferry registry: the registry log " + dataDir.resolve("schemas.log")
                    + " is in use by another process");
        }
    }
}
