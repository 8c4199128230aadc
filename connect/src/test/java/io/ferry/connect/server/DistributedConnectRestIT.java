package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.testkit.FerryCluster;
import org.junit.jupiter.api.Test;

/**
 * The whole REST suite of {@link ConnectRestIT}, against a distributed cluster of two workers, every
 * request sent to the worker that does not lead: what needs the leader is forwarded to it, reads
 * answer from the follower's own copy of the internal topics, statuses show which worker runs what.
 */
class DistributedConnectRestIT extends ConnectRestIT {
    private URI leader;

    @Override
    protected URI startWorkers(FerryCluster cluster, Path folder, List<AutoCloseable> started) {
        String group = cluster.uniqueTopicName("rest-cluster");
        DistributedConnect first = DistributedConnect.start(settings(cluster, group, "leader"), "test");
        started.add(first);
        DistributedConnect second = DistributedConnect.start(settings(cluster, group, "follower"), "test");
        started.add(second);
        leader = first.restUrl();
        return second.restUrl();
    }

    static Map<String, String> settings(FerryCluster cluster, String group, String workerId) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("group.id", group);
        settings.put("config.storage.topic", group + "-configs");
        settings.put("offset.storage.topic", group + "-offsets");
        settings.put("status.storage.topic", group + "-status");
        settings.put("config.storage.replication.factor", "1");
        settings.put("offset.storage.replication.factor", "1");
        settings.put("status.storage.replication.factor", "1");
        settings.put("offset.storage.partitions", "3");
        settings.put("status.storage.partitions", "1");
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("offset.flush.interval.ms", "500");
        settings.put("session.timeout.ms", "6000");
        settings.put("heartbeat.interval.ms", "1000");
        settings.put("listeners", "http://127.0.0.1:0");
        settings.put("ferry.worker.id", workerId);
        return settings;
    }

    @Override
    protected List<String> workerIds() {
        return List.of("leader", "follower");
    }

    @Test
    void shouldShowEveryConnectorAndTaskOnTheWorkerThatRunsItFromAnyWorker() {
        FerryCluster cluster = KAFKA.cluster();
        String topic = cluster.uniqueTopicName("spread");
        cluster.createTopic(topic, 4);
        for (int i = 0; i < 2; i++) {
            assertThat(http.post("/connectors", ConnectHttp.json(Map.of("name", "spread-" + i, "config", Map.of(
                    "connector.class", "SequenceSource", "tasks.max", "2", "topic", topic, "records.per.partition", "10", "source.partitions", "2"))))
                    .status()).isEqualTo(201);
        }
        ConnectHttp leaderHttp = new ConnectHttp(leader);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode statuses = leaderHttp.get("/connectors?expand=status").json();
            Map<String, Integer> tasksPerWorker = new HashMap<>();
            statuses.forEach(connector -> connector.path("status").path("tasks").forEach(task -> {
                assertThat(task.path("state").asText()).isEqualTo("RUNNING");
                tasksPerWorker.merge(task.path("worker_id").asText(), 1, Integer::sum);
            }));
            assertThat(tasksPerWorker).containsOnlyKeys("leader", "follower").containsValues(2, 2);
            assertThat(http.get("/connectors?expand=status").json()).isEqualTo(statuses);
        });
    }

    @Test
    void shouldAnswerAForwardedRequestThatReachesAWorkerThatDoesNotLeadWithConflict() {
        ConnectHttp.Reply reply = http.post("/connectors?forward=false", ConnectHttp.json(Map.of("name", "looping",
                "config", Map.of("connector.class", "SequenceSource", "topic", "t"))));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(409);
        assertThat(reply.message()).contains("conflicting operation");
    }
}
