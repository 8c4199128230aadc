package io.ferry.connect.storage.kafka;

import java.time.Instant;
import java.util.Map;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The status topic's records in Apache Kafka Connect's format ({@code KafkaStatusBackingStore}).
 * A connector or task status is {@code {"state", "trace", "worker_id", "generation", "version"}};
 * a topic a connector used is {@code {"topic": {"name", "connector", "task", "discoverTimestamp"}}}.
 *
 * <p>Ferry adds two fields to a status when an automatic restart is planned (see
 * {@link StateInfo.Retry}): {@code ferry.retry.at} (epoch milliseconds) and
 * {@code ferry.retry.attempt}. Apache reads the fields it knows and ignores these.
 */
final class KafkaStatusCodec {
    static final String CONNECTOR_PREFIX = "status-connector-";
    static final String TASK_PREFIX = "status-task-";
    static final String TOPIC_PREFIX = "status-topic-";
    static final String TOPIC_SEPARATOR = ":connector-";
    static final String RETRY_AT = "ferry.retry.at";
    static final String RETRY_ATTEMPT = "ferry.retry.attempt";

    private static final Schema STATUS = statusFields().build();
    private static final Schema STATUS_WITH_RETRY = statusFields()
            .field(RETRY_AT, Schema.INT64_SCHEMA)
            .field(RETRY_ATTEMPT, Schema.INT32_SCHEMA)
            .build();
    private static final Schema TOPIC_USE = SchemaBuilder.struct()
            .field("name", Schema.STRING_SCHEMA)
            .field("connector", Schema.STRING_SCHEMA)
            .field("task", Schema.INT32_SCHEMA)
            .field("discoverTimestamp", Schema.INT64_SCHEMA)
            .build();
    private static final Schema TOPIC_STATUS = SchemaBuilder.map(Schema.STRING_SCHEMA, TOPIC_USE).build();

    /** A connector's or task's status and the group generation of the worker that wrote it. */
    record Status(StateInfo state, int generation) {
    }

    /** A topic a connector's task used, and when it was first seen. */
    record TopicUse(String topic, String connector, int task, long discoverTimestamp) {
    }

    private final InternalJson json;

    KafkaStatusCodec(String topic) {
        this.json = new InternalJson(topic);
    }

    private static SchemaBuilder statusFields() {
        return SchemaBuilder.struct()
                .field("state", Schema.STRING_SCHEMA)
                .field("trace", Schema.OPTIONAL_STRING_SCHEMA)
                .field("worker_id", Schema.STRING_SCHEMA)
                .field("generation", Schema.INT32_SCHEMA)
                .field("version", Schema.OPTIONAL_STRING_SCHEMA);
    }

    /** @return null when the key is not one of a status record */
    StatusKey parseKey(String key) {
        if (key == null) {
            return null;
        }
        if (key.startsWith(CONNECTOR_PREFIX)) {
            String connector = key.substring(CONNECTOR_PREFIX.length());
            return connector.isEmpty() ? null : new StatusKey.OfConnector(connector);
        }
        if (key.startsWith(TASK_PREFIX)) {
            TaskId task = InternalTopics.parseTaskId(key.substring(TASK_PREFIX.length()));
            return task == null ? null : new StatusKey.OfTask(task);
        }
        if (key.startsWith(TOPIC_PREFIX)) {
            int separator = key.indexOf(TOPIC_SEPARATOR, TOPIC_PREFIX.length());
            if (separator <= TOPIC_PREFIX.length() || separator + TOPIC_SEPARATOR.length() >= key.length()) {
                return null;
            }
            return new StatusKey.OfTopic(key.substring(separator + TOPIC_SEPARATOR.length()), key.substring(TOPIC_PREFIX.length(), separator));
        }
        return null;
    }

    byte[] encodeStatus(Status status) {
        StateInfo state = status.state();
        Schema schema = state.retry() == null ? STATUS : STATUS_WITH_RETRY;
        Struct value = new Struct(schema)
                .put("state", state.state().name())
                .put("trace", state.trace())
                .put("worker_id", state.workerId())
                .put("generation", status.generation())
                .put("version", state.version());
        if (state.retry() != null) {
            value.put(RETRY_AT, state.retry().at().toEpochMilli()).put(RETRY_ATTEMPT, state.retry().attempt());
        }
        return json.encode(schema, value);
    }

    Status decodeStatus(String key, byte[] value) {
        String what = "status " + key;
        Map<String, Object> fields = json.decodeObject(value, what);
        State state;
        try {
            state = State.valueOf(InternalJson.string(fields, "state", what));
        } catch (IllegalArgumentException e) {
            throw new DataException(what + " has an unknown state: " + fields.get("state"), e);
        }
        Long retryAt = InternalJson.optionalLong(fields, RETRY_AT, what);
        StateInfo.Retry retry = retryAt == null ? null
                : new StateInfo.Retry(Instant.ofEpochMilli(retryAt), InternalJson.integer(fields, RETRY_ATTEMPT, what));
        StateInfo info = new StateInfo(state, InternalJson.string(fields, "worker_id", what), InternalJson.optionalString(fields, "trace", what),
                InternalJson.optionalString(fields, "version", what), retry);
        return new Status(info, InternalJson.integer(fields, "generation", what));
    }

    byte[] encodeTopicUse(TopicUse use) {
        Struct value = new Struct(TOPIC_USE)
                .put("name", use.topic())
                .put("connector", use.connector())
                .put("task", use.task())
                .put("discoverTimestamp", use.discoverTimestamp());
        return json.encode(TOPIC_STATUS, Map.of("topic", value));
    }

    TopicUse decodeTopicUse(String key, byte[] value) {
        String what = "topic status " + key;
        Map<String, Object> use = InternalJson.object(json.decodeObject(value, what), "topic", what);
        Long discovered = InternalJson.optionalLong(use, "discoverTimestamp", what);
        return new TopicUse(InternalJson.string(use, "name", what), InternalJson.string(use, "connector", what),
                InternalJson.integer(use, "task", what), discovered == null ? 0 : discovered);
    }
}
