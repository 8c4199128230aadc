package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly-once sources across crashes: a datagen source on two distributed workers with
 * {@code exactly.once.source.support=enabled}, the worker running its tasks killed with SIGKILL
 * mid-stream three times; a {@code read_committed} consumer then sees every generated record exactly
 * once.
 */
class ConnectExactlyOnceIT {
    private static final int TASKS = 2;
    private static final int PER_TASK = 40_000;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldDeliverEveryRecordExactlyOnceToReadCommittedConsumersThroughRepeatedKills(FerryCluster kafka) throws Exception {
        String topic = kafka.uniqueTopicName("eos");
        kafka.createTopic(topic, TASKS);
        try (ConnectCluster cluster = new ConnectCluster(kafka, dir, kafka.uniqueTopicName("eos-cluster"), ConnectFiles.pluginPath(dir))) {
            cluster.common().put("exactly.once.source.support", "enabled");
            cluster.start("w1");
            cluster.start("w2");
            Map<String, String> config = new HashMap<>();
            config.put("connector.class", "io.ferry.connectors.datagen.DatagenSourceConnector");
            config.put("kafka.topic", topic);
            config.put("quickstart", "users");
            config.put("tasks.max", String.valueOf(TASKS));
            config.put("iterations", String.valueOf(PER_TASK));
            config.put("records.per.second", "1000");
            config.put("exactly.once.support", "required");
            ConnectCluster.Reply created = cluster.post("w2", "/connectors", Map.of("name", "generated", "config", config));
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);

            long written = 0;
            for (String victim : List.of("w1", "w2", "w1")) {
                long before = written;
                await().atMost(ConnectCluster.READY).until(() -> kafka.recordCount(topic) > before + 3_000);
                String survivor = victim.equals("w1") ? "w2" : "w1";
                cluster.kill(victim);
                written = kafka.recordCount(topic);
                cluster.start(victim);
                await().atMost(ConnectCluster.READY).untilAsserted(() -> assertThat(cluster.runningTasksPerWorker(survivor)
                        .values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(TASKS));
            }

            Map<String, Integer> seen = readCommitted(kafka, topic, TASKS * PER_TASK);
            if (seen.size() != TASKS * PER_TASK) {
                // what a stalled run needs to be understood from CI's output alone: which task stopped, and why
                throw new AssertionError("expected " + TASKS * PER_TASK + " distinct records, saw " + seen.size() + "; "
                        + progress(seen) + "\nstatus: " + cluster.get("w1", "/connectors/generated/status").body()
                        + "\nw1:\n" + taskEvents(dir.resolve("w1.log")) + "\nw2:\n" + taskEvents(dir.resolve("w2.log")));
            }
            assertThat(seen).hasSize(TASKS * PER_TASK);
            assertThat(seen.values()).as("records seen more than once").allMatch(count -> count == 1);
            for (int task = 0; task < TASKS; task++) {
                for (int sequence = 0; sequence < PER_TASK; sequence++) {
                    assertThat(seen).containsKey(task + "/" + sequence);
                }
            }
            assertThat(kafka.recordCount(topic)).as("the topic also holds aborted records and transaction markers")
                    .isGreaterThanOrEqualTo(TASKS * PER_TASK);
        }
    }

    /** "task/sequence" → how many times a {@code read_committed} consumer saw it, once it saw {@code expected} distinct ones. */
    private static Map<String, Integer> readCommitted(FerryCluster kafka, String topic, int expected) {
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Map.of("isolation.level", "read_committed", "auto.offset.reset", "earliest"))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.merge(header(record, "datagen.task") + "/" + header(record, "datagen.sequence"), 1, Integer::sum);
                }
            }
            // a little longer, so that a duplicate written after the last expected record would show
            long grace = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (System.nanoTime() < grace) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.merge(header(record, "datagen.task") + "/" + header(record, "datagen.sequence"), 1, Integer::sum);
                }
            }
        }
        return seen;
    }

    private static String progress(Map<String, Integer> seen) {
        Map<String, Integer> perTask = new TreeMap<>();
        seen.keySet().forEach(k -> perTask.merge(k.substring(0, k.indexOf('/')), 1, Integer::sum));
        return "records per task: " + perTask;
    }

    /** The lines of a worker's log that tell where tasks ran and what went wrong. */
    private static String taskEvents(Path log) throws IOException {
        try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("Generation ")
                    || line.contains("ing task ") || line.contains("finished initialization") || line.contains("generated all"))
                    .collect(Collectors.joining("\n"));
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "?" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
