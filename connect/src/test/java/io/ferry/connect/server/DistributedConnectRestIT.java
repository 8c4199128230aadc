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
        DistributedConnect first = DistributedConnect.start(WorkerFixture.distributedSettings(cluster, group, "leader"), "test");
        started.add(first);
        DistributedConnect second = DistributedConnect.start(WorkerFixture.distributedSettings(cluster, group, "follower"), "test");
        started.add(second);
        leader = first.restUrl();
        return second.restUrl();
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
