package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.TestCertificates;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A distributed cluster of two workers serving only https, each asking its clients for a
 * certificate: a request sent to the worker that does not lead reaches the leader over TLS, with
 * the worker's own certificate, and task configs of connectors the follower runs do too.
 */
class DistributedHttpsIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static final TestCertificates CERTIFICATES = TestCertificates.get();

    @Test
    void shouldForwardAWriteSentToTheFollowerToTheLeaderOverHttps() {
        FerryCluster cluster = KAFKA.cluster();
        String group = cluster.uniqueTopicName("tls-cluster");
        String topic = cluster.uniqueTopicName("tls-spread");
        cluster.createTopic(topic, 4);
        try (DistributedConnect leader = DistributedConnect.start(httpsWorker(cluster, group, "tls-leader"), "test");
                DistributedConnect follower = DistributedConnect.start(httpsWorker(cluster, group, "tls-follower"), "test")) {
            assertThat(leader.restUrl().getScheme()).isEqualTo("https");
            ConnectHttp followerHttp = new ConnectHttp(follower.restUrl(), CERTIFICATES.clientContext(true));
            ConnectHttp leaderHttp = new ConnectHttp(leader.restUrl(), CERTIFICATES.clientContext(true));

            for (int i = 0; i < 2; i++) {
                ConnectHttp.Reply created = followerHttp.post("/connectors", ConnectHttp.json(Map.of("name", "tls-spread-" + i, "config", Map.of(
                        "connector.class", "SequenceSource", "tasks.max", "2", "topic", topic, "records.per.partition", "10", "source.partitions", "2"))));
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).startsWith("https://"));
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                Set<String> workers = new HashSet<>();
                JsonNode statuses = leaderHttp.get("/connectors?expand=status").json();
                assertThat(statuses.size()).isEqualTo(2);
                statuses.forEach(connector -> connector.path("status").path("tasks").forEach(task -> {
                    assertThat(task.path("state").asText()).isEqualTo("RUNNING");
                    workers.add(task.path("worker_id").asText());
                }));
                assertThat(workers).containsExactlyInAnyOrder("tls-leader", "tls-follower");
            });
        }
    }

    /** A worker listening on https only, which needs its clients' certificates and shows its own to the leader. */
    private static Map<String, String> httpsWorker(FerryCluster cluster, String group, String workerId) {
        Map<String, String> settings = new HashMap<>(WorkerFixture.distributedSettings(cluster, group, workerId));
        settings.put("listeners", "https://127.0.0.1:0");
        settings.putAll(CERTIFICATES.workerSettings("listeners.https."));
        settings.put("listeners.https.ssl.client.auth", "required");
        settings.putAll(CERTIFICATES.workerSettings(""));
        return settings;
    }
}
