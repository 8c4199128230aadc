package io.ferry.connect.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.kafka.support.admin.TopicMisconfiguredException;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The offsets topic on a real broker, in Apache Kafka Connect's bytes. */
class KafkaOffsetStoreIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private final OffsetCodec codec = new OffsetCodec();

    private static KafkaOffsetStore store(FerryCluster cluster, String topic) {
        return new KafkaOffsetStore(new KafkaOffsetStore.Settings(topic, 3, (short) 1, cluster.clientConfig(), "test-" + topic,
                Duration.ofSeconds(30)));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldReadOffsetsApacheKafkaConnectWroteAsTheyAre(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("offsets");
        cluster.createCompactedTopic(topic, 3);
        try (KafkaProducer<byte[], byte[]> raw = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            raw.send(new ProducerRecord<>(topic, 1, utf8("[\"file-source\",{\"filename\":\"/tmp/in.txt\"}]"),
                    utf8("{\"position\":1234}"))).get();
        }

        try (KafkaOffsetStore store = store(cluster, topic)) {
            store.start();
            SourceOffsets offsets = new SourceOffsets("file-source", store, codec);

            assertThat(offsets.offset(Map.of("filename", "/tmp/in.txt"))).isEqualTo(Map.of("position", 1234L));
            assertThat(offsets.all()).containsOnlyKeys(Map.of("filename", "/tmp/in.txt"));
        }
    }

    @Test
    void shouldWriteTheBytesApacheKafkaConnectWrites(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("offsets");
        try (KafkaOffsetStore store = store(cluster, topic)) {
            store.start();
            new SourceOffsets("file-source", store, codec).write(Map.of(Map.of("filename", "/tmp/in.txt"), Map.of("position", 1234L)));
        }

        var written = cluster.consume(topic, 1, Duration.ofSeconds(30));
        assertThat(written).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("[\"file-source\",{\"filename\":\"/tmp/in.txt\"}]");
            assertThat(record.value()).isEqualTo("{\"position\":1234}");
        });
    }

    @Test
    void shouldSeeItsOwnWriteAsSoonAsSetReturnsAndTheOtherStoresWritesSoon(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("offsets");
        try (KafkaOffsetStore first = store(cluster, topic); KafkaOffsetStore second = store(cluster, topic)) {
            first.start();
            second.start();
            SourceOffsets fromFirst = new SourceOffsets("orders", first, codec);
            SourceOffsets fromSecond = new SourceOffsets("orders", second, codec);

            fromFirst.write(Map.of(Map.of("table", "a"), Map.of("id", 1L)));
            assertThat(fromFirst.offset(Map.of("table", "a"))).isEqualTo(Map.of("id", 1L));
            fromSecond.write(Map.of(Map.of("table", "b"), Map.of("id", 2L)));

            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(fromSecond.offset(Map.of("table", "a"))).isEqualTo(Map.of("id", 1L));
                assertThat(fromFirst.offset(Map.of("table", "b"))).isEqualTo(Map.of("id", 2L));
            });
        }
    }

    @Test
    void shouldReplayTheTopicOnRestartWithTombstonesRemovingOffsets(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("offsets");
        try (KafkaOffsetStore store = store(cluster, topic)) {
            store.start();
            SourceOffsets offsets = new SourceOffsets("orders", store, codec);
            offsets.write(Map.of(Map.of("table", "a"), Map.of("id", 1L), Map.of("table", "b"), Map.of("id", 7L)));
            offsets.write(Map.of(Map.of("table", "a"), Map.of("id", 3L)));
            Map<Map<String, ?>, Map<String, ?>> removeB = new HashMap<>();
            removeB.put(Map.of("table", "b"), null);
            offsets.write(removeB);
            assertThat(offsets.offset(Map.of("table", "b"))).as("removed at once in the writer's view").isNull();
        }

        try (KafkaOffsetStore restarted = store(cluster, topic)) {
            restarted.start();
            SourceOffsets offsets = new SourceOffsets("orders", restarted, codec);

            assertThat(offsets.all()).isEqualTo(Map.of(Map.of("table", "a"), Map.of("id", 3L)));
        }
    }

    @Test
    void shouldRefuseATopicThatIsNotCompactedNamingTheSetting(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("offsets");
        cluster.createTopic(topic, 1);

        try (KafkaOffsetStore store = store(cluster, topic)) {
            assertThatThrownBy(store::start).isInstanceOf(TopicMisconfiguredException.class)
                    .hasMessageContaining("offset.storage.topic").hasMessageContaining("cleanup.policy=compact");
        }
    }

    @Test
    void shouldCreateTheTopicWithTheBrokersDefaultPartitionsWhenAskedForMinusOne(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("offsets");
        try (KafkaOffsetStore store = new KafkaOffsetStore(new KafkaOffsetStore.Settings(topic, -1, (short) -1, cluster.clientConfig(),
                "test", Duration.ofSeconds(30)))) {
            store.start();
            store.set(Map.of(ByteBuffer.wrap(utf8("[\"c\",{}]")), ByteBuffer.wrap(utf8("{}"))));
        }

        var description = cluster.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic);
        var config = cluster.admin().describeConfigs(List.of(new org.apache.kafka.common.config.ConfigResource(
                org.apache.kafka.common.config.ConfigResource.Type.TOPIC, topic))).all().get().values().iterator().next();
        assertThat(description.partitions()).isNotEmpty();
        assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
    }
}
