package io.ferry.cli.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.cli.FerryProcess;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ferry dev} as a user runs it: one process serves Kafka, the registry and a Connect worker whose
 * converters use the registry; a JDBC source created over REST turns an SQLite table into Avro records;
 * SIGTERM stops everything with exit 0, and the next start on the same folder finds the topic and the
 * schema again.
 */
class FerryDevCommandIT {
    private static final Duration READY = Duration.ofSeconds(180);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    @Test
    void shouldRunKafkaTheRegistryAndAWorkerThatWritesAvroThroughTheRegistry() throws Exception {
        Path data = dir.resolve("dev");
        Path database = dir.resolve("demo.db");
        try (Connection sqlite = DriverManager.getConnection("jdbc:sqlite:" + database); Statement sql = sqlite.createStatement()) {
            sql.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT NOT NULL)");
            sql.execute("INSERT INTO items (name) VALUES ('apple'), ('pear'), ('plum')");
        }
        String[] command = {"dev", "--data-dir", data.toString(), "--kafka-port", "0", "--registry-port", "0", "--connect-port", "0"};

        try (FerryProcess dev = FerryProcess.start(command)) {
            dev.awaitLine("Ferry dev ready", READY);
            String bootstrap = after(dev, "Kafka ready at ");
            String registry = after(dev, "Schema registry ready at ");
            String connect = after(dev, "Connect worker ready at ");
            assertThat(dev.stdout()).hasSize(4);

            assertThat(get(connect + "connector-plugins").findValuesAsText("class"))
                    .contains("io.ferry.connectors.jdbc.source.JdbcSourceConnector", "io.ferry.connectors.jdbc.sink.JdbcSinkConnector",
                            "io.ferry.connectors.datagen.DatagenSourceConnector");
            String body = JSON.writeValueAsString(Map.of("name", "items", "config", Map.of(
                    "connector.class", "io.ferry.connectors.jdbc.source.JdbcSourceConnector",
                    "connection.url", "jdbc:sqlite:" + database, "mode", "incrementing", "incrementing.column.name", "id",
                    "table.whitelist", "items", "topic.prefix", "dev-", "poll.interval.ms", "200")));
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(connect + "connectors"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> get(registry + "/subjects").toString().contains("dev-items-value"));
            int id = get(registry + "/subjects/dev-items-value/versions/1").path("id").asInt();
            List<ConsumerRecord<byte[], byte[]>> records = read(bootstrap, "dev-items", 3);
            assertThat(records).hasSize(3).allSatisfy(record -> {
                assertThat(record.value()[0]).as("magic byte").isZero();
                assertThat(java.nio.ByteBuffer.wrap(record.value(), 1, 4).getInt()).as("schema id").isEqualTo(id);
            });

            dev.signal("TERM");
            assertThat(dev.awaitExit(Duration.ofSeconds(60))).isZero();
        }

        try (FerryProcess again = FerryProcess.start(command)) {
            again.awaitLine("Ferry dev ready", READY);
            assertThat(get(after(again, "Schema registry ready at ") + "/subjects").toString()).contains("dev-items-value");
            assertThat(read(after(again, "Kafka ready at "), "dev-items", 3)).hasSize(3);
            again.signal("INT");
            assertThat(again.awaitExit(Duration.ofSeconds(60))).isZero();
        }
    }

    private static String after(FerryProcess process, String prefix) {
        return process.stdout().stream().filter(line -> line.startsWith(prefix)).findFirst()
                .map(line -> line.substring(prefix.length()).trim()).orElseThrow();
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<ConsumerRecord<byte[], byte[]>> read(String bootstrap, String topic, int count) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
