package io.ferry.cli.connectors;

import static io.ferry.cli.FerryRun.ferry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryRun;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferry connectors} against a real standalone Ferry worker, with Apache's FileStream connectors. */
class ConnectorsCommandIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCreateListShowControlAndDeleteAConnector(FerryCluster cluster) throws Exception {
        Path input = Files.write(dir.resolve("in.txt"), List.of("one", "two", "three"));
        Path file = Files.writeString(dir.resolve("source.properties"), "name=lines\nconnector.class=FileStreamSource\nfile="
                + input + "\ntopic=" + cluster.uniqueTopicName("lines") + "\n");
        try (StandaloneConnect connect = worker(cluster)) {
            String url = connect.restUrl().toString();
            assertThat(ferry("connectors", "--url", url, "create", "-f", file.toString()).lines()).containsExactly("created lines");
            awaitState(url, "lines", "RUNNING");

            FerryRun list = ferry("connectors", "--url", url, "list");
            assertThat(list.exitCode()).isZero();
            assertThat(list.lines().get(0)).startsWith("NAME   TYPE    STATE    TASKS      WORKER");
            assertThat(list.lines().get(1)).startsWith("lines  source  RUNNING  0:RUNNING  ");
            assertThat(ferry("connectors", "--url", url, "status", "lines").lines()).hasSize(3)
                    .anySatisfy(line -> assertThat(line).startsWith("lines  task 0     RUNNING"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(ferry("connectors", "--url", url, "offsets", "lines").lines())
                    .containsExactly("PARTITION" + " ".repeat(input.toString().length() + 8) + "OFFSET",
                            "{\"filename\":\"" + input + "\"}  {\"position\":14}"));
            JsonNode offsets = JSON.readTree(ferry("connectors", "--url", url, "--output", "json", "offsets", "lines").out());
            assertThat(offsets.path("offsets").get(0).path("offset").path("position").asLong()).isEqualTo(14);

            assertThat(ferry("connectors", "--url", url, "pause", "lines").lines()).containsExactly("paused lines");
            awaitState(url, "lines", "PAUSED");
            assertThat(ferry("connectors", "--url", url, "stop", "lines").lines()).containsExactly("stopped lines");
            awaitState(url, "lines", "STOPPED");
            assertThat(ferry("connectors", "--url", url, "resume", "lines").lines()).containsExactly("resumed lines");
            awaitState(url, "lines", "RUNNING");
            FerryRun restart = ferry("connectors", "--url", url, "restart", "lines", "--include-tasks", "--only-failed");
            assertThat(restart.lines()).as(restart.toString()).containsExactly("restarted lines");
            assertThat(ferry("connectors", "--url", url, "restart", "lines").exitCode()).isZero();

            assertThat(ferry("connectors", "--url", url, "delete", "lines").lines()).containsExactly("deleted lines");
            FerryRun gone = ferry("connectors", "--url", url, "status", "lines");
            assertThat(gone.exitCode()).as(gone.toString()).isEqualTo(1);
            assertThat(gone.err().lines()).containsExactly("ferry connectors status: No status found for connector lines (error_code 404)");
        }
    }

    @Test
    void shouldApplyPipelineFilesIdempotently(FerryCluster cluster) throws Exception {
        Path pipeline = pipeline(cluster, "1");
        try (StandaloneConnect connect = worker(cluster)) {
            String url = connect.restUrl().toString();
            FerryRun first = ferry("connectors", "--url", url, "apply", "-f", pipeline.toString());
            assertThat(first.lines()).as(first.toString()).containsExactly("NAME     ACTION", "reader   created", "reader2  created");
            awaitState(url, "reader", "RUNNING");
            awaitState(url, "reader2", "RUNNING");
            JsonNode before = JSON.readTree(ferry("connectors", "--url", url, "--output", "json", "list").out());
            JsonNode configBefore = get(url.replaceAll("/$", "") + "/connectors/reader/config");

            FerryRun second = ferry("connectors", "--url", url, "apply", "-f", dir.toString());
            assertThat(second.lines()).as(second.toString()).containsExactly("NAME     ACTION", "reader   unchanged", "reader2  unchanged");
            JsonNode after = JSON.readTree(ferry("connectors", "--url", url, "--output", "json", "list").out());
            assertThat(after).isEqualTo(before);
            assertThat(get(url.replaceAll("/$", "") + "/connectors/reader/config")).isEqualTo(configBefore);
            assertThat(configBefore.path("tasks.max").asText()).isEqualTo("1");

            pipeline(cluster, "2");
            JsonNode changed = JSON.readTree(ferry("connectors", "--url", url, "--output", "json", "apply", "-f", pipeline.toString()).out());
            assertThat(changed).isEqualTo(JSON.readTree("[{\"name\": \"reader\", \"action\": \"updated\"}, "
                    + "{\"name\": \"reader2\", \"action\": \"unchanged\"}]"));
        }
    }

