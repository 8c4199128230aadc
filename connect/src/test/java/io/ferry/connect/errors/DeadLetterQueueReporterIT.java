package io.ferry.connect.errors;

import static io.ferry.connect.errors.DeadLetterQueueRecordsTest.texts;
import static io.ferry.connect.errors.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.model.TaskId;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.transforms.RegexRouter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** The dead-letter queue on a real broker: its topic, and the records and headers it receives. */
class DeadLetterQueueReporterIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static final TaskId TASK = new TaskId("orders-sink", 0);
    private final CountingMetrics metrics = new CountingMetrics();

    private DeadLetterQueueReporter reporter(FerryCluster cluster, DeadLetterQueueSettings settings) {
        return DeadLetterQueueReporter.create(settings, cluster.clientConfig(), cluster.clientConfig(), metrics);
    }

    private static TopicDescription describe(FerryCluster cluster, String topic) throws Exception {
        return cluster.admin().describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic);
    }

    @Test
    void shouldCreateAMissingTopicWithOnePartition(FerryCluster cluster) throws Exception {
        String dlq = cluster.uniqueTopicName("dlq");

        reporter(cluster, new DeadLetterQueueSettings(dlq, (short) 1, false, TASK)).close();

        TopicDescription topic = describe(cluster, dlq);
        assertThat(topic.partitions()).hasSize(1);
        assertThat(topic.partitions().get(0).replicas()).hasSize(1);
    }

    @Test
    void shouldLowerTheDefaultReplicationFactorToTheBrokerCountWithAWarning(FerryCluster cluster) throws Exception {
        String dlq = cluster.uniqueTopicName("dlq");
        DeadLetterQueueSettings settings = DeadLetterQueueSettings
                .from(TestConfigs.sink(Map.of("errors.deadletterqueue.topic.name", dlq)), TASK).orElseThrow();
        Logger logger = (Logger) LoggerFactory.getLogger(DeadLetterQueueReporter.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            reporter(cluster, settings).close();
        } finally {
            logger.detachAppender(logged);
        }

        assertThat(settings.replicationFactor()).isEqualTo((short) 3);
        assertThat(describe(cluster, dlq).partitions().get(0).replicas()).hasSize(cluster.brokerCount());
        assertThat(logged.list).filteredOn(event -> event.getLevel() == Level.WARN).singleElement()
                .extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains(dlq, "replication factor 1 instead of the default 3", "errors.deadletterqueue.topic.replication.factor");
    }

    @Test
    void shouldRefuseAnExplicitReplicationFactorTheClusterCannotMeet(FerryCluster cluster) {
        String dlq = cluster.uniqueTopicName("dlq");
        DeadLetterQueueSettings settings = DeadLetterQueueSettings.from(TestConfigs.sink(Map.of(
                "errors.deadletterqueue.topic.name", dlq, "errors.deadletterqueue.topic.replication.factor", "3")), TASK).orElseThrow();

        assertThatThrownBy(() -> reporter(cluster, settings))
                .isInstanceOf(ConnectException.class)
                .hasMessageContaining("Could not initialize dead letter queue with topic=" + dlq);
    }

    @Test
    void shouldWriteTheConsumedBytesWithApachesContextHeaders(FerryCluster cluster) throws Exception {
        String orders = cluster.uniqueTopicName("orders");
        String dlq = cluster.uniqueTopicName("dlq");
        cluster.createTopic(orders, 1);
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", utf8("abc"));
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(orders, 0, 1234L, utf8("key-7"), utf8("{not json"), headers)).get();
        }
        ConsumerRecord<byte[], byte[]> consumed = RawRecords.read(cluster, orders, 1).get(0);
        SinkConnectorConfig config = TestConfigs.sink(Map.of("topics", orders, "errors.tolerance", "all",
                "errors.deadletterqueue.topic.name", dlq, "errors.deadletterqueue.context.headers.enable", "true",
                "errors.deadletterqueue.topic.replication.factor", "1"));
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of(), false);
        ProcessingContext context = ProcessingContext.forSink(consumed);

        try (RetryWithTolerance handler = ErrorReporters.errorHandler(TASK, config, cluster.clientConfig(), cluster.clientConfig(),
                metrics, Time.SYSTEM)) {
            Object converted = handler.execute(context, Stage.VALUE_CONVERTER, JsonConverter.class,
                    () -> converter.toConnectData(orders, consumed.value()));
            assertThat(converted).isNull();
            context.reported().get(30, TimeUnit.SECONDS);
        }

        ConsumerRecord<byte[], byte[]> dead = RawRecords.read(cluster, dlq, 1).get(0);
        assertThat(dead.key()).isEqualTo(utf8("key-7"));
        assertThat(dead.value()).isEqualTo(utf8("{not json"));
        assertThat(dead.timestamp()).isEqualTo(1234L);
        Map<String, String> dlqHeaders = texts(dead.headers());
        assertThat(dlqHeaders).containsEntry("trace", "abc")
                .containsEntry("__connect.errors.topic", orders)
                .containsEntry("__connect.errors.partition", "0")
                .containsEntry("__connect.errors.offset", "0")
                .containsEntry("__connect.errors.connector.name", "orders-sink")
                .containsEntry("__connect.errors.task.id", "0")
                .containsEntry("__connect.errors.stage", "VALUE_CONVERTER")
                .containsEntry("__connect.errors.class.name", JsonConverter.class.getName())
                .containsEntry("__connect.errors.exception.class.name", DataException.class.getName())
                .containsEntry("__connect.errors.exception.message", context.error().getMessage());
        assertThat(dlqHeaders.get("__connect.errors.exception.stacktrace")).startsWith(DataException.class.getName() + ": ");
        assertThat(metrics.deadLetterRequests).hasValue(1);
        assertThat(metrics.deadLetterFailures).hasValue(0);
    }

    @Test
    void shouldWriteAFailedSourceRecordAsJsonWithItsSchemas(FerryCluster cluster) throws Exception {
        String dlq = cluster.uniqueTopicName("dlq");
        SourceConnectorConfig config = new SourceConnectorConfig(Map.of("name", "lines-source", "connector.class", "FileStreamSource",
                "errors.tolerance", "all", "errors.deadletterqueue.topic.name", dlq,
                "errors.deadletterqueue.context.headers.enable", "true"));
        SourceRecord record = TestRecords.source("lines", "k1", "hello");
        ProcessingContext context = ProcessingContext.forSource(record);

        try (RetryWithTolerance handler = ErrorReporters.errorHandler(new TaskId("lines-source", 1), config, cluster.clientConfig(),
                cluster.clientConfig(), metrics, Time.SYSTEM)) {
            handler.execute(context, Stage.TRANSFORMATION, RegexRouter.class, () -> {
                throw new DataException("cannot route");
            });
            context.reported().get(30, TimeUnit.SECONDS);
        }

        ConsumerRecord<byte[], byte[]> dead = RawRecords.read(cluster, dlq, 1).get(0);
        assertThat(new String(dead.key(), "UTF-8")).isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"k1\"}");
        assertThat(new String(dead.value(), "UTF-8"))
                .isEqualTo("{\"schema\":{\"type\":\"string\",\"optional\":false},\"payload\":\"hello\"}");
        assertThat(dead.timestamp()).isEqualTo(TestRecords.TIMESTAMP);
        assertThat(texts(dead.headers())).containsEntry("__connect.errors.topic", "lines")
                .containsEntry("__connect.errors.connector.name", "lines-source")
                .containsEntry("__connect.errors.task.id", "1")
                .containsEntry("__connect.errors.stage", "TRANSFORMATION")
                .containsEntry("__connect.errors.exception.message", "cannot route")
                .doesNotContainKeys("__connect.errors.partition", "__connect.errors.offset");
    }

    @Test
    void shouldFailTheReportWhenKafkaRefusesTheDeadLetterRecord(FerryCluster cluster) {
        String dlq = cluster.uniqueTopicName("dlq");
        Map<String, Object> producerConfig = cluster.clientConfig();
        producerConfig.put("max.request.size", 1024);
        ConsumerRecord<byte[], byte[]> large = TestRecords.consumed("orders", 0, 5, "k", "x".repeat(4096));
        ProcessingContext context = TestRecords.failed(ProcessingContext.forSink(large), Stage.TASK_PUT, Object.class,
                new DataException("no"));

        try (DeadLetterQueueReporter reporter = DeadLetterQueueReporter.create(new DeadLetterQueueSettings(dlq, (short) 1, false, TASK),
                producerConfig, cluster.clientConfig(), metrics)) {
            Future<?> report = reporter.report(context);

            assertThatThrownBy(() -> report.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(RecordTooLargeException.class);
        }
        assertThat(metrics.deadLetterRequests).hasValue(1);
        assertThat(metrics.deadLetterFailures).hasValue(1);
    }
}
