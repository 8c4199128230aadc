package io.ferry.connect.storage.kafka;

import static io.ferry.connect.storage.kafka.KafkaConfigCodecTest.bytes;
import static io.ferry.connect.storage.kafka.KafkaConfigCodecTest.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.stream.Stream;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.kafka.KafkaStatusCodec.Status;
import io.ferry.connect.storage.kafka.KafkaStatusCodec.TopicUse;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Status topic records, byte for byte as Apache Kafka Connect 4.x writes them, plus Ferry's retry fields. */
class KafkaStatusCodecTest {
    private final KafkaStatusCodec codec = new KafkaStatusCodec("connect-status");

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of("{\"state\":\"RUNNING\",\"trace\":null,\"worker_id\":\"10.0.0.1:8083\",\"generation\":5,\"version\":null}",
                        new Status(StateInfo.of(State.RUNNING, "10.0.0.1:8083"), 5)),
                Arguments.of("{\"state\":\"FAILED\",\"trace\":\"java.lang.IllegalStateException: boom\\n\\tat X.y(X.java:1)\","
                                + "\"worker_id\":\"w1\",\"generation\":7,\"version\":\"4.1.0\"}",
                        new Status(new StateInfo(State.FAILED, "w1", "java.lang.IllegalStateException: boom\n\tat X.y(X.java:1)", "4.1.0",
                                null), 7)),
                Arguments.of("{\"state\":\"STOPPED\",\"trace\":null,\"worker_id\":\"w1\",\"generation\":0,\"version\":null}",
                        new Status(StateInfo.of(State.STOPPED, "w1"), 0)),
                Arguments.of("{\"state\":\"FAILED\",\"trace\":\"t\",\"worker_id\":\"w2\",\"generation\":3,\"version\":null,"
                                + "\"ferry.retry.at\":1700000000000,\"ferry.retry.attempt\":2}",
                        new Status(new StateInfo(State.FAILED, "w2", "t", null,
                                new StateInfo.Retry(Instant.ofEpochMilli(1_700_000_000_000L), 2)), 3)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statuses")
    void shouldReadAndWriteStatusesAsApacheDoes(String json, Status status) {
        assertThat(codec.decodeStatus("status-connector-c", bytes(json))).isEqualTo(status);
        assertThat(text(codec.encodeStatus(status))).isEqualTo(json);
    }

    @Test
    void shouldReadStatusesOfApacheThreeWithoutVersion() {
        assertThat(codec.decodeStatus("status-task-c-0", bytes("{\"state\":\"PAUSED\",\"trace\":null,\"worker_id\":\"w\",\"generation\":12}")))
                .isEqualTo(new Status(StateInfo.of(State.PAUSED, "w"), 12));
    }

    @Test
    void shouldReadAndWriteTopicRecordsAsApacheDoes() {
        String json = "{\"topic\":{\"name\":\"orders\",\"connector\":\"jdbc-sink\",\"task\":0,\"discoverTimestamp\":1700000000000}}";
        TopicUse use = new TopicUse("orders", "jdbc-sink", 0, 1_700_000_000_000L);
        assertThat(codec.decodeTopicUse("status-topic-orders:connector-jdbc-sink", bytes(json))).isEqualTo(use);
        assertThat(text(codec.encodeTopicUse(use))).isEqualTo(json);
    }

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("status-connector-jdbc-sink", new StatusKey.OfConnector("jdbc-sink")),
                Arguments.of("status-task-jdbc-sink-12", new StatusKey.OfTask(new TaskId("jdbc-sink", 12))),
                Arguments.of("status-topic-orders.v1:connector-jdbc-sink", new StatusKey.OfTopic("jdbc-sink", "orders.v1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void shouldParseAndFormApacheKeys(String key, StatusKey parsed) {
        assertThat(codec.parseKey(key)).isEqualTo(parsed);
        assertThat(parsed.key()).isEqualTo(key);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"status-connector-", "status-task-jdbc", "status-task-jdbc-x", "status-topic-orders", "status-topic-:connector-c",
            "status-topic-orders:connector-", "session-key"})
    void shouldNotTakeMalformedKeys(String key) {
        assertThat(codec.parseKey(key)).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{\"state\":\"SLEEPING\",\"worker_id\":\"w\",\"generation\":1}", "{\"state\":\"RUNNING\",\"generation\":1}",
            "{\"state\":\"RUNNING\",\"worker_id\":\"w\"}", "\"RUNNING\""})
    void shouldRejectMalformedStatuses(String json) {
        assertThatThrownBy(() -> codec.decodeStatus("status-connector-c", bytes(json))).isInstanceOf(DataException.class);
    }
}
