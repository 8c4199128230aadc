package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.PackagedCopies.ODD_KINDS_JAR;
import static io.ferry.connect.plugins.PackagedCopies.TAG_SHAPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.server.DistributedConnect;
import io.ferry.connect.server.WorkerFixture;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user copies a jar into a connector's plugin folder that packages, under the name of a header converter and SMT the
 * connector's config names ({@code TagShape}, installed as such in {@code tags/}), a class of another kind (only a
 * Converter), and restarts the worker. As with Apache Kafka Connect 4.x, the connector and its task fail saying which
 * class is not of which kind, validation reports it on the key, and a new connector with that config is refused — no
 * other installed copy of that name runs instead.
 */
class PackagedCopyOfAnotherKindIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    static Path root;

    @Test
    void shouldFailTheTaskAndReportOnTheKeyAClassPackagedWithTheConnectorOfAnotherKind(FerryCluster cluster) throws IOException {
        Path before = PackagedCopies.write(root.resolve("before"));
        Files.delete(before.resolve(ODD_KINDS_JAR));
        Path after = PackagedCopies.write(root.resolve("after"));
        String group = cluster.uniqueTopicName("odd-kinds");
        Map<String, String> header = PackagedCopies.sourceConfig("odd-header", "AlphaSource", cluster.uniqueTopicName("odd-header"));
        header.put("header.converter", TAG_SHAPE);
        Map<String, String> smt = PackagedCopies.sourceConfig("odd-smt", "AlphaSource", cluster.uniqueTopicName("odd-smt"));
        smt.put("transforms", "odd");
        smt.put("transforms.odd.type", TAG_SHAPE);

        try (DistributedConnect first = DistributedConnect.start(withPluginPath(group, "w1", before, cluster), "test")) {
            ConnectHttp http = new ConnectHttp(first.restUrl());
            for (Map<String, String> config : List.of(header, smt)) {
                await().atMost(WAIT).until(() -> http.post("/connectors",
                        ConnectHttp.json(Map.of("name", config.get("name"), "config", config))).status() == 201);
                await().atMost(WAIT).until(() -> taskState(http, config.get("name")).equals("RUNNING"));
            }
        }

        try (DistributedConnect second = DistributedConnect.start(withPluginPath(group, "w2", after, cluster), "test")) {
            ConnectHttp http = new ConnectHttp(second.restUrl());
            String headerError = "Class class " + TAG_SHAPE + " does not implement the HeaderConverter interface";
            String smtError = "Class class " + TAG_SHAPE + " does not implement the Transformation interface";

            await().atMost(WAIT).untilAsserted(() -> {
                assertThat(taskState(http, "odd-header")).isEqualTo("FAILED");
                assertThat(taskState(http, "odd-smt")).isEqualTo("FAILED");
                assertThat(connector(http, "odd-header").path("state").asText()).isEqualTo("FAILED");
                assertThat(connector(http, "odd-smt").path("state").asText()).isEqualTo("FAILED");
            });
            assertThat(connector(http, "odd-header").path("trace").asText()).contains("header.converter", headerError, "alpha");
            assertThat(connector(http, "odd-smt").path("trace").asText()).contains("transforms.odd.type", smtError, "alpha");
            assertThat(trace(http, "odd-header")).contains("header.converter", headerError, "alpha");
            assertThat(trace(http, "odd-smt")).contains(smtError, "alpha");

            assertThat(errors(http, header)).singleElement().asString().startsWith("header.converter: " + headerError);
            assertThat(errors(http, smt)).singleElement().asString().startsWith("transforms.odd.type: " + smtError);

            Map<String, String> another = new HashMap<>(header);
            another.put("name", "odd-header-again");
            Reply refused = http.post("/connectors", ConnectHttp.json(Map.of("name", "odd-header-again", "config", another)));
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("message").asText()).contains(headerError);
        }
    }

    private static Map<String, String> withPluginPath(String group, String worker, Path pluginPath, FerryCluster cluster) {
        Map<String, String> settings = WorkerFixture.distributedSettings(cluster, group, worker);
        settings.put("plugin.path", pluginPath.toString());
        settings.put("plugin.discovery", "service_load");
        return settings;
    }

    private static String taskState(ConnectHttp http, String name) {
        Reply status = http.get("/connectors/" + name + "/status");
        return status.status() == 200 ? status.json().path("tasks").path(0).path("state").asText() : "";
    }

    private static JsonNode connector(ConnectHttp http, String name) {
        return http.get("/connectors/" + name + "/status").json().path("connector");
    }

    private static String trace(ConnectHttp http, String name) {
        return http.get("/connectors/" + name + "/status").json().path("tasks").path(0).path("trace").asText();
    }

    /** The validation errors of a config, each as "key: message". */
    private static List<String> errors(ConnectHttp http, Map<String, String> config) {
        Reply reply = http.put("/connector-plugins/AlphaSource/config/validate", ConnectHttp.json(config));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        List<String> errors = new ArrayList<>();
        for (JsonNode value : reply.json().path("configs")) {
            for (JsonNode error : value.path("value").path("errors")) {
                errors.add(value.path("value").path("name").asText() + ": " + error.asText());
            }
        }
        return errors;
    }
}
