package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.testplugins.Recordings;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Error tolerance and dead-letter queues on a running worker, for sinks (Apache's) and sources (Ferry's). */
class ErrorHandlingIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Test
    void shouldSendRecordsASinkCannotConvertToTheDeadLetterQueueWithTheirContext(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("json-in");
        String dlq = cluster.uniqueTopicName("json-dlq");
        cluster.createTopic(topic, 1);
        cluster.produce(topic, "k1", "{\"ok\": 1}");
        cluster.produce(topic, "k2", "this is not json");
        cluster.produce(topic, "k3", "{\"ok\": 3}");
        Map<String, String> sink = new HashMap<>();
        sink.put("name", "dlq-sink");
        sink.put("connector.class", "RecordingSink");
        sink.put("topics", topic);
        sink.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        sink.put("value.converter.schemas.enable", "false");
        sink.put("errors.tolerance", "all");
        sink.put("errors.log.enable", "true");
        sink.put("errors.deadletterqueue.topic.name", dlq);
        sink.put("errors.deadletterqueue.topic.replication.factor", "1");
        sink.put("errors.deadletterqueue.context.headers.enable", "true");

        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("dlq-sink", sink, TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> Recordings.of("dlq-sink").values().size() >= 2);
            List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 1, WAIT);
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("k2");
                assertThat(record.value()).isEqualTo("this is not json");
                assertThat(header(record, "__connect.errors.topic")).isEqualTo(topic);
                assertThat(header(record, "__connect.errors.partition")).isEqualTo("0");
                assertThat(header(record, "__connect.errors.offset")).isEqualTo("1");
                assertThat(header(record, "__connect.errors.connector.name")).isEqualTo("dlq-sink");
                assertThat(header(record, "__connect.errors.task.id")).isEqualTo("0");
                assertThat(header(record, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
                assertThat(header(record, "__connect.errors.class.name")).isEqualTo("org.apache.kafka.connect.json.JsonConverter");
                assertThat(header(record, "__connect.errors.exception.class.name"))
                        .isEqualTo("org.apache.kafka.connect.errors.DataException");
            });
            assertThat(Recordings.of("dlq-sink").values()).containsExactly(Map.of("ok", 1L), Map.of("ok", 3L));
            assertThat(connect.herder().connectorStatus("dlq-sink").tasks().get(0).state().state().name()).isEqualTo("RUNNING");
        }
    }

    @Test
    void shouldSkipAndDeadLetterSourceRecordsATransformationFailsOn(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("source-out");
        String dlq = cluster.uniqueTopicName("source-dlq");
        cluster.createTopic(topic, 1);
        Map<String, String> source = new HashMap<>();
        source.put("name", "tolerant-source");
        source.put("connector.class", "SequenceSource");
        source.put("topic", topic);
        source.put("records.per.partition", "100");
        source.put("poison.every", "10");
        source.put("transforms", "extract");
        source.put("transforms.extract.type", "org.apache.kafka.connect.transforms.ExtractField$Value");
        source.put("transforms.extract.field", "missing");
        source.put("transforms.extract.predicate", "poisoned");
        source.put("predicates", "poisoned");
        source.put("predicates.poisoned.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        source.put("predicates.poisoned.name", "poison");
        source.put("errors.tolerance", "all");
        source.put("errors.deadletterqueue.topic.name", dlq);
        source.put("errors.deadletterqueue.topic.replication.factor", "1");
        source.put("errors.deadletterqueue.context.headers.enable", "true");

        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("tolerant-source", source, TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) >= 90);
            List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 10, WAIT);
            assertThat(dead).hasSize(10).allSatisfy(record -> {
                assertThat(header(record, "__connect.errors.stage")).isEqualTo("TRANSFORMATION");
                assertThat(header(record, "__connect.errors.topic")).isEqualTo(topic);
                assertThat(record.value()).contains("\"payload\"");
            });
            // Skipped records still count as handled: the committed offset passes them.
            await().atMost(WAIT).untilAsserted(() -> assertThat(connect.herder().connectorOffsets("tolerant-source").get().offsets())
                    .singleElement().satisfies(offset -> assertThat(offset.offset()).isEqualTo(Map.of("n", 99L))));
        }
        List<ConsumerRecord<String, String>> delivered = cluster.consumeAll(topic, WAIT);
        assertThat(delivered).hasSize(90).noneMatch(record -> record.value().endsWith("0"));
    }
}
