package io.ferry.kafka.support.tailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import io.ferry.kafka.support.admin.TopicRequirements;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.Serdes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CompactedTopicTailerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private final List<CompactedTopicTailer<?, ?>> opened = new ArrayList<>();

    @AfterEach
    void closeTailers() {
        opened.forEach(CompactedTopicTailer::close);
    }

    /** A tailer whose handler keeps the latest value per key, as a state store would. */
    private StateTailer startState(FerryCluster cluster, TopicRequirements topic) {
        StateTailer state = new StateTailer();
        CompactedTopicTailer<String, String> tailer = CompactedTopicTailer.builder(topic, Serdes.String(), Serdes.String())
                .clientConfig(cluster.clientConfig())
                .handler(state::apply)
                .build();
        opened.add(tailer);
        tailer.start(TIMEOUT);
        state.tailer = tailer;
        return state;
    }

    private static TopicRequirements oneStream(FerryCluster cluster, String prefix) {
        return TopicRequirements.compacted(cluster.uniqueTopicName(prefix)).purpose("the test store").exactPartitions(1).build();
    }

    @Test
    void shouldSeeItsOwnWriteAsSoonAsSendAndAwaitCompletes(FerryCluster cluster) throws Exception {
        StateTailer store = startState(cluster, oneStream(cluster, "read-your-writes"));
        for (int i = 0; i < 200; i++) {
            String key = "key-" + (i % 20);
            String value = "value-" + i;
            store.tailer.sendAndAwait(key, value).get(10, TimeUnit.SECONDS);
            assertThat(store.latest.get(key)).as("state right after write %d", i).isEqualTo(value);
        }
    }

    @Test
    void shouldReplayEverythingBeforeStartReturnsAfterARestart(FerryCluster cluster) throws Exception {
        TopicRequirements topic = oneStream(cluster, "replay");
        StateTailer first = startState(cluster, topic);
        for (int i = 0; i < 50; i++) {
            first.tailer.send("key-" + i, "value-" + i);
        }
        first.tailer.sendAndAwait("key-0", "rewritten").get(10, TimeUnit.SECONDS);
        first.tailer.close();

        StateTailer second = startState(cluster, topic);
        // No waiting after start(): it returns only once the topic was read to its end.
        assertThat(second.latest).hasSize(50).containsEntry("key-0", "rewritten").containsEntry("key-49", "value-49");
        assertThat(second.offsetsSeen).isSorted();
    }

    @Test
    void shouldApplyTombstonesAndKeepThemDeletedOnReplay(FerryCluster cluster) throws Exception {
        TopicRequirements topic = oneStream(cluster, "tombstones");
        StateTailer first = startState(cluster, topic);
        first.tailer.sendAndAwait("kept", "v1").get(10, TimeUnit.SECONDS);
        first.tailer.sendAndAwait("deleted", "v1").get(10, TimeUnit.SECONDS);
        first.tailer.sendAndAwait("deleted", null).get(10, TimeUnit.SECONDS);
        assertThat(first.latest).containsOnlyKeys("kept");
        assertThat(first.tombstones).containsExactly("deleted");
        first.tailer.close();

        StateTailer replay = startState(cluster, topic);
        assertThat(replay.latest).containsOnlyKeys("kept");
        assertThat(replay.tombstones).containsExactly("deleted");
    }

    @Test
    void shouldReadToEndWhatOtherWritersWrote(FerryCluster cluster) throws Exception {
        TopicRequirements topic = TopicRequirements.compacted(cluster.uniqueTopicName("other-writers"))
                .purpose("the test store").partitionsForCreation(5).build();
        StateTailer store = startState(cluster, topic);
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            records.add(new ProducerRecord<>(topic.topic(), "key-" + i, "value-" + i));
        }
        List<RecordMetadata> acks = cluster.produce(records);
        assertThat(acks.stream().map(RecordMetadata::partition).distinct()).hasSizeGreaterThan(1);

        store.tailer.readToEnd().get(10, TimeUnit.SECONDS);
        assertThat(store.latest).hasSize(100).containsEntry("key-99", "value-99");
    }

    @Test
    void shouldSkipARecordItsHandlerRejectsAndApplyTheRest(FerryCluster cluster) throws Exception {
        TopicRequirements topic = oneStream(cluster, "poison");
        Map<String, String> applied = new ConcurrentHashMap<>();
        CompactedTopicTailer<String, String> tailer = CompactedTopicTailer.builder(topic, Serdes.String(), Serdes.String())
                .clientConfig(cluster.clientConfig())
                .handler(record -> {
                    if ("poison".equals(record.value())) {
                        throw new IllegalArgumentException("cannot apply poison");
                    }
                    applied.put(record.key(), record.value());
                })
                .build();
        opened.add(tailer);
        tailer.start(TIMEOUT);
        tailer.sendAndAwait("a", "poison").get(10, TimeUnit.SECONDS);
        tailer.sendAndAwait("b", "fine").get(10, TimeUnit.SECONDS);
        assertThat(applied).containsExactly(Map.entry("b", "fine"));
    }

    @Test
    void shouldFailWaitsAndWritesOnceClosed(FerryCluster cluster) {
        StateTailer store = startState(cluster, oneStream(cluster, "closed"));
        store.tailer.close();
        CompletableFuture<Void> afterClose = store.tailer.readToEnd();
        assertThatThrownBy(() -> afterClose.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("not running");
        assertThatThrownBy(() -> store.tailer.send("k", "v"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not running");
    }

    @Test
    void shouldRefuseWritesWhenReadOnly(FerryCluster cluster) {
        TopicRequirements topic = oneStream(cluster, "read-only");
        CompactedTopicTailer<String, String> tailer = CompactedTopicTailer.builder(topic, Serdes.String(), Serdes.String())
                .clientConfig(cluster.clientConfig())
                .handler(record -> { })
                .readOnly()
                .build();
        opened.add(tailer);
        tailer.start(TIMEOUT);
        assertThatThrownBy(() -> tailer.send("k", "v")).hasMessageContaining("read-only");
    }

    /** Latest value per key, as the tailer thread applies records. */
    private static final class StateTailer {
        final Map<String, String> latest = new ConcurrentHashMap<>();
        final List<String> tombstones = Collections.synchronizedList(new ArrayList<>());
        final List<Long> offsetsSeen = Collections.synchronizedList(new ArrayList<>());
        CompactedTopicTailer<String, String> tailer;

        void apply(TailedRecord<String, String> record) {
            offsetsSeen.add(record.offset());
            if (record.isTombstone()) {
                latest.remove(record.key());
                tombstones.add(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
    }
}
