package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The REST API of a real standalone worker, over HTTP, as curl or a Connect client drives it: Apache
 * Kafka Connect's paths, shapes and status codes, with real connectors behind them.
 */
class ConnectRestIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private final List<AutoCloseable> workers = new java.util.ArrayList<>();
    protected ConnectHttp http;
    private String topic;

    @BeforeEach
    void startWorker() {
        FerryCluster cluster = KAFKA.cluster();
        topic = cluster.uniqueTopicName("rest");
        cluster.createTopic(topic, 1);
        http = new ConnectHttp(startWorkers(cluster, dir, workers));
    }

    /**
     * Starts the workers the requests go to, adding each to {@code started} (closed after the test).
     *
     * @return the URL of the worker the requests are sent to
     */
    protected java.net.URI startWorkers(FerryCluster cluster, Path folder, List<AutoCloseable> started) {
        StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, folder));
        started.add(connect);
        return connect.restUrl();
    }

    /** The ids the workers show in statuses. */
    protected List<String> workerIds() {
        return List.of(http.base().getHost() + ":" + http.base().getPort());
    }

    @AfterEach
    void stopWorker() throws Exception {
        for (int i = workers.size() - 1; i >= 0; i--) {
            workers.get(i).close();
        }
    }

    private Map<String, String> sourceConfig(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("connector.class", "SequenceSource");
        config.put("tasks.max", "1");
        config.put("topic", topic);
        config.put("records.per.partition", "50");
        config.put("secret", "s3cr3t");
        return config;
    }

    private Reply create(String name, Map<String, String> config) {
        return http.post("/connectors", ConnectHttp.json(Map.of("name", name, "config", config)));
    }

    private void awaitRunning(String name) {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = http.get("/connectors/" + name + "/status").json();
            assertThat(status.path("connector").path("state").asText()).as("%s", status).isEqualTo("RUNNING");
            assertThat(status.path("tasks")).as("%s", status).hasSize(1);
            assertThat(status.path("tasks").get(0).path("state").asText()).as("%s", status).isEqualTo("RUNNING");
        });
    }

    @Test
    void shouldServeTheConnectorLifecycleWithApachesShapesAndCodes() {
        Reply root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().path("kafka_cluster_id").asText()).isNotBlank();
        assertThat(http.get("/health").json().path("status").asText()).isEqualTo("healthy");

        Reply created = create("seq", sourceConfig("seq"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/connectors/seq"));
        assertThat(created.json().path("name").asText()).isEqualTo("seq");
        assertThat(created.json().path("type").asText()).isEqualTo("source");
        assertThat(created.json().path("config").path("secret").asText()).isEqualTo("[hidden]");
        awaitRunning("seq");

        assertThat(create("seq", sourceConfig("seq")).status()).isEqualTo(409);
        assertThat(http.get("/connectors").json()).extracting(JsonNode::asText).containsExactly("seq");
        assertThat(http.get("/connectors?expand=status&expand=info").json().path("seq").path("info").path("tasks").get(0)
                .path("task").asInt()).isZero();
        assertThat(http.get("/connectors/seq/config").json().path("secret").asText()).isEqualTo("[hidden]");
        assertThat(http.get("/connectors/seq/tasks").json().get(0).path("id").path("connector").asText()).isEqualTo("seq");
        assertThat(http.get("/connectors/seq/tasks/0/status").json().path("state").asText()).isEqualTo("RUNNING");
        assertThat(http.get("/connectors/seq/tasks/0/status").json().path("worker_id").asText()).isIn(workerIds());
        // As Apache's statuses: the version the running plugin reports, for the connector and each task.
        JsonNode status = http.get("/connectors/seq/status").json();
        assertThat(status.path("connector").path("version").asText()).isEqualTo("1.0-test");
        assertThat(status.path("tasks").get(0).path("version").asText()).isEqualTo("1.0-test");
        await().atMost(WAIT).until(() -> http.get("/connectors/seq/topics").json().path("seq").path("topics").size() == 1);
        assertThat(http.put("/connectors/seq/topics/reset", null).status()).isEqualTo(202);

        Map<String, String> updated = sourceConfig("seq");
        updated.put("secret", "[hidden]");
        updated.put("records.per.partition", "60");
        Reply replaced = http.put("/connectors/seq/config", ConnectHttp.json(updated));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().path("config").path("records.per.partition").asText()).isEqualTo("60");
        Reply patched = http.patch("/connectors/seq/config", "{\"batch.size\": \"10\"}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().path("config").path("batch.size").asText()).isEqualTo("10");
        assertThat(patched.json().path("config").path("secret").asText()).isEqualTo("[hidden]");

        assertThat(http.put("/connectors/seq/pause", null).status()).isEqualTo(202);
        await().atMost(WAIT).until(() -> http.get("/connectors/seq/status").json().path("connector").path("state").asText()
                .equals("PAUSED"));
        assertThat(http.put("/connectors/seq/resume", null).status()).isEqualTo(202);
        awaitRunning("seq");
        assertThat(http.post("/connectors/seq/restart", null).status()).isEqualTo(204);
        Reply restartAll = http.post("/connectors/seq/restart?includeTasks=true&onlyFailed=false", null);
        assertThat(restartAll.status()).isEqualTo(202);
        assertThat(restartAll.json().path("tasks").get(0).path("state").asText()).isEqualTo("RESTARTING");
        awaitRunning("seq");
        assertThat(http.post("/connectors/seq/tasks/0/restart", null).status()).isEqualTo(204);

        assertThat(http.delete("/connectors/seq").status()).isEqualTo(204);
        Reply gone = http.get("/connectors/seq");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo(404);
        assertThat(gone.message()).isEqualTo("Connector seq not found");
    }

    @Test
    void shouldChangeOffsetsOnlyOfAStoppedConnector() {
        create("offsets", sourceConfig("offsets"));
        awaitRunning("offsets");
        String change = "{\"offsets\": [{\"partition\": {\"p\": 0}, \"offset\": {\"n\": 9}}]}";

        Reply refused = http.patch("/connectors/offsets/offsets", change);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.message()).startsWith("Connectors must be in the STOPPED state before their offsets can be modified");

        assertThat(http.put("/connectors/offsets/stop", null).status()).isEqualTo(204);
        await().atMost(WAIT).until(() -> http.get("/connectors/offsets/offsets").json().path("offsets").size() == 1);
        JsonNode offsets = http.get("/connectors/offsets/offsets").json().path("offsets");
        assertThat(offsets.get(0).path("partition").path("p").asInt()).isZero();
        assertThat(offsets.get(0).path("offset").path("n").asInt()).isEqualTo(49);

        Reply altered = http.patch("/connectors/offsets/offsets", change);
        assertThat(altered.status()).isEqualTo(200);
        assertThat(altered.json().path("message").asText()).contains("have been altered successfully");
        assertThat(http.get("/connectors/offsets/offsets").json().path("offsets").get(0).path("offset").path("n").asInt())
                .isEqualTo(9);
        Reply reset = http.delete("/connectors/offsets/offsets");
        assertThat(reset.status()).isEqualTo(200);
        assertThat(http.get("/connectors/offsets/offsets").json().path("offsets")).isEmpty();
    }

    @Test
    void shouldAnswerBadInputWithApachesStatusAndErrorBody() throws Exception {
        Reply unknownClass = create("ghost", Map.of("connector.class", "com.example.NoSuchConnector", "topic", topic));
        assertThat(unknownClass.status()).isEqualTo(400);
        assertThat(unknownClass.errorCode()).isEqualTo(400);
        assertThat(unknownClass.message()).contains("Failed to find any class that implements Connector and which name matches "
                + "com.example.NoSuchConnector");

        Reply invalid = http.put("/connector-plugins/SequenceSource/config/validate",
                ConnectHttp.json(Map.of("connector.class", "SequenceSource", "tasks.max", "zero")));
        assertThat(invalid.status()).isEqualTo(200);
        assertThat(invalid.json().path("error_count").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(errorsOf(invalid.json(), "tasks.max")).isNotEmpty();
        assertThat(errorsOf(invalid.json(), "topic")).isNotEmpty();

        Reply badConfig = create("bad", Map.of("connector.class", "SequenceSource", "tasks.max", "zero", "topic", topic));
        assertThat(badConfig.status()).isEqualTo(400);
        assertThat(badConfig.message()).startsWith("Connector configuration is invalid and contains the following");

        Reply malformed = http.post("/connectors", "{\"name\": \"broken\", \"config\": {");
        assertThat(malformed.status()).isEqualTo(500);
        assertThat(malformed.errorCode()).isEqualTo(malformed.status());

        assertThat(http.get("/connectors/ghost/status").status()).isEqualTo(404);
        assertThat(http.get("/connectors/ghost/tasks/0/status").status()).isEqualTo(404);
        assertThat(http.put("/connectors/ghost/pause", null).status()).isEqualTo(404);
        assertThat(http.get("/no/such/path").errorCode()).isEqualTo(404);
        assertThat(http.get("/connectors").status()).isEqualTo(200);
    }

    private static List<String> errorsOf(JsonNode validation, String key) {
        for (JsonNode config : validation.path("configs")) {
            if (config.path("value").path("name").asText().equals(key)) {
                return toList(config.path("value").path("errors"));
            }
        }
        return List.of();
    }

    private static List<String> toList(JsonNode array) {
        java.util.ArrayList<String> list = new java.util.ArrayList<>();
        array.forEach(node -> list.add(node.asText()));
        return list;
    }

    @Test
    void shouldListPluginsAndShowLoggersAndMetrics() {
        JsonNode plugins = http.get("/connector-plugins").json();
        assertThat(plugins.findValuesAsText("class")).contains("io.ferry.connect.testplugins.SequenceSourceConnector",
                "org.apache.kafka.connect.file.FileStreamSinkConnector");
        assertThat(http.get("/connector-plugins/SequenceSource/config").json().findValuesAsText("name")).contains("topic");
        assertThat(http.get("/admin/loggers").json().has("root")).isTrue();
        assertThat(http.put("/admin/loggers/io.ferry.connect.worker", "{\"level\": \"DEBUG\"}").status()).isEqualTo(200);
        assertThat(http.get("/admin/loggers/io.ferry.connect.worker").json().path("level").asText()).isEqualTo("DEBUG");
        http.put("/admin/loggers/io.ferry.connect.worker", "{\"level\": \"INFO\"}");

        create("metered", sourceConfig("metered"));
        awaitRunning("metered");
        await().atMost(WAIT).untilAsserted(() -> assertThat(http.get("/metrics").body())
                .contains("kafka_connect_source_task_metrics_source_record_poll_total")
                .contains("connector=\"metered\""));
    }
}
