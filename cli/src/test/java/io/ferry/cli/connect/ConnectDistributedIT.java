package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import io.ferry.cli.FerryProcess;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry connect distributed}: three workers as separate processes share Apache's FileStream
 * connectors through the test kit's broker — created through any worker, spread evenly, moved off
 * a worker killed with SIGKILL, rebalanced when a worker joins, restarted one by one under load —
 * and nothing is lost; a paused or stopped connector comes back with its tasks on resume. Bad internal topics and clashing settings are refused at start.
 */
class ConnectDistributedIT {
    private static final int PIPELINES = 3;
    private static final int LINES = 60_000;
    private static final Duration FAILOVER = Duration.ofSeconds(15);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldShareTasksEvenlyAndMoveAKilledWorkersTasksToTheOthersWithNothingLost(FerryCluster kafka) throws Exception {
        try (ConnectCluster cluster = new ConnectCluster(kafka, dir, kafka.uniqueTopicName("failover"), ConnectFiles.pluginPath(dir))) {
            for (String id : List.of("w1", "w2", "w3")) {
                cluster.start(id);
            }
            createPipelines(kafka, cluster, List.of("w1", "w2", "w3"));
            await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(cluster.runningTasksPerWorker("w1"))
                    .containsOnlyKeys("w1", "w2", "w3").allSatisfy((worker, count) -> assertThat(count).isEqualTo(2)));
            assertThat(cluster.get("w3", "/connectors").body()).hasSize(2 * PIPELINES);

            await().atMost(ConnectCluster.READY).until(() -> linesWritten() >= LINES / 5);
            String victim = "w2";
            long killedAt = System.nanoTime();
            cluster.kill(victim);
            await().atMost(FAILOVER).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                Map<String, Integer> running = cluster.runningTasksPerWorker("w1");
                assertThat(running).doesNotContainKey(victim);
                assertThat(running.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2 * PIPELINES);
            });
            System.out.printf("failover: every task RUNNING again %d ms after the kill%n", (System.nanoTime() - killedAt) / 1_000_000);

            assertEveryPipelineComplete();
        }
    }

    @Test
    void shouldGiveANewWorkerItsShareAndSurviveARollingRestartUnderLoad(FerryCluster kafka) throws Exception {
        try (ConnectCluster cluster = new ConnectCluster(kafka, dir, kafka.uniqueTopicName("rolling"), ConnectFiles.pluginPath(dir))) {
            cluster.start("w1");
            cluster.start("w2");
            createPipelines(kafka, cluster, List.of("w2"));
            await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(cluster.runningTasksPerWorker("w1"))
                    .containsOnlyKeys("w1", "w2").allSatisfy((worker, count) -> assertThat(count).isEqualTo(3)));
            Map<String, List<String>> before = cluster.taskPlacement("w1");

            cluster.start("w3");
            await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(cluster.runningTasksPerWorker("w1"))
                    .containsOnlyKeys("w1", "w2", "w3").allSatisfy((worker, count) -> assertThat(count).isEqualTo(2)));
            Map<String, List<String>> after = cluster.taskPlacement("w1");
            long stayed = before.keySet().stream().flatMap(c -> IntStream.range(0, before.get(c).size())
                    .filter(i -> before.get(c).get(i).equals(after.get(c).get(i))).mapToObj(i -> c + i)).count();
            assertThat(stayed).as("tasks that did not move: %s → %s", before, after).isEqualTo(4);

            for (String id : List.of("w1", "w2", "w3")) {
                assertThat(cluster.stop(id)).as("exit code of %s", id).isZero();
                cluster.start(id);
            }
            await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(cluster.runningTasksPerWorker("w3"))
                    .containsOnlyKeys("w1", "w2", "w3").allSatisfy((worker, count) -> assertThat(count).isEqualTo(2)));
            assertEveryPipelineComplete();
        }
    }

    @Test
    void shouldBringAPausedOrStoppedConnectorBackWithItsTasksOnResume(FerryCluster kafka) throws Exception {
        try (ConnectCluster cluster = new ConnectCluster(kafka, dir, kafka.uniqueTopicName("resume"), ConnectFiles.pluginPath(dir))) {
            cluster.start("w1");
            Files.write(input(0), List.of("before"));
            String topic = kafka.uniqueTopicName("resumed");
            kafka.createTopic(topic, 1);
            Map<String, Object> request = Map.of("name", "source", "initial_state", "STOPPED",
                    "config", Map.of("connector.class", "FileStreamSource", "file", input(0).toString(), "topic", topic));
            assertThat(cluster.post("w1", "/connectors", request).status()).isEqualTo(201);
            awaitStates(cluster, "STOPPED", List.of());

            assertThat(cluster.put("w1", "/connectors/source/resume", Map.of()).status()).isEqualTo(202);
            awaitStates(cluster, "RUNNING", List.of("RUNNING"));
            assertThat(cluster.put("w1", "/connectors/source/pause", Map.of()).status()).isEqualTo(202);
            awaitStates(cluster, "PAUSED", List.of("PAUSED"));
            assertThat(cluster.put("w1", "/connectors/source/resume", Map.of()).status()).isEqualTo(202);
            awaitStates(cluster, "RUNNING", List.of("RUNNING"));
            assertThat(cluster.put("w1", "/connectors/source/stop", Map.of()).status()).isEqualTo(204);
            awaitStates(cluster, "STOPPED", List.of());
            Files.write(input(0), List.of("after"), StandardOpenOption.APPEND);
            assertThat(cluster.put("w1", "/connectors/source/resume", Map.of()).status()).isEqualTo(202);
            awaitStates(cluster, "RUNNING", List.of("RUNNING"));
            await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(kafka.consumeAll(topic, Duration.ofSeconds(10)))
                    .extracting(ConsumerRecord::value).containsExactly("before", "after"));
        }
    }

    /** Waits until the connector {@code source} is in the state and its tasks in these states, as w1 reports them. */
    private static void awaitStates(ConnectCluster cluster, String connector, List<String> tasks) {
        await().atMost(ConnectCluster.READY).untilAsserted(() -> {
            ConnectCluster.Reply status = cluster.get("w1", "/connectors/source/status");
            assertThat(status.body().path("connector").path("state").asText()).as("%s", status.body()).isEqualTo(connector);
            List<String> states = new ArrayList<>();
            status.body().path("tasks").forEach(task -> states.add(task.path("state").asText()));
            assertThat(states).as("%s", status.body()).isEqualTo(tasks);
        });
    }

    @Test
    void shouldRefuseInternalTopicsThatAreNotAsTheyMustBeAndSettingsThatClash(FerryCluster kafka) throws Exception {
        String group = kafka.uniqueTopicName("bad");
        try (ConnectCluster cluster = new ConnectCluster(kafka, dir, group, ConnectFiles.pluginPath(dir))) {
            kafka.admin().createTopics(List.of(
                    new NewTopic(group + "-deleting-offsets", 1, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "delete")),
                    new NewTopic(group + "-wide-configs", 2, (short) 1).configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, "compact"))))
                    .all().get();

            assertRefused(cluster.launch("offsets", Map.of("offset.storage.topic", group + "-deleting-offsets")), "offset.storage.topic");
            assertRefused(cluster.launch("configs", Map.of("config.storage.topic", group + "-wide-configs")), "config.storage.topic");
            assertRefused(cluster.launch("same", Map.of("status.storage.topic", group + "-configs")), "status.storage.topic");

            cluster.start("w1");
            assertRefused(cluster.launch("stranger", Map.of("config.storage.topic", group + "-other-configs")), "config.storage.topic");
        }
    }

    private static void assertRefused(FerryProcess process, String setting) throws Exception {
        int exit = process.awaitExit(ConnectCluster.READY);
        assertThat(exit).as("exit code; stdout %s", process.stdout()).isNotZero();
        assertThat(String.join("\n", process.stderr())).contains(setting);
    }

    // ---- pipelines: FileStreamSource in_i.txt → topic → FileStreamSink out_i.txt

    private Path input(int i) {
        return dir.resolve("in-" + i + ".txt");
    }

    private Path output(int i) {
        return dir.resolve("out-" + i + ".txt");
    }

    /** Creates the pipelines, each connector through the next of the given workers. */
    private void createPipelines(FerryCluster kafka, ConnectCluster cluster, List<String> via) throws Exception {
        int next = 0;
        for (int i = 0; i < PIPELINES; i++) {
            int pipeline = i;
            Files.write(input(i), IntStream.range(0, LINES).mapToObj(n -> "p" + pipeline + " line " + n).toList());
            String topic = kafka.uniqueTopicName("lines-" + i);
            kafka.createTopic(topic, 1);
            ConnectCluster.Reply source = cluster.post(via.get(next++ % via.size()), "/connectors", Map.of("name", "source-" + i,
                    "config", Map.of("connector.class", "FileStreamSource", "file", input(i).toString(), "topic", topic)));
            assertThat(source.status()).as("%s", source.body()).isEqualTo(201);
            ConnectCluster.Reply sink = cluster.post(via.get(next++ % via.size()), "/connectors", Map.of("name", "sink-" + i,
                    "config", Map.of("connector.class", "FileStreamSink", "file", output(i).toString(), "topics", topic)));
            assertThat(sink.status()).as("%s", sink.body()).isEqualTo(201);
        }
    }

    private long linesWritten() throws Exception {
        long lines = 0;
        for (int i = 0; i < PIPELINES; i++) {
            if (Files.exists(output(i))) {
                try (var stream = Files.lines(output(i))) {
                    lines += stream.count();
                }
            }
        }
        return lines;
    }

    /** Every line of every input reached its output (a line may come twice: at least once is the rule). */
    private void assertEveryPipelineComplete() {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            for (int i = 0; i < PIPELINES; i++) {
                assertThat(Files.exists(output(i))).isTrue();
                // A smaller file cannot hold every line yet; reading all six files at every poll took CPU from the workers.
                assertThat(Files.size(output(i))).as("bytes written by pipeline %d", i).isGreaterThanOrEqualTo(Files.size(input(i)));
                Set<String> written = new HashSet<>(Files.readAllLines(output(i)));
                Set<String> missing = new HashSet<>(Files.readAllLines(input(i)));
                missing.removeAll(written);
                assertThat(missing).as("lines of pipeline %d not written", i).isEmpty();
            }
        });
    }
}
