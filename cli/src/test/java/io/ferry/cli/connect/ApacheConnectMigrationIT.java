package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migration from Apache Kafka Connect 4.3.1 (distributed, run from Maven Central's jars as a separate
 * JVM) to {@code ferry connect distributed}: Apache runs two FileStreamSource connectors and is stopped;
 * Ferry picks each one up at the line Apache reached — once with a new config topic and group but
 * Apache's offsets topic (the connector created again through Ferry's REST API), once on all three of
 * Apache's topics and its group.id (the connector taken from Apache's config topic as it is).
 */
class ApacheConnectMigrationIT {
    private static final int LINES = 5_000;
    private static final int MORE_LINES = 1_000;
    private static final Duration APACHE_READY = Duration.ofSeconds(60);
    private static final Duration PIPELINE = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    /** A FileStreamSource connector: its name, input file and topic. */
    private record Source(String name, Path file, String topic) {
        Map<String, String> config() {
            return Map.of("connector.class", "FileStreamSource", "tasks.max", "1", "file", file.toString(), "topic", topic);
        }
    }

    @Test
    void shouldResumeApacheConnectorsAtTheLineApacheReached(FerryCluster kafka) throws Exception {
        Path plugins = ConnectFiles.pluginPath(dir);
        String group = kafka.uniqueTopicName("apache");
        Source recreated = source(kafka, "recreated");
        Source carried = source(kafka, "carried");

        // Apache: both connectors read their N lines, then the worker stops and commits their offsets.
        long started = System.nanoTime();
        Map<Source, Long> apachePositions = runOnApache(kafka, group, plugins, List.of(recreated, carried));
        System.out.printf("Apache Connect started, ran and stopped in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        for (Source source : List.of(recreated, carried)) {
            assertThat(apachePositions.get(source)).as("Apache's committed position of %s", source.name())
                    .isEqualTo(Files.size(source.file()));
            System.out.printf("%s: Apache wrote %d records to %s and committed position %d%n", source.name(), LINES, source.topic(),
                    apachePositions.get(source));
        }

        // A new Ferry cluster (new group, config and status topics) on Apache's offsets topic; the
        // connector is created again under its name, stopped first to read the offsets it inherits.
        appendLines(recreated, LINES, MORE_LINES);
        try (ConnectCluster ferry = new ConnectCluster(kafka, dir, kafka.uniqueTopicName("ferry"), plugins)) {
            ferry.common().put("offset.storage.topic", group + "-offsets");
            ferry.start("ferry-new");
            Map<String, Object> request = Map.of("name", recreated.name(), "config", recreated.config(), "initial_state", "STOPPED");
            ConnectCluster.Reply created = ferry.post("ferry-new", "/connectors", request);
            assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
            // Stopped, the connector has no task yet: nothing has read the file.
            await().atMost(PIPELINE).until(() -> ferry.get("ferry-new", "/connectors/" + recreated.name() + "/status").body()
                    .path("connector").path("state").asText(), "STOPPED"::equals);
            assertThat(offsetsThroughRest(ferry, "ferry-new", recreated)).as("offsets Ferry reads from Apache's topic")
                    .isEqualTo(apachePositions.get(recreated));
            assertThat(ferry.put("ferry-new", "/connectors/" + recreated.name() + "/resume", Map.of()).status()).isEqualTo(202);
            awaitEveryLineOnce(kafka, ferry, "ferry-new", recreated, LINES + MORE_LINES);
            assertThat(ferry.stop("ferry-new")).as("exit code").isZero();
            System.out.printf("Ferry on Apache's offsets topic done at %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }

        // Ferry on all three of Apache's topics and its group.id: the connectors come from Apache's
        // config topic, nothing is created again.
        try (ConnectCluster ferry = new ConnectCluster(kafka, dir, group, plugins)) {
            ferry.start("ferry-same");
            assertThat(names(ferry.get("ferry-same", "/connectors").body())).containsExactlyInAnyOrder(recreated.name(), carried.name());
            await().atMost(PIPELINE).untilAsserted(() -> assertThat(ferry.taskPlacement("ferry-same"))
                    .containsEntry(carried.name(), List.of("RUNNING@ferry-same"))
                    .containsEntry(recreated.name(), List.of("RUNNING@ferry-same")));
            // The file has not grown yet: the task waits at Apache's position, which is all there is to read.
            assertThat(offsetsThroughRest(ferry, "ferry-same", carried)).as("offsets Ferry reads from Apache's topic")
                    .isEqualTo(apachePositions.get(carried));
            appendLines(carried, LINES, MORE_LINES);
            awaitEveryLineOnce(kafka, ferry, "ferry-same", carried, LINES + MORE_LINES);
            // The connector the first Ferry cluster moved on stays where that cluster left it.
            awaitEveryLineOnce(kafka, ferry, "ferry-same", recreated, LINES + MORE_LINES);
            assertThat(ferry.stop("ferry-same")).as("exit code").isZero();
            System.out.printf("Ferry on Apache's three topics done at %d ms%n", (System.nanoTime() - started) / 1_000_000);
        }
    }

    private Source source(FerryCluster kafka, String name) throws Exception {
        Source source = new Source(name, dir.resolve(name + ".txt"), kafka.uniqueTopicName(name));
        Files.createFile(source.file());
        appendLines(source, 0, LINES);
        kafka.createTopic(source.topic(), 1);
        return source;
    }

    private static void appendLines(Source source, int from, int count) throws Exception {
        Files.write(source.file(), IntStream.range(from, from + count).mapToObj(k -> source.name() + " line " + k).toList(),
                StandardOpenOption.APPEND);
    }

    /** Runs the connectors on one Apache worker until their topics are complete; its committed positions after a SIGTERM. */
    private Map<Source, Long> runOnApache(FerryCluster kafka, String group, Path plugins, List<Source> sources) throws Exception {
        Map<String, String> settings = ConnectCluster.workerSettings(kafka, group, plugins);
        try (ApacheConnectWorker apache = ApacheConnectWorker.start(dir, settings, APACHE_READY)) {
            for (Source source : sources) {
                ConnectCluster.Reply created = apache.post("/connectors", Map.of("name", source.name(), "config", source.config()));
                assertThat(created.status()).as("Apache's answer %s; log:\n%s", created.body(), apache.logTail()).isEqualTo(201);
            }
            for (Source source : sources) {
                await().atMost(PIPELINE).until(() -> records(kafka, source.topic()) >= LINES);
                // Wait for a commit that covers every line, so the shutdown below is not the only one.
                long end = Files.size(source.file());
                await().atMost(PIPELINE).until(() -> committedPositions(kafka, group + "-offsets").get(source.name()),
                        position -> position != null && position == end);
            }
            // A JVM ended by SIGTERM exits with 128 + 15 once its shutdown hook (Apache's clean stop) has run.
            assertThat(apache.stop(Duration.ofSeconds(60))).as("Apache's exit code").isEqualTo(143);
            assertThat(apache.logTail()).contains("Kafka Connect stopped");
        }
        for (Source source : sources) {
            assertThat(records(kafka, source.topic())).as("records Apache wrote to %s", source.topic()).isEqualTo(LINES);
        }
        Map<String, Long> committed = committedPositions(kafka, group + "-offsets");
        return sources.stream().collect(Collectors.toMap(Function.identity(), source -> committed.get(source.name())));
    }

    /**
     * Connector name → the {@code position} of its latest record in the offsets topic, read with a
     * plain consumer: key {@code ["<connector>",{"filename":"…"}]}, value {@code {"position":<bytes>}}.
     */
    private static Map<String, Long> committedPositions(FerryCluster kafka, String topic) throws Exception {
        Map<String, Long> positions = new HashMap<>();
        List<ConsumerRecord<String, String>> records = kafka.consumeAll(topic, Duration.ofSeconds(10));
        for (ConsumerRecord<String, String> record : records) {
            JsonNode key = ConnectCluster.JSON.readTree(record.key());
            String connector = key.get(0).asText();
            if (record.value() == null) {
                positions.remove(connector);
            } else {
                positions.put(connector, ConnectCluster.JSON.readTree(record.value()).get("position").asLong());
            }
        }
        return positions;
    }

    private static long offsetsThroughRest(ConnectCluster ferry, String worker, Source source) throws Exception {
        ConnectCluster.Reply reply = ferry.get(worker, "/connectors/" + source.name() + "/offsets");
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        JsonNode offsets = reply.body().path("offsets");
        assertThat(offsets).as("%s", reply.body()).hasSize(1);
        assertThat(offsets.get(0).path("partition").path("filename").asText()).isEqualTo(source.file().toString());
        return offsets.get(0).path("offset").path("position").asLong();
    }

    /**
     * Waits until Ferry's committed position reaches the end of the file — every line was acknowledged
     * by Kafka — then reads the topic: exactly {@code lines} records, line k once.
     */
    private static void awaitEveryLineOnce(FerryCluster kafka, ConnectCluster ferry, String worker, Source source, int lines)
            throws Exception {
        long end = Files.size(source.file());
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(offsetsThroughRest(ferry, worker, source)).isEqualTo(end));
        List<String> values = kafka.consumeAll(source.topic(), Duration.ofSeconds(30)).stream().map(ConsumerRecord::value).toList();
        assertThat(values).as("records of %s", source.topic()).hasSize(lines)
                .containsExactlyElementsOf(IntStream.range(0, lines).mapToObj(k -> source.name() + " line " + k).toList());
        System.out.printf("%s: Apache's lines and the new ones on %s, %d records, each once; position %d%n", source.name(),
                source.topic(), values.size(), end);
    }

    private static long records(FerryCluster kafka, String topic) throws Exception {
        TopicPartition partition = new TopicPartition(topic, 0);
        return kafka.admin().listOffsets(Map.of(partition, OffsetSpec.latest())).all().get().get(partition).offset();
    }

    private static List<String> names(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
