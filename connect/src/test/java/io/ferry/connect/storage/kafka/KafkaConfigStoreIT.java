package io.ferry.connect.storage.kafka;

import static io.ferry.connect.storage.kafka.KafkaConfigCodecTest.bytes;
import static io.ferry.connect.storage.kafka.KafkaConfigCodecTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.kafka.support.admin.TopicMisconfiguredException;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The config store on a real broker: shared topics, restarts, Apache's records both ways, refusals. */
class KafkaConfigStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @RegisterExtension
    final ClosedAfterEach opened = new ClosedAfterEach();

    private KafkaProducer<String, byte[]> producer(FerryCluster cluster) {
        KafkaProducer<String, byte[]> producer = cluster.producer(new StringSerializer(), new ByteArraySerializer(), Map.of());
        opened.add(producer);
        return producer;
    }

    private KafkaConfigStore store(FerryCluster cluster, String topic, String groupId, RecordingListener listener) {
        KafkaConfigStore.Settings settings = new KafkaConfigStore.Settings(topic, (short) 1, cluster.clientConfig(),
                "test-configs-" + opened.count(), groupId);
        KafkaConfigStore store = new KafkaConfigStore(settings, KafkaConfigStore.producerWriter(producer(cluster)), listener);
        opened.add(store);
        return store;
    }

    private KafkaConfigStore started(FerryCluster cluster, String topic, RecordingListener listener) {
        KafkaConfigStore store = store(cluster, topic, "cluster-a", listener);
        store.start(TIMEOUT);
        return store;
    }

    @Test
    void shouldShowAnotherStoresWritesOnTheSameTopic(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("configs");
        KafkaConfigStore leader = started(cluster, topic, new RecordingListener());
        RecordingListener followerHeard = new RecordingListener();
        KafkaConfigStore follower = started(cluster, topic, followerHeard);

        leader.putConnectorConfig("orders", Map.of("connector.class", "Source"), TargetState.PAUSED);
        leader.putTaskConfigs("orders", List.of(Map.of("task", "0"), Map.of("task", "1")));
        leader.putTargetState("orders", TargetState.STOPPED);
        leader.putTaskCountRecord("orders", 2);

        assertThat(leader.snapshot().taskConfigs()).containsEntry("orders", List.of(Map.of("task", "0"), Map.of("task", "1")));
        long position = follower.readToEnd().get();
        ClusterConfigSnapshot seen = follower.snapshot();
        assertThat(position).isEqualTo(leader.position()).isEqualTo(seen.offset());
        assertThat(seen.connectorConfig("orders")).isEqualTo(Map.of("connector.class", "Source"));
        assertThat(seen.targetState("orders")).isEqualTo(TargetState.STOPPED);
        assertThat(seen.taskIds("orders")).containsExactly(new TaskId("orders", 0), new TaskId("orders", 1));
        assertThat(seen.taskCountRecords()).containsEntry("orders", 2);
        await().atMost(TIMEOUT).until(() -> followerHeard.heard.size() >= 3);
        assertThat(followerHeard.heard).containsExactly("config:orders", "tasks:orders", "target-state:orders");
    }

    @Test
    void shouldReplayTheTopicOnRestartButAnnounceOnlyNewRestartRequests(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("configs");
        KafkaConfigStore first = started(cluster, topic, new RecordingListener());
        first.putConnectorConfig("orders", Map.of("k", "v"), null);
        first.putRestartRequest(new RestartRequest("orders", true, true));
        first.putTaskRestartRequest(new TaskId("orders", 3));
        first.close();

        RecordingListener heard = new RecordingListener();
        KafkaConfigStore restarted = started(cluster, topic, heard);
        ClusterConfigSnapshot replayed = restarted.snapshot();
        assertThat(replayed.connectorConfigs()).containsOnlyKeys("orders");
        assertThat(replayed.targetState("orders")).isEqualTo(TargetState.STARTED);
        assertThat(replayed.restartRequests()).containsEntry("orders", new RestartRequest("orders", true, true));
        assertThat(replayed.taskRestartRequests()).containsExactly(new TaskId("orders", 3));
        assertThat(heard.heard).isEmpty();

        KafkaConfigStore other = started(cluster, topic, new RecordingListener());
        other.putRestartRequest(new RestartRequest("orders", false, true));
        other.putTaskRestartRequest(new TaskId("orders", 1));
        await().atMost(TIMEOUT).until(() -> heard.heard.size() >= 2);
        assertThat(heard.heard).containsExactly("restart:orders+tasks", "restart-task:orders-1");
    }

    @Test
    void shouldReadConfigsWrittenByApacheConnect(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("configs");
        cluster.createCompactedTopic(topic, 1);
        KafkaProducer<String, byte[]> apache = producer(cluster);
        String[][] records = {
                {"target-state-stopped", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}"},
                {"connector-stopped", "{\"properties\":{\"name\":\"stopped\"}}"},
                {"connector-legacy", "{\"properties\":{\"name\":\"legacy\"}}"},
                {"target-state-legacy", "{\"state\":\"PAUSED\"}"},
                {"connector-committed", "{\"properties\":{\"name\":\"committed\"}}"},
                {"task-committed-0", "{\"properties\":{\"n\":\"0\"}}"},
                {"task-committed-1", "{\"properties\":{\"n\":\"1\"}}"},
                {"commit-committed", "{\"tasks\":2}"},
                {"task-committed-0", "{\"properties\":{\"n\":\"new\"}}"},
                {"connector-half", "{\"properties\":{\"name\":\"half\"}}"},
                {"task-half-1", "{\"properties\":{\"n\":\"1\"}}"},
                {"commit-half", "{\"tasks\":2}"},
                {"connector-gone", "{\"properties\":{\"name\":\"gone\"}}"},
                {"task-gone-0", "{\"properties\":{\"n\":\"0\"}}"},
                {"commit-gone", "{\"tasks\":1}"},
                {"connector-gone", null},
                {"target-state-gone", null},
                {"session-key", "{\"key\":\"c2VjcmV0\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1700000000000}"},
                {"restart-connector-committed", "{\"include-tasks\":true,\"only-failed\":true}"},
                {"tasks-fencing-committed", "{\"task-count\":2}"},
                {"commit-committed", "{\"tasks\":\"two\"}"}};
        for (String[] record : records) {
            apache.send(new ProducerRecord<>(topic, record[0], bytes(record[1]))).get();
        }

        KafkaConfigStore store = started(cluster, topic, new RecordingListener());
        ClusterConfigSnapshot read = store.snapshot();
        assertThat(read.connectors()).containsExactlyInAnyOrder("stopped", "legacy", "committed", "half");
        assertThat(read.targetState("stopped")).isEqualTo(TargetState.STOPPED);
        assertThat(read.targetState("legacy")).isEqualTo(TargetState.PAUSED);
        assertThat(read.targetState("committed")).isEqualTo(TargetState.STARTED);
        // task-committed-0 "new" has no commit after it: the committed configs stay in force.
        assertThat(read.taskConfigs().get("committed")).containsExactly(Map.of("n", "0"), Map.of("n", "1"));
        assertThat(read.inconsistent()).containsExactly("half");
        assertThat(read.taskCount("half")).isZero();
        assertThat(read.taskConfigs()).doesNotContainKey("gone");
        assertThat(read.targetStates()).doesNotContainKey("gone");
        assertThat(read.restartRequests()).containsEntry("committed", new RestartRequest("committed", true, true));
        assertThat(read.taskCountRecords()).containsEntry("committed", 2);
        assertThat(read.offset()).isEqualTo(records.length + 1); // and the cluster claim the store wrote

        // A malformed record is skipped but counted: every worker's position agrees with the topic's end.
        apache.send(new ProducerRecord<>(topic, "connector-broken", bytes("[\"not\",\"an\",\"object\"]"))).get();
        assertThat(store.readToEnd().get()).isEqualTo(records.length + 2);
        assertThat(store.snapshot().contains("broken")).isFalse();
    }

    @Test
    void shouldWriteRecordsApacheConnectReads(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("configs");
        KafkaConfigStore store = started(cluster, topic, new RecordingListener());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", "orders");
        store.putConnectorConfig("orders", config, TargetState.STOPPED);
        store.putTaskConfigs("orders", List.of(Map.of("n", "0")));
        store.putRestartRequest(new RestartRequest("orders", false, true));
        store.removeConnector("orders");

        assertThat(rawRecords(cluster, topic)).containsExactly(
                "ferry-cluster={\"group.id\":\"cluster-a\"}",
                "target-state-orders={\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}",
                "connector-orders={\"properties\":{\"name\":\"orders\"}}",
                "task-orders-0={\"properties\":{\"n\":\"0\"}}",
                "commit-orders={\"tasks\":1}",
                "restart-connector-orders={\"include-tasks\":true,\"only-failed\":false}",
                "connector-orders=null",
                "target-state-orders=null");
        assertThat(store.snapshot().contains("orders")).isFalse();
        assertThat(store.snapshot().taskConfigs()).doesNotContainKey("orders");
    }

    @Test
    void shouldRefuseAConfigTopicWithTwoPartitions(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("configs");
        cluster.createCompactedTopic(topic, 2);
        KafkaConfigStore store = store(cluster, topic, "cluster-a", new RecordingListener());
        assertThatThrownBy(() -> store.start(TIMEOUT))
                .isInstanceOf(TopicMisconfiguredException.class)
                .hasMessageContaining("config.storage.topic")
                .hasMessageContaining("2 partitions");
    }

    @Test
    void shouldRefuseTheConfigTopicOfAnotherCluster(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("configs");
        started(cluster, topic, new RecordingListener());
        KafkaConfigStore intruder = store(cluster, topic, "cluster-b", new RecordingListener());
        assertThatThrownBy(() -> intruder.start(TIMEOUT))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("config.storage.topic")
                .hasMessageContaining("group.id")
                .hasMessageContaining("'cluster-a'")
                .hasMessageContaining("'cluster-b'");
        // The owner can still start on it.
        assertThat(started(cluster, topic, new RecordingListener()).snapshot().offset()).isEqualTo(1);
    }

    @Test
    void shouldNeverApplyARecordOfAnAbortedLeaderTransaction(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("configs");
        KafkaProducer<String, byte[]> leader = opened.add(cluster.producer(new StringSerializer(), new ByteArraySerializer(),
                Map.of("transactional.id", topic + "-leader")));
        leader.initTransactions();
        AtomicBoolean fenced = new AtomicBoolean(true);
        KafkaConfigStore.ConfigWriter transactional = records -> {
            leader.beginTransaction();
            List<java.util.concurrent.Future<org.apache.kafka.clients.producer.RecordMetadata>> sent =
                    records.stream().map(leader::send).toList();
            if (fenced.get()) {
                leader.abortTransaction();
                throw new ConnectException("fenced out");
            }
            leader.commitTransaction();
            long last = -1;
            for (var ack : sent) {
                try {
                    last = Math.max(last, ack.get().offset());
                } catch (Exception e) {
                    throw new ConnectException("not written", e);
                }
            }
            return last;
        };
        KafkaConfigStore store = opened.add(new KafkaConfigStore(new KafkaConfigStore.Settings(topic, (short) 1, cluster.clientConfig(),
                "test-configs-tx", "cluster-a"), transactional, new RecordingListener()));
        store.start(TIMEOUT);

        assertThatThrownBy(() -> store.putConnectorConfig("orders", Map.of("k", "aborted"), null)).isInstanceOf(ConnectException.class);
        fenced.set(false);
        store.putTaskConfigs("refunds", List.of(Map.of("k", "committed")));

        ClusterConfigSnapshot seen = store.snapshot();
        assertThat(seen.contains("orders")).isFalse();
        assertThat(seen.taskConfigs()).containsOnlyKeys("refunds");
        assertThat(started(cluster, topic, new RecordingListener()).snapshot().contains("orders")).isFalse();
    }

    @Test
    void shouldClaimItsConfigTopicAgainWhenAnotherClusterWritesItsClaim(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("configs");
        started(cluster, topic, new RecordingListener());
        producer(cluster).send(new ProducerRecord<>(topic, "ferry-cluster", bytes("{\"group.id\":\"cluster-b\"}"))).get();

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(rawRecords(cluster, topic)).containsExactly(
                "ferry-cluster={\"group.id\":\"cluster-a\"}",
                "ferry-cluster={\"group.id\":\"cluster-b\"}",
                "ferry-cluster={\"group.id\":\"cluster-a\"}"));
    }

    private List<String> rawRecords(FerryCluster cluster, String topic) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = cluster.consumer(new StringDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            while (consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    found.add(record.key() + "=" + text(record.value()));
                }
            }
        }
        return found;
    }
}
