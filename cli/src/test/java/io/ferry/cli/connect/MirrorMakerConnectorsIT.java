package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Kafka's MirrorMaker 2 connectors 4.3.1, unchanged, on a Ferry standalone worker: the plugin folder
 * {@code compat/mirror/pom.xml} describes (fetched from Maven Central), one cluster mirrored into another.
 * The source connector copies a topic record for record (keys, values, headers, partitions), continues with
 * what is written later and, after the worker restarts, from where it stopped; the checkpoint connector
 * carries a consumer group's position across; the heartbeat connector beats.
 */
class MirrorMakerConnectorsIT {
    private static final String VERSION = "4.3.1";
    private static final int FIRST = 1_000;
    private static final int LATER = 500;
    private static final int WHILE_DOWN = 200;
    private static final int PARTITIONS = 3;
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension SOURCE = FerryClusterExtension.singleBroker();

    @RegisterExtension
    static final FerryClusterExtension TARGET = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldMirrorATopicAndAGroupsPositionIntoAnotherCluster() throws Exception {
        FerryCluster source = SOURCE.cluster();
        FerryCluster target = TARGET.cluster();
        String topic = source.uniqueTopicName("orders");
        String mirrored = "src." + topic;
        String group = source.uniqueTopicName("app");
        source.createTopic(topic, PARTITIONS);
        List<ProducerRecord<String, String>> written = new ArrayList<>(records(topic, 0, FIRST));
        source.produce(written.subList(0, FIRST));
        List<ConsumerRecord<String, String>> read = source.consume(topic, FIRST, WAIT);
        commitPosition(source, group, read);

        Map<String, String> worker = worker(target);
        List<ConnectorRequest> connectors = List.of(
                connector("mirror-source", "MirrorSourceConnector", source, target, Map.of("topics", topic, "tasks.max", "2")),
                connector("mirror-checkpoint", "MirrorCheckpointConnector", source, target, Map.of("groups", group,
                        "emit.checkpoints.interval.seconds", "1", "sync.group.offsets.enabled", "true",
                        "sync.group.offsets.interval.seconds", "1", "refresh.groups.interval.seconds", "1",
                        "checkpoints.topic.replication.factor", "1")),
                connector("mirror-heartbeat", "MirrorHeartbeatConnector", source, target, Map.of(
                        "emit.heartbeats.interval.seconds", "1", "heartbeats.topic.replication.factor", "1")));
        try (StandaloneConnect connect = StandaloneConnect.start(worker, connectors, "test")) {
            await().atMost(WAIT).until(() -> target.recordCount(mirrored) >= FIRST);
            assertMirrored(target, mirrored, written);
            assertThat(target.admin().describeTopics(List.of(mirrored)).allTopicNames().get().get(mirrored).partitions())
                    .hasSize(PARTITIONS);

            // The checkpoint connector writes the group's position, translated, into the target cluster.
            await().atMost(WAIT).until(() -> !committed(target, group).isEmpty());
            Map<TopicPartition, OffsetAndMetadata> translated = committed(target, group);
            assertThat(translated.keySet()).allSatisfy(partition -> assertThat(partition.topic()).isEqualTo(mirrored));
            long translatedTotal = translated.values().stream().mapToLong(OffsetAndMetadata::offset).sum();
            assertThat(translatedTotal).isPositive().isLessThanOrEqualTo(FIRST);
            assertThat(target.recordCount("src.checkpoints.internal")).isPositive();
            await().atMost(WAIT).until(() -> target.recordCount("heartbeats") > 0);

            List<ProducerRecord<String, String>> later = records(topic, FIRST, LATER);
            source.produce(later);
            written.addAll(later);
            await().atMost(WAIT).until(() -> target.recordCount(mirrored) >= FIRST + LATER);
        }

        // Records written while the worker is down arrive after it restarts, and nothing twice.
        List<ProducerRecord<String, String>> whileDown = records(topic, FIRST + LATER, WHILE_DOWN);
        source.produce(whileDown);
        written.addAll(whileDown);
        try (StandaloneConnect connect = StandaloneConnect.start(worker, connectors.subList(0, 1), "test")) {
            await().atMost(WAIT).until(() -> target.recordCount(mirrored) >= written.size());
            assertMirrored(target, mirrored, written);
        }
    }

