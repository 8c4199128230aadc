package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.PackagedCopies.RECORDS;
import static io.ferry.connect.plugins.PackagedCopies.TAG_CONVERTER;
import static io.ferry.connect.plugins.PackagedCopies.TAG_PREDICATE;
import static io.ferry.connect.plugins.PackagedCopies.TAG_SMT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.management.ObjectName;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.errors.RawRecords;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connect.server.WorkerFixture;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two connectors on one worker, whose config names the same converter, SMT and predicate without a version
 * ({@link PackagedCopies}): the one whose folder packages its own copies (1.0) runs with them, the other with the
 * latest copies (2.0) installed in a folder of their own — and a pinned version overrides the packaged copy. The
 * records, the statuses, the task metrics, the plugin list and validation all tell which copy runs.
 */
class PackagedCopiesIT {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    static Path root;

    static StandaloneConnect connect;
    static ConnectHttp http;

    @BeforeAll
    static void startWorker() throws IOException {
        Map<String, String> settings = WorkerFixture.workerSettings(KAFKA.cluster(), root);
        settings.put("plugin.path", PackagedCopies.write(root.resolve("plugins")).toString());
        settings.put("plugin.discovery", "service_load");
        connect = StandaloneConnect.start(settings, List.of(), "test");
        http = new ConnectHttp(connect.restUrl());
    }

    @AfterAll
    static void stopWorker() {
        if (connect != null) {
            connect.close();
        }
    }

    @Test
    void shouldRunEachConnectorWithTheCopiesPackagedWithItElseTheLatest(FerryCluster cluster) throws Exception {
        Map<String, String> alpha = tagged("packaged-alpha", "AlphaSource", cluster.uniqueTopicName("alpha"));
        Map<String, String> beta = tagged("packaged-beta", "BetaSource", cluster.uniqueTopicName("beta"));
        Map<String, String> pinned = tagged("packaged-alpha-pinned", "AlphaSource", cluster.uniqueTopicName("alpha-pinned"));
        pinned.put("value.converter.plugin.version", "2.0");
        pinned.put("transforms.tag.plugin.version", "2.0");
        List<Map<String, String>> connectors = List.of(alpha, beta, pinned);
        try {
            for (Map<String, String> config : connectors) {
                cluster.createTopic(config.get("topic"), 1);
                assertThat(http.post("/connectors", ConnectHttp.json(Map.of("name", config.get("name"), "config", config))).status())
                        .isEqualTo(201);
            }

            assertThat(values(cluster, alpha)).containsExactly("alpha|smt-1.0|conv-1.0");
            assertThat(values(cluster, beta)).containsExactly("beta|smt-2.0|conv-2.0");
            assertThat(values(cluster, pinned)).containsExactly("alpha|smt-2.0|conv-2.0");

            assertTaskRunsVersions("packaged-alpha", "1.0", "1.0", "1.0");
            assertTaskRunsVersions("packaged-beta", "2.0", "2.0", "2.0");
            assertTaskRunsVersions("packaged-alpha-pinned", "2.0", "2.0", "1.0");
        } finally {
            connectors.forEach(config -> http.delete("/connectors/" + config.get("name")));
        }
    }

    @Test
    void shouldListEveryCopyAndValidateWithTheVersionThatWouldRun() {
        List<String> listed = new ArrayList<>();
        http.get("/connector-plugins?connectorsOnly=false").json().forEach(plugin -> {
            if (Set.of(TAG_CONVERTER, TAG_SMT, TAG_PREDICATE).contains(plugin.path("class").asText())) {
                listed.add(plugin.path("type").asText() + " " + plugin.path("version").asText());
            }
        });
        assertThat(listed).containsExactlyInAnyOrder("converter 1.0", "converter 2.0", "transformation 1.0", "transformation 2.0",
                "predicate 1.0", "predicate 2.0");

        JsonNode alpha = validate("AlphaSource", tagged("v-alpha", "AlphaSource", "t"));
        JsonNode beta = validate("BetaSource", tagged("v-beta", "BetaSource", "t"));

        for (String key : List.of("value.converter.plugin.version", "transforms.tag.plugin.version", "predicates.all.plugin.version")) {
            assertThat(value(alpha, key).path("value").asText()).as("alpha's " + key).isEqualTo("1.0");
            assertThat(value(beta, key).path("value").asText()).as("beta's " + key).isEqualTo("2.0");
        }
        assertThat(alpha.path("error_count").asInt()).as(alpha.toString()).isZero();
    }

    /** The connector's status and its task's metrics show the versions of the copies it runs. */
    private static void assertTaskRunsVersions(String name, String converter, String smt, String predicate) throws Exception {
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = http.get("/connectors/" + name + "/status").json();
            assertThat(status.path("connector").path("version").asText()).isEqualTo("1.0");
            assertThat(status.path("tasks").path(0).path("state").asText()).isEqualTo("RUNNING");
        });
        var server = ManagementFactory.getPlatformMBeanServer();
        String tags = ",connector=" + name + ",task=0";
        assertThat(server.getAttribute(new ObjectName("kafka.connect:type=connector-task-metrics" + tags), "value-converter-version"))
                .as(name + "'s value converter").isEqualTo(converter);
        assertThat(server.getAttribute(new ObjectName("kafka.connect:type=connector-transform-metrics" + tags + ",transform=tag"),
                "transform-version")).as(name + "'s SMT").isEqualTo(smt);
        assertThat(server.getAttribute(new ObjectName("kafka.connect:type=connector-predicate-metrics" + tags + ",predicate=all"),
                "predicate-version")).as(name + "'s predicate").isEqualTo(predicate);
        // The config names the predicate by its alias; the metric names its class, as for transformations.
        assertThat(server.getAttribute(new ObjectName("kafka.connect:type=connector-predicate-metrics" + tags + ",predicate=all"),
                "predicate-class")).as(name + "'s predicate class").isEqualTo(TAG_PREDICATE);
    }

    /** A connector whose values go through TagSmt (when TagMatch matches, which it always does) and TagConverter. */
    private static Map<String, String> tagged(String name, String connectorClass, String topic) {
        Map<String, String> config = PackagedCopies.sourceConfig(name, connectorClass, topic);
        config.put("value.converter", TAG_CONVERTER);
        config.put("transforms", "tag");
        config.put("transforms.tag.type", TAG_SMT);
        config.put("transforms.tag.predicate", "all");
        config.put("predicates", "all");
        config.put("predicates.all.type", TAG_PREDICATE.substring(TAG_PREDICATE.lastIndexOf('.') + 1));
        return config;
    }

    private static Set<String> values(FerryCluster cluster, Map<String, String> config) {
        String topic = config.get("topic");
        await().atMost(WAIT).until(() -> cluster.recordCount(topic) >= RECORDS);
        Set<String> values = new TreeSet<>();
        RawRecords.read(cluster, topic, RECORDS).forEach(record -> values.add(new String(record.value(), StandardCharsets.UTF_8)));
        return values;
    }

    private static JsonNode validate(String plugin, Map<String, String> config) {
        ConnectHttp.Reply reply = http.put("/connector-plugins/" + plugin + "/config/validate", ConnectHttp.json(config));
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static JsonNode value(JsonNode validated, String key) {
        for (JsonNode config : validated.path("configs")) {
            if (config.path("value").path("name").asText().equals(key)) {
                return config.path("value");
            }
        }
        throw new AssertionError("No value for " + key + " in " + validated);
    }
}
