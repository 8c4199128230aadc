package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.serde.avro.KafkaAvroSerializer;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad bytes in front of Ferry's AvroConverter in a sink are routed by the connector's error handling:
 * with {@code errors.tolerance=all} every good record reaches the sink and each bad one — no magic byte,
 * an unknown schema id, a truncated payload — lands in the dead-letter queue unchanged, with headers
 * that name the converter and the error; with the default tolerance the task fails with that error.
 */
class AvroConverterErrorHandlingIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Schema LINE = new Schema.Parser().parse(
            "{\"type\":\"record\",\"name\":\"Line\",\"fields\":[{\"name\":\"line\",\"type\":\"string\"}]}");

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldSendUndecodableRecordsToTheDeadLetterQueueAndDeliverTheRest(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("avro-mixed");
        String dlq = cluster.uniqueTopicName("avro-dlq");
        cluster.createTopic(topic, 1);
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            List<byte[]> bad = produceMixed(cluster, registry, topic);
            Path output = dir.resolve("out.txt");
            Map<String, String> sink = sink("tolerant", topic, output);
            sink.put("errors.tolerance", "all");
            sink.put("errors.deadletterqueue.topic.name", dlq);
            sink.put("errors.deadletterqueue.topic.replication.factor", "1");
            sink.put("errors.deadletterqueue.context.headers.enable", "true");

            try (StandaloneConnect connect = StandaloneConnect.start(worker(cluster, registry), List.of(
                    new ConnectorRequest("tolerant", sink, TargetState.STARTED)), "test")) {
                await().atMost(WAIT).until(() -> Files.exists(output) && Files.readAllLines(output).size() >= 3);
                List<ConsumerRecord<byte[], byte[]>> dead = consume(cluster, dlq, 3);
                assertThat(dead).hasSize(3);
                for (int i = 0; i < 3; i++) {
                    ConsumerRecord<byte[], byte[]> record = dead.get(i);
                    assertThat(record.value()).as("dead record %d keeps its bytes", i).isEqualTo(bad.get(i));
                    assertThat(header(record, "__connect.errors.stage")).isEqualTo("VALUE_CONVERTER");
                    assertThat(header(record, "__connect.errors.class.name")).isEqualTo("io.ferry.serde.connect.AvroConverter");
                    assertThat(header(record, "__connect.errors.exception.class.name"))
                            .isEqualTo("org.apache.kafka.connect.errors.DataException");
                    assertThat(header(record, "__connect.errors.exception.message")).contains(topic);
                    assertThat(header(record, "__connect.errors.topic")).isEqualTo(topic);
                }
                assertThat(header(dead.get(0), "__connect.errors.exception.message")).containsIgnoringCase("magic byte");
                assertThat(header(dead.get(1), "__connect.errors.exception.message")).contains("99");
                assertThat(header(dead.get(2), "__connect.errors.exception.message")).contains("truncated");
                Thread.sleep(500);
                assertThat(Files.readAllLines(output)).containsExactly("good 1", "good 2", "good 3");
            }
        }
    }

    @Test
    void shouldFailTheTaskOnTheFirstUndecodableRecordByDefault(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("avro-strict");
        cluster.createTopic(topic, 1);
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            produceMixed(cluster, registry, topic);
            Path output = dir.resolve("strict.txt");
            try (StandaloneConnect connect = StandaloneConnect.start(worker(cluster, registry), List.of(
                    new ConnectorRequest("strict", sink("strict", topic, output), TargetState.STARTED)), "test")) {
                await().atMost(WAIT).until(() -> taskState(connect.herder().connectorStatus("strict")) == State.FAILED);
                String trace = connect.herder().connectorStatus("strict").tasks().get(0).state().trace();
                assertThat(trace).contains("DataException").containsIgnoringCase("magic byte").contains(topic);
            }
            // As in Apache's runtime, a batch is converted before it is put, so the failure stops the batch.
            assertThat(Files.exists(output) ? Files.readAllLines(output) : List.of()).doesNotContain("good 2", "good 3");
        }
    }

    /** Writes good 1, no magic byte, good 2, unknown id 99, good 3, truncated; returns the three bad values. */
    private static List<byte[]> produceMixed(FerryCluster cluster, RegistryServer registry, String topic) throws Exception {
        byte[] good1;
        byte[] good2;
        byte[] good3;
        try (KafkaAvroSerializer serializer = new KafkaAvroSerializer()) {
            serializer.configure(Map.of("schema.registry.url", registry.url()), false);
            good1 = serializer.serialize(topic, line("good 1"));
            good2 = serializer.serialize(topic, line("good 2"));
            good3 = serializer.serialize(topic, line("good 3"));
        }
        byte[] noMagic = "plain text, not Avro".getBytes(StandardCharsets.UTF_8);
        byte[] unknownId = Arrays.copyOf(good1, good1.length);
        unknownId[1] = 0;
        unknownId[2] = 0;
        unknownId[3] = 0;
        unknownId[4] = 99;
        byte[] truncated = Arrays.copyOf(good3, good3.length - 3);
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            for (byte[] value : List.of(good1, noMagic, good2, unknownId, good3, truncated)) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
        return List.of(noMagic, unknownId, truncated);
    }

    private static GenericRecord line(String text) {
        GenericRecord record = new GenericData.Record(LINE);
        record.put("line", text);
        return record;
    }

    private Map<String, String> worker(FerryCluster cluster, RegistryServer registry) throws Exception {
        return FileStreamConverterPipeline.worker(cluster, registry.url(), "io.ferry.serde.connect.AvroConverter",
                dir.resolve(java.util.UUID.randomUUID().toString()));
    }

    private static Map<String, String> sink(String name, String topic, Path output) {
        Map<String, String> sink = new HashMap<>();
        sink.put("name", name);
        sink.put("connector.class", "FileStreamSink");
        sink.put("file", output.toString());
        sink.put("topics", topic);
        sink.put("transforms", "unwrap");
        sink.put("transforms.unwrap.type", "org.apache.kafka.connect.transforms.ExtractField$Value");
        sink.put("transforms.unwrap.field", "line");
        return sink;
    }

    private static State taskState(ConnectorStatus status) {
        return status.tasks().isEmpty() ? null : status.tasks().get(0).state().state();
    }

    private static List<ConsumerRecord<byte[], byte[]>> consume(FerryCluster cluster, String topic, int count) {
        try (var consumer = cluster.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                if (consumer.assignment().isEmpty()) {
                    try {
                        consumer.assign(List.of(partition));
                        consumer.seekToBeginning(List.of(partition));
                    } catch (RuntimeException notYetCreated) {
                        continue;
                    }
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