    /** The mirrored topic holds exactly what was written, partition by partition, in order, with the headers. */
    private static void assertMirrored(FerryCluster target, String mirrored, List<ProducerRecord<String, String>> written) {
        List<ConsumerRecord<String, String>> copies = target.consume(mirrored, written.size(), WAIT);
        assertThat(target.recordCount(mirrored)).as("records in %s", mirrored).isEqualTo(written.size());
        Map<Integer, List<String>> expected = written.stream().collect(Collectors.groupingBy(ProducerRecord::partition,
                Collectors.mapping(record -> record.key() + "=" + record.value() + header(record.headers().lastHeader("n")
                        .value()), Collectors.toList())));
        Map<Integer, List<String>> actual = copies.stream().collect(Collectors.groupingBy(ConsumerRecord::partition,
                Collectors.mapping(record -> record.key() + "=" + record.value() + header(record.headers().lastHeader("n")
                        .value()), Collectors.toList())));
        assertThat(actual).isEqualTo(expected);
    }

    private static String header(byte[] value) {
        return " n=" + new String(value, StandardCharsets.UTF_8);
    }

    private static List<ProducerRecord<String, String>> records(String topic, int from, int count) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, i % PARTITIONS, "key-" + i, "order " + i);
            record.headers().add("n", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
            records.add(record);
        }
        return records;
    }

    /** A consumer group on the source cluster that has read these records and committed its position. */
    private static void commitPosition(FerryCluster cluster, String group, List<ConsumerRecord<String, String>> read) {
        Map<TopicPartition, OffsetAndMetadata> position = new HashMap<>();
        for (ConsumerRecord<String, String> record : read) {
            position.merge(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        try (var consumer = cluster.consumer(new StringDeserializer(), new StringDeserializer(), Map.of("group.id", group))) {
            consumer.commitSync(position);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(FerryCluster cluster, String group) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = cluster.admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetAndMetadata> present = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null) {
                present.put(partition, offset);
            }
        });
        return present;
    }

    private Map<String, String> worker(FerryCluster target) throws Exception {
        Path plugins = dir.resolve("plugins");
        MavenFetch.copyDependencies("compat/mirror/pom.xml",
                List.of("-DincludeArtifactIds=connect-mirror,connect-mirror-client,connect-runtime,maven-artifact"),
                plugins.resolve("mirror"), "connect-mirror-" + VERSION + ".jar");
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", target.bootstrapServers());
        worker.put("key.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("value.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        // As MirrorMaker's own driver sets it: the default SimpleHeaderConverter would write bytes headers as base64 text.
        worker.put("header.converter", "org.apache.kafka.connect.converters.ByteArrayConverter");
        worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        worker.put("offset.flush.interval.ms", "1000");
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("plugin.path", plugins.toString());
        return worker;
    }

    private static ConnectorRequest connector(String name, String simpleClass, FerryCluster source, FerryCluster target,
            Map<String, String> more) {
        Map<String, String> config = new HashMap<>(more);
        config.put("connector.class", "org.apache.kafka.connect.mirror." + simpleClass);
        config.putIfAbsent("tasks.max", "1");
        config.put("source.cluster.alias", "src");
        config.put("target.cluster.alias", "tgt");
        config.put("source.cluster.bootstrap.servers", source.bootstrapServers());
        config.put("target.cluster.bootstrap.servers", target.bootstrapServers());
        config.put("replication.factor", "1");
        config.put("offset-syncs.topic.replication.factor", "1");
        config.put("sync.topic.acls.enabled", "false");
        return new ConnectorRequest(name, config, TargetState.STARTED);
    }
}