    @Test
    void shouldRefuseBadFilesNamingFileAndLineAndChangeNothing(FerryCluster cluster) throws Exception {
        Path unknownKey = Files.writeString(dir.resolve("pipeline.yaml"), "connectors:\n  - name: a\n    config: {file: x}\n    state: PAUSED\n");
        Path broken = Files.writeString(dir.resolve("broken.yaml"), "name: a\nconfig:\n  file: [x\n");
        try (StandaloneConnect connect = worker(cluster)) {
            String url = connect.restUrl().toString();
            FerryRun unknown = ferry("connectors", "--url", url, "apply", "-f", unknownKey.toString());
            assertThat(unknown.exitCode()).isEqualTo(2);
            assertThat(unknown.err().lines()).containsExactly("ferry connectors apply: " + unknownKey
                    + ":4: unknown key 'state' (allowed: name, config)");
            FerryRun syntax = ferry("connectors", "--url", url, "apply", "-f", broken.toString());
            assertThat(syntax.exitCode()).isEqualTo(2);
            assertThat(syntax.err().lines()).singleElement().asString().startsWith("ferry connectors apply: " + broken + ":");
            FerryRun missing = ferry("connectors", "--url", url, "create", "-f", dir.resolve("none.json").toString());
            assertThat(missing.exitCode()).isEqualTo(2);
            assertThat(missing.err().lines()).containsExactly("ferry connectors create: " + dir.resolve("none.json") + ": no such file");
            assertThat(ferry("connectors", "--url", url, "list", "--colour").exitCode()).isEqualTo(2);
            assertThat(ferry("connectors", "--url", url, "--output", "json", "list").out().strip()).isEqualTo("{ }");

            Path file = Files.writeString(dir.resolve("c.json"), "{\"name\": \"c\", \"config\": {\"connector.class\": \"FileStreamSource\", "
                    + "\"topic\": \"t\", \"file\": \"" + dir.resolve("in") + "\"}}");
            assertThat(ferry("connectors", "--url", url, "create", "-f", file.toString()).exitCode()).isZero();
            FerryRun taken = ferry("connectors", "--url", url, "create", "-f", file.toString());
            assertThat(taken.exitCode()).isEqualTo(3);
            assertThat(taken.err().lines()).singleElement().asString().startsWith("ferry connectors create: ").endsWith("(error_code 409)");
        }
        FerryRun down = ferry("connectors", "--url", "http://127.0.0.1:1", "list");
        assertThat(down.exitCode()).isEqualTo(3);
        assertThat(down.err().lines()).containsExactly("ferry connectors list: cannot reach http://127.0.0.1:1: connection refused");
    }

    private Path pipeline(FerryCluster cluster, String tasks) throws Exception {
        return Files.writeString(dir.resolve("pipeline.yaml"), """
                connectors:
                  - name: reader
                    config:
                      connector.class: FileStreamSource
                      tasks.max: %s
                      file: %s
                      topic: %s
                ---
                name: reader2
                config:
                  connector.class: FileStreamSource
                  file: %s
                  topic: %s
                """.formatted(tasks, dir.resolve("a.txt"), "apply-a", dir.resolve("b.txt"), "apply-b"));
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static void awaitState(String url, String name, String state) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = JSON.readTree(ferry("connectors", "--url", url, "--output", "json", "status", name).out());
            assertThat(status.path("connector").path("state").asText()).isEqualTo(state);
        });
    }

    private StandaloneConnect worker(FerryCluster cluster) {
        return StandaloneConnect.start(Map.of(
                "bootstrap.servers", cluster.bootstrapServers(),
                "key.converter", "org.apache.kafka.connect.storage.StringConverter",
                "value.converter", "org.apache.kafka.connect.storage.StringConverter",
                "offset.storage.file.filename", dir.resolve("offsets").toString(),
                "offset.flush.interval.ms", "200",
                "listeners", "http://127.0.0.1:0"), List.of(), "test");
    }
}
