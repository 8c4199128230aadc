package io.ferry.connectors.jdbc.source;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A real standalone Ferry worker on the test cluster running the JDBC source: its settings (values as
 * schemaless JSON, offsets in a file of the test's folder), connector configs, and reading back what the
 * connector wrote.
 */
final class SourceWorkerFixture {
    static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private SourceWorkerFixture() {
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

    /** A connector config on the database with short intervals, so tests run fast. */
    static Map<String, String> connector(String name, TestDatabase db, String mode, String topicPrefix) {
        Map<String, String> config = new HashMap<>(db.connectionSettings());
        config.put("name", name);
        config.put("connector.class", JdbcSourceConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("mode", mode);
        config.put("topic.prefix", topicPrefix);
        config.put("poll.interval.ms", "200");
        config.put("table.poll.interval.ms", "1000");
        config.put("timestamp.delay.interval.ms", "0");
        config.put("connection.attempts", "1");
        config.put("connection.backoff.ms", "100");
        return config;
    }

    static StandaloneConnect start(Map<String, String> settings, Map<String, String>... connectors) {
        List<ConnectorRequest> requests = new ArrayList<>();
        for (Map<String, String> connector : connectors) {
            requests.add(new ConnectorRequest(connector.get("name"), new HashMap<>(connector), TargetState.STARTED));
        }
        return StandaloneConnect.start(settings, requests, "test");
    }

    /** How many records the topic holds (0 while it does not exist). */
    static long recordCount(FerryCluster cluster, String topic) {
        return cluster.recordCount(topic);
    }

    /** Waits until the topic holds at least {@code count} records, then returns all its values as maps. */
    static List<Map<String, Object>> awaitValues(FerryCluster cluster, String topic, long count) throws Exception {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> recordCount(cluster, topic) >= count);
        return values(cluster, topic);
    }

    static List<Map<String, Object>> values(FerryCluster cluster, String topic) throws Exception {
        List<Map<String, Object>> values = new ArrayList<>();
        for (ConsumerRecord<String, String> record : cluster.consumeAll(topic, Duration.ofSeconds(30))) {
            values.add(JSON.readValue(record.value(), new TypeReference<Map<String, Object>>() { }));
        }
        return values;
    }

    /** A column of every value, as longs (ids). */
    static List<Long> longs(List<Map<String, Object>> values, String column) {
        return values.stream().map(value -> ((Number) value.get(column)).longValue()).toList();
    }

    /** Waits until every task of the connector is RUNNING. */
    static void awaitRunning(StandaloneConnect connect, String name, int tasks) {
        await().atMost(WAIT).until(() -> {
            var status = connect.herder().connectorStatus(name);
            return status.connector().state() == State.RUNNING && status.tasks().size() == tasks
                    && status.tasks().stream().allMatch(task -> task.state().state() == State.RUNNING);
        });
    }

    /** Waits until the connector or one of its tasks FAILED; returns the failure's trace. */
    static String awaitFailure(StandaloneConnect connect, String name) {
        String[] trace = new String[1];
        await().atMost(WAIT).until(() -> {
            var status = connect.herder().connectorStatus(name);
            if (status.connector().state() == State.FAILED) {
                trace[0] = status.connector().trace();
                return true;
            }
            for (TaskStatus task : status.tasks()) {
                if (task.state().state() == State.FAILED) {
                    trace[0] = task.state().trace();
                    return true;
                }
            }
            return false;
        });
        return trace[0];
    }

    /** The connector's stored offsets, by partition. */
    static Map<Map<String, Object>, Map<String, Object>> offsets(StandaloneConnect connect, String name) throws Exception {
        Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
        for (ConnectorOffsets.Offset offset : connect.herder().connectorOffsets(name).get().offsets()) {
            offsets.put(offset.partition(), offset.offset());
        }
        return offsets;
    }
}
