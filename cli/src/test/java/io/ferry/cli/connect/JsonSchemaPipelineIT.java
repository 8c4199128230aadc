package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector pipeline through the schema registry with JSON Schema: Apache's FileStream source, an SMT that
 * makes each line a struct, Ferry's JsonSchemaConverter registering the struct's JSON Schema and writing
 * {@code 0 | id | JSON} to the topic — and back out through the same converter, an SMT and the FileStream
 * sink. Nothing in the pipeline is test code.
 */
class JsonSchemaPipelineIT {
    private static final int LINES = 5_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCarryStructsThroughTheRegistryAndBackUnchanged(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("json-lines");
        cluster.createTopic(topic, 1);
        Path input = dir.resolve("in.txt");
        Path output = dir.resolve("out.txt");
        List<String> lines = IntStream.range(0, LINES).mapToObj(i -> "record " + i).toList();
        Files.write(input, lines);

        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            Map<String, String> worker = new HashMap<>();
            worker.put("bootstrap.servers", cluster.bootstrapServers());
            worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
            worker.put("value.converter", "io.ferry.serde.connect.json.JsonSchemaConverter");
            worker.put("value.converter.schema.registry.url", registry.url());
            worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
            worker.put("offset.flush.interval.ms", "500");
            worker.put("listeners", "http://127.0.0.1:0");
            worker.put("plugin.path", ConnectFiles.pluginPath(dir).toString());

            Map<String, String> source = Map.of("name", "lines-in", "connector.class", "FileStreamSource", "file", input.toString(),
                    "topic", topic, "transforms", "struct", "transforms.struct.type", "org.apache.kafka.connect.transforms.HoistField$Value",
                    "transforms.struct.field", "line");
            Map<String, String> sink = Map.of("name", "lines-out", "connector.class", "FileStreamSink", "file", output.toString(),
                    "topics", topic, "transforms", "unwrap", "transforms.unwrap.type",
                    "org.apache.kafka.connect.transforms.ExtractField$Value", "transforms.unwrap.field", "line");
            try (StandaloneConnect connect = StandaloneConnect.start(worker, List.of(
                    new ConnectorRequest("lines-in", source, TargetState.STARTED),
                    new ConnectorRequest("lines-out", sink, TargetState.STARTED)), "test")) {
                await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(output) && Files.readAllLines(output).size() >= LINES);
            }
            assertThat(Files.readAllLines(output)).isEqualTo(lines);

            JsonNode latest = get(registry.url() + "/subjects/" + topic + "-value/versions/latest");
            assertThat(latest.path("version").asInt()).isEqualTo(1);
            assertThat(latest.path("schemaType").asText()).isEqualTo("JSON");
            assertThat(latest.path("schema").asText())
                    .isEqualTo("{\"type\":\"object\",\"properties\":{\"line\":{\"type\":\"string\",\"connect.index\":0}}}");
            int id = latest.path("id").asInt();

            List<ConsumerRecord<byte[], byte[]>> raw = rawRecords(cluster, topic);
            assertThat(raw).hasSize(LINES);
            for (int i = 0; i < LINES; i++) {
                ByteBuffer value = ByteBuffer.wrap(raw.get(i).value());
                assertThat(value.get()).as("magic byte").isZero();
                assertThat(value.getInt()).as("schema id").isEqualTo(id);
                assertThat(new String(raw.get(i).value(), 5, raw.get(i).value().length - 5, StandardCharsets.UTF_8))
                        .isEqualTo("{\"line\":\"" + lines.get(i) + "\"}");
            }
        }
    }

    private static List<ConsumerRecord<byte[], byte[]>> rawRecords(FerryCluster cluster, String topic) {
        try (var consumer = cluster.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < LINES && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
