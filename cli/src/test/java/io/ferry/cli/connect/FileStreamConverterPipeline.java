package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * A standalone worker running Apache's FileStream source → {@code HoistField} (each line a struct with field
 * {@code line}) → a registry value converter → topic → the same converter → {@code ExtractField} → FileStream
 * sink, against a Ferry registry: what the pipeline ITs of each converter share.
 */
final class FileStreamConverterPipeline {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What a run left: the input and output lines, the subject's latest version, the raw records of the topic. */
    record Result(List<String> input, List<String> output, JsonNode latest, List<ConsumerRecord<byte[], byte[]>> raw) {

        /**
         * What every converter's pipeline must show: every line back unchanged, one version of {@code schemaType}
         * registered, and every record on the topic framed with the magic byte and that version's id.
         *
         * @return each record's bytes after the 5-byte header, for the format's own checks
         */
        List<byte[]> assertCarriedUnchanged(String schemaType) {
            assertThat(output).isEqualTo(input);
            assertThat(latest.path("version").asInt()).isEqualTo(1);
            assertThat(latest.path("schemaType").asText("AVRO")).isEqualTo(schemaType);
            int id = latest.path("id").asInt();
            assertThat(raw).hasSize(input.size());
            List<byte[]> payloads = new ArrayList<>();
            for (ConsumerRecord<byte[], byte[]> record : raw) {
                ByteBuffer value = ByteBuffer.wrap(record.value());
                assertThat(value.get()).as("magic byte").isZero();
                assertThat(value.getInt()).as("schema id").isEqualTo(id);
                payloads.add(Arrays.copyOfRange(record.value(), 5, record.value().length));
            }
            return payloads;
        }
    }

    private FileStreamConverterPipeline() {
    }

    static Result run(FerryCluster cluster, Path dir, String topic, String converterClass, int lines) throws Exception {
        cluster.createTopic(topic, 1);
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        List<String> written = IntStream.range(0, lines).mapToObj(i -> "record " + i).toList();
        Files.write(input, written);

        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            Map<String, String> worker = worker(cluster, registry.url(), converterClass, dir);
            worker.put("offset.flush.interval.ms", "500");

            Map<String, String> source = Map.of("name", "lines-in", "connector.class", "FileStreamSource", "file", input.toString(),
                    "topic", topic, "transforms", "struct", "transforms.struct.type", "org.apache.kafka.connect.transforms.HoistField$Value",
                    "transforms.struct.field", "line");
            Map<String, String> sink = Map.of("name", "lines-out", "connector.class", "FileStreamSink", "file", output.toString(),
                    "topics", topic, "transforms", "unwrap", "transforms.unwrap.type",
                    "org.apache.kafka.connect.transforms.ExtractField$Value", "transforms.unwrap.field", "line");
            try (StandaloneConnect connect = StandaloneConnect.start(worker, List.of(
                    new ConnectorRequest("lines-in", source, TargetState.STARTED),
                    new ConnectorRequest("lines-out", sink, TargetState.STARTED)), "test")) {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(output) && Files.readAllLines(output).size() >= lines);
            }
            JsonNode latest = get(registry.url() + "/subjects/" + topic + "-value/versions/latest");
            return new Result(written, Files.readAllLines(output), latest, rawRecords(cluster, topic, lines));
        }
    }

    /**
     * A standalone worker's settings: string keys, {@code converterClass} for values against the registry at
     * {@code registryUrl}, offsets and the FileStream plugin folder under {@code dir}, REST on a free port.
     */
    static Map<String, String> worker(FerryCluster cluster, String registryUrl, String converterClass, Path dir) throws Exception {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", cluster.bootstrapServers());
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", converterClass);
        worker.put("value.converter.schema.registry.url", registryUrl);
        worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        worker.put("listeners", "http://127.0.0.1:0");
        worker.put("plugin.path", ConnectFiles.pluginPath(dir).toString());
        return worker;
    }

    private static List<ConsumerRecord<byte[], byte[]>> rawRecords(FerryCluster cluster, String topic, int expected) {
        try (var consumer = cluster.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
