package io.ferry.connect.storage.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.kafka.ConfigRecord.ClusterOwner;
import io.ferry.connect.storage.kafka.ConfigRecord.ConnectorConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.Ignored;
import io.ferry.connect.storage.kafka.ConfigRecord.Restart;
import io.ferry.connect.storage.kafka.ConfigRecord.TargetStateChange;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCommit;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCountRecord;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskRestart;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Config topic records, byte for byte as Apache Kafka Connect 4.x writes them (and Ferry's own two kinds). */
class KafkaConfigCodecTest {
    private final KafkaConfigCodec codec = new KafkaConfigCodec("connect-configs");

    /** Records Ferry writes exactly as Apache does: decoded from Apache's bytes and encoded back to them. */
    static Stream<Arguments> bothWays() {
        return Stream.of(
                Arguments.of("connector-orders", "{\"properties\":{\"name\":\"orders\",\"topics\":\"a,b\"}}",
                        new ConnectorConfig("orders", ordered("name", "orders", "topics", "a,b"))),
                Arguments.of("connector-orders", null, new ConnectorConfig("orders", null)),
                Arguments.of("target-state-orders", "{\"state\":\"STARTED\",\"state.v2\":\"STARTED\"}",
                        new TargetStateChange("orders", TargetState.STARTED)),
                Arguments.of("target-state-orders", "{\"state\":\"PAUSED\",\"state.v2\":\"PAUSED\"}",
                        new TargetStateChange("orders", TargetState.PAUSED)),
                Arguments.of("target-state-orders", "{\"state\":\"PAUSED\",\"state.v2\":\"STOPPED\"}",
                        new TargetStateChange("orders", TargetState.STOPPED)),
                Arguments.of("target-state-orders", null, new TargetStateChange("orders", null)),
                Arguments.of("task-jdbc-orders-0", "{\"properties\":{\"task.class\":\"T\",\"query\":\"x\"}}",
                        new TaskConfig(new TaskId("jdbc-orders", 0), ordered("task.class", "T", "query", "x"))),
                Arguments.of("commit-jdbc-orders", "{\"tasks\":2}", new TaskCommit("jdbc-orders", 2)),
                Arguments.of("commit-empty", "{\"tasks\":0}", new TaskCommit("empty", 0)),
                Arguments.of("restart-connector-orders", "{\"include-tasks\":true,\"only-failed\":false}",
                        new Restart(new RestartRequest("orders", false, true))),
                Arguments.of("restart-connector-orders", "{\"include-tasks\":false,\"only-failed\":true}",
                        new Restart(new RestartRequest("orders", true, false))),
                Arguments.of("tasks-fencing-orders", "{\"task-count\":3}", new TaskCountRecord("orders", 3)),
                Arguments.of("ferry-restart-task-jdbc-orders-11", "{}", new TaskRestart(new TaskId("jdbc-orders", 11))),
                Arguments.of("ferry-cluster", "{\"group.id\":\"connect-cluster\"}", new ClusterOwner("connect-cluster")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("bothWays")
    void shouldReadApacheRecords(String key, String json, ConfigRecord expected) {
        assertThat(codec.decode(key, bytes(json))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{2} is written as {0} = {1}")
    @MethodSource("bothWays")
    void shouldWriteApacheRecords(String key, String json, ConfigRecord record) {
        assertThat(record.key()).isEqualTo(key);
        assertThat(text(codec.encodeValue(record))).isEqualTo(json);
    }

    /** Older or foreign records that Ferry reads but never writes. */
    static Stream<Arguments> readOnly() {
        return Stream.of(
                Arguments.of("target-state-orders", "{\"state\":\"PAUSED\"}", new TargetStateChange("orders", TargetState.PAUSED)),
                Arguments.of("target-state-orders", "{\"state\":\"PAUSED\",\"state.v2\":null}", new TargetStateChange("orders", TargetState.PAUSED)),
                Arguments.of("connector-orders", "{\"properties\":{\"password\":null}}", new ConnectorConfig("orders", ordered("password", null))),
                Arguments.of("restart-connector-orders", "{}", new Restart(new RestartRequest("orders", false, false))),
                Arguments.of("session-key", "{\"key\":\"c2VjcmV0\",\"algorithm\":\"HmacSHA256\",\"creation-timestamp\":1}", new Ignored("session-key")),
                Arguments.of("logger-cluster-org.example", "{\"level\":\"DEBUG\"}", new Ignored("logger-cluster-org.example")),
                Arguments.of("ferry-restart-task-orders", "{}", new Ignored("ferry-restart-task-orders")));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("readOnly")
    void shouldReadOlderAndForeignRecords(String key, String json, ConfigRecord expected) {
        assertThat(codec.decode(key, bytes(json))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"commit-orders={\"tasks\":\"two\"}", "connector-orders={\"config\":{}}", "target-state-orders={\"state\":\"GONE\"}",
            "task-orders={\"properties\":{}}", "tasks-fencing-orders=[1]", "commit-orders=null"})
    void shouldRejectMalformedRecords(String record) {
        String key = record.substring(0, record.indexOf('='));
        String json = record.substring(record.indexOf('=') + 1);
        assertThatThrownBy(() -> codec.decode(key, json.equals("null") ? null : bytes(json))).isInstanceOf(DataException.class);
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static byte[] bytes(String json) {
        return json == null ? null : json.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
