package io.ferry.connect.storage.kafka;

import static io.ferry.connect.storage.kafka.KafkaConfigCodecTest.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.kafka.support.admin.TopicMisconfiguredException;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The status store on a real broker: workers seeing each other, restarts, Apache's records, the generation rule. */
class KafkaStatusStoreIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_700_000_000_000L), ZoneOffset.UTC);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @RegisterExtension
    final ClosedAfterEach opened = new ClosedAfterEach();

    private KafkaStatusStore store(FerryCluster cluster, String topic, String workerId, AtomicInteger generation) {
        KafkaStatusStore store = new KafkaStatusStore(new KafkaStatusStore.Settings(topic, 3, (short) 1, cluster.clientConfig(),
                "test-statuses-" + opened.count(), workerId, generation::get, CLOCK));
        opened.add(store);
        return store;
    }

    private KafkaStatusStore started(FerryCluster cluster, String topic, String workerId, AtomicInteger generation) {
        KafkaStatusStore store = store(cluster, topic, workerId, generation);
        store.start(TIMEOUT);
        return store;
    }

    private static void caughtUp(KafkaStatusStore store) throws Exception {
        store.readToEnd().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void shouldShowEachWorkersStatusesToTheOther(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("status");
        AtomicInteger generation = new AtomicInteger(1);
        KafkaStatusStore one = started(cluster, topic, "w1", generation);
        KafkaStatusStore two = started(cluster, topic, "w2", generation);

        StateInfo failed = new StateInfo(State.FAILED, "w1", "boom", "1.0", new StateInfo.Retry(Instant.ofEpochSecond(1_800_000_000L), 2));
        one.put("orders", StateInfo.of(State.RUNNING, "w1"));
        one.put(new TaskId("orders", 0), failed);
        two.put(new TaskId("orders", 1), StateInfo.of(State.RUNNING, "w2"));
        two.addTopic("orders", "orders-topic");
        assertThat(one.get("orders")).isEqualTo(StateInfo.of(State.RUNNING, "w1")); // at once, before Kafka has it

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(two.get("orders")).isEqualTo(StateInfo.of(State.RUNNING, "w1"));
            assertThat(two.tasks("orders")).containsEntry(0, failed).containsEntry(1, StateInfo.of(State.RUNNING, "w2"));
            assertThat(one.tasks("orders")).containsEntry(1, StateInfo.of(State.RUNNING, "w2"));
            assertThat(one.topics("orders")).containsExactly("orders-topic");
        });
    }

    @Test
    void shouldReplayStatusesAndForgetWhatWasRemoved(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("status");
        AtomicInteger generation = new AtomicInteger(4);
        KafkaStatusStore first = started(cluster, topic, "w1", generation);
        first.put("orders", StateInfo.of(State.PAUSED, "w1"));
        first.put(new TaskId("orders", 0), StateInfo.of(State.PAUSED, "w1"));
        first.addTopic("orders", "t1");
        first.addTopic("orders", "t2");
        first.put("gone", StateInfo.of(State.RUNNING, "w1"));
        first.put(new TaskId("gone", 0), StateInfo.of(State.RUNNING, "w1"));
        first.addTopic("gone", "t3");
        first.remove("gone");
        first.resetTopics("orders");
        first.addTopic("orders", "t4");
        first.removeTask(new TaskId("orders", 0));
        assertThat(first.get("gone")).isNull();
        first.close();

        KafkaStatusStore restarted = started(cluster, topic, "w2", generation);
        assertThat(restarted.get("orders")).isEqualTo(StateInfo.of(State.PAUSED, "w1"));
        assertThat(restarted.tasks("orders")).isEmpty();
        assertThat(restarted.topics("orders")).containsExactly("t4");
        assertThat(restarted.get("gone")).isNull();
        assertThat(restarted.tasks("gone")).isEmpty();
        assertThat(restarted.topics("gone")).isEmpty();
    }

    @Test
    void shouldReadStatusesWrittenByApacheConnect(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("status");
        cluster.createCompactedTopic(topic, 1);
        try (KafkaProducer<String, byte[]> apache = cluster.producer(new StringSerializer(), new ByteArraySerializer(), Map.of())) {
            String[][] records = {
                    {"status-connector-jdbc-orders", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"10.0.0.1:8083\",\"generation\":9}"},
                    {"status-task-jdbc-orders-0", "{\"state\":\"FAILED\",\"trace\":\"java.lang.RuntimeException: x\",\"worker_id\":\"10.0.0.2:8083\","
                            + "\"generation\":9,\"version\":\"4.1.0\"}"},
                    {"status-task-jdbc-orders-1", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"10.0.0.1:8083\",\"generation\":9}"},
                    {"status-task-jdbc-orders-1", null},
                    {"status-connector-old", "{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"10.0.0.1:8083\",\"generation\":2}"},
                    {"status-connector-old", null},
                    {"status-topic-orders:connector-jdbc-orders",
                            "{\"topic\":{\"name\":\"orders\",\"connector\":\"jdbc-orders\",\"task\":0,\"discoverTimestamp\":1700000000000}}"},
                    {"status-topic-refunds:connector-jdbc-orders",
                            "{\"topic\":{\"name\":\"refunds\",\"connector\":\"jdbc-orders\",\"task\":1,\"discoverTimestamp\":1700000000001}}"},
                    {"status-topic-refunds:connector-jdbc-orders", null}};
            for (String[] record : records) {
                apache.send(new ProducerRecord<>(topic, record[0], bytes(record[1]))).get();
            }
        }

        KafkaStatusStore store = started(cluster, topic, "w1", new AtomicInteger(10));
        assertThat(store.get("jdbc-orders")).isEqualTo(StateInfo.of(State.RUNNING, "10.0.0.1:8083"));
        assertThat(store.tasks("jdbc-orders")).containsOnlyKeys(0);
        assertThat(store.get(new TaskId("jdbc-orders", 0)))
                .isEqualTo(new StateInfo(State.FAILED, "10.0.0.2:8083", "java.lang.RuntimeException: x", "4.1.0", null));
        assertThat(store.get("old")).isNull();
        assertThat(store.topics("jdbc-orders")).containsExactly("orders");
    }

    @Test
    void shouldNotLetAnOlderGenerationMarkAnotherWorkersTaskFailedOrUnassigned(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("status");
        TaskId task = new TaskId("orders", 0);
        AtomicInteger newOwnerGeneration = new AtomicInteger(6);
        AtomicInteger zombieGeneration = new AtomicInteger(5);
        KafkaStatusStore owner = started(cluster, topic, "w-new", newOwnerGeneration);
        KafkaStatusStore zombie = started(cluster, topic, "w-old", zombieGeneration);

        owner.put(task, StateInfo.of(State.RUNNING, "w-new"));
        await().atMost(TIMEOUT).until(() -> StateInfo.of(State.RUNNING, "w-new").equals(zombie.get(task)));
        zombie.put(task, StateInfo.of(State.UNASSIGNED, "w-old"));
        zombie.put(task, new StateInfo(State.FAILED, "w-old", "late", null, null));
        assertThat(zombie.get(task)).isEqualTo(StateInfo.of(State.RUNNING, "w-new"));

        zombieGeneration.set(7);
        zombie.put(task, StateInfo.of(State.UNASSIGNED, "w-old"));
        caughtUp(zombie);
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(owner.get(task)).isEqualTo(StateInfo.of(State.UNASSIGNED, "w-old")));
    }

    @Test
    void shouldAgreeOnTheLastWriteWhenTwoWorkersRaceOnOneTask(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("status");
        AtomicInteger generation = new AtomicInteger(1);
        KafkaStatusStore one = started(cluster, topic, "w1", generation);
        KafkaStatusStore two = started(cluster, topic, "w2", generation);
        TaskId task = new TaskId("orders", 0);

        Thread racer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                two.put(task, new StateInfo(State.RUNNING, "w2", null, "v" + i, null));
            }
        });
        racer.start();
        for (int i = 0; i < 200; i++) {
            one.put(task, new StateInfo(State.RUNNING, "w1", null, "v" + i, null));
        }
        racer.join();
        assertThat(one.flush(TIMEOUT)).isTrue();
        assertThat(two.flush(TIMEOUT)).isTrue();

        KafkaStatusStore judge = started(cluster, topic, "w3", generation); // reads the topic as it ended
        StateInfo last = judge.get(task);
        assertThat(last.version()).isEqualTo("v199");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            caughtUp(one);
            caughtUp(two);
            assertThat(one.get(task)).isEqualTo(last);
            assertThat(two.get(task)).isEqualTo(last);
        });
    }

    @Test
    void shouldRefuseAStatusTopicThatIsNotCompacted(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("status");
        cluster.createTopic(topic, 1);
        KafkaStatusStore store = store(cluster, topic, "w1", new AtomicInteger());
        assertThatThrownBy(() -> store.start(TIMEOUT))
                .isInstanceOf(TopicMisconfiguredException.class)
                .hasMessageContaining("status.storage.topic")
                .hasMessageContaining("cleanup.policy");
    }
}
