package io.ferry.connectors.datagen;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * A real standalone Ferry worker on the test cluster running the datagen connector (string keys, values as
 * schemaless JSON, offsets in a file of the test's folder), and reading back what it wrote.
 */
final class DatagenWorkerFixture {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One record as the topic holds it: which task and sequence made it, its key and its value. */
    record Generated(int task, long sequence, String key, Map<String, Object> value) {
    }

    private DatagenWorkerFixture() {
    }

    static Map<String, String> workerSettings(FerryCluster cluster, Path dir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter.schemas.enable", "false");
        settings.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        settings.put("offset.flush.interval.ms", "300");
        settings.put("listeners", "http://127.0.0.1:0");
        return settings;
    }

    static Map<String, String> connector(String name, String topic, String... pairs) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", DatagenSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("kafka.topic", topic);
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    static StandaloneConnect start(Map<String, String> settings, Map<String, String> connector) {
        return StandaloneConnect.start(settings,
                List.of(new ConnectorRequest(connector.get("name"), new HashMap<>(connector), TargetState.STARTED)), "test");
    }

    /** Waits until the topic holds at least {@code count} records, then returns them all. */
    static List<Generated> awaitRecords(FerryCluster cluster, String topic, long count) throws Exception {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> cluster.recordCount(topic) >= count);
        return records(cluster, topic);
    }

    static List<Generated> records(FerryCluster cluster, String topic) throws Exception {
        List<Generated> records = new ArrayList<>();
        for (ConsumerRecord<String, String> record : cluster.consumeAll(topic, Duration.ofSeconds(30))) {
            records.add(new Generated(Integer.parseInt(header(record, "datagen.task")), Long.parseLong(header(record, "datagen.sequence")),
                    record.key(), JSON.readValue(record.value(), new TypeReference<Map<String, Object>>() { })));
        }
        return records;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null) {
            throw new AssertionError("record at offset " + record.offset() + " has no header " + name);
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    /** Waits until every task of the connector is RUNNING. */
    static void awaitRunning(StandaloneConnect connect, String name, int tasks) {
        await().atMost(WAIT).until(() -> {
            var status = connect.herder().connectorStatus(name);
            return status.connector().state() == State.RUNNING && status.tasks().size() == tasks
                    && status.tasks().stream().allMatch(task -> task.state().state() == State.RUNNING);
        });
    }
}
