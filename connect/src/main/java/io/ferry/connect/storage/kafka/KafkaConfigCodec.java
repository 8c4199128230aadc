package io.ferry.connect.storage.kafka;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

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
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;

/**
 * The config topic's records in Apache Kafka Connect's format ({@code KafkaConfigBackingStore}):
 * string keys with a prefix per kind, JSON values. Target states are written as Apache 3.5+ writes
 * them: {@code state} for older readers (STOPPED written as PAUSED) and {@code state.v2} with the
 * real state; readers take {@code state.v2} when present.
 */
final class KafkaConfigCodec {
    static final String CONNECTOR_PREFIX = "connector-";
    static final String TARGET_STATE_PREFIX = "target-state-";
    static final String TASK_PREFIX = "task-";
    static final String COMMIT_PREFIX = "commit-";
    static final String RESTART_PREFIX = "restart-connector-";
    static final String TASK_COUNT_PREFIX = "tasks-fencing-";
    /** Ferry only; Apache logs and skips keys it does not know. */
    static final String TASK_RESTART_PREFIX = "ferry-restart-task-";
    /** Ferry only. */
    static final String CLUSTER_KEY = "ferry-cluster";

    private static final Schema CONNECTOR_CONFIG = SchemaBuilder.struct()
            .field("properties", SchemaBuilder.map(Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA).build())
            .build();
    private static final Schema TARGET_STATE = SchemaBuilder.struct()
            .field("state", Schema.STRING_SCHEMA)
            .field("state.v2", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    private static final Schema TASK_COMMIT = SchemaBuilder.struct().field("tasks", Schema.INT32_SCHEMA).build();
    private static final Schema TASK_COUNT = SchemaBuilder.struct().field("task-count", Schema.INT32_SCHEMA).build();
    private static final Schema RESTART = SchemaBuilder.struct()
            .field("include-tasks", Schema.BOOLEAN_SCHEMA)
            .field("only-failed", Schema.BOOLEAN_SCHEMA)
            .build();
    private static final Schema TASK_RESTART = SchemaBuilder.struct().build();
    private static final Schema CLUSTER_OWNER = SchemaBuilder.struct().field("group.id", Schema.STRING_SCHEMA).build();

    private final InternalJson json;

    KafkaConfigCodec(String topic) {
        this.json = new InternalJson(topic);
    }

    /** The record's value; null for a tombstone. */
    byte[] encodeValue(ConfigRecord record) {
        if (record instanceof ConnectorConfig c) {
            return c.config() == null ? null : json.encode(CONNECTOR_CONFIG, new Struct(CONNECTOR_CONFIG).put("properties", c.config()));
        }
        if (record instanceof TargetStateChange t) {
            return t.state() == null ? null : json.encode(TARGET_STATE, new Struct(TARGET_STATE)
                    .put("state", (t.state() == TargetState.STOPPED ? TargetState.PAUSED : t.state()).name())
                    .put("state.v2", t.state().name()));
        }
        if (record instanceof TaskConfig t) {
            return json.encode(CONNECTOR_CONFIG, new Struct(CONNECTOR_CONFIG).put("properties", t.config()));
        }
        if (record instanceof TaskCommit c) {
            return json.encode(TASK_COMMIT, new Struct(TASK_COMMIT).put("tasks", c.taskCount()));
        }
        if (record instanceof Restart r) {
            return json.encode(RESTART, new Struct(RESTART)
                    .put("include-tasks", r.request().includeTasks())
                    .put("only-failed", r.request().onlyFailed()));
        }
        if (record instanceof TaskCountRecord t) {
            return json.encode(TASK_COUNT, new Struct(TASK_COUNT).put("task-count", t.taskCount()));
        }
        if (record instanceof TaskRestart) {
            return json.encode(TASK_RESTART, new Struct(TASK_RESTART));
        }
        if (record instanceof ClusterOwner o) {
            return json.encode(CLUSTER_OWNER, new Struct(CLUSTER_OWNER).put("group.id", o.groupId()));
        }
        throw new IllegalArgumentException("record " + record.key() + " is not written by Ferry");
    }

    /**
     * Decodes one record of the topic.
     *
     * @param value null for a tombstone
     * @throws DataException when the value does not have its kind's format
     */
    ConfigRecord decode(String key, byte[] value) {
        if (key == null) {
            return new Ignored(null);
        }
        if (key.equals(CLUSTER_KEY)) {
            return value == null ? new Ignored(key) : new ClusterOwner(InternalJson.string(object(key, value), "group.id", key));
        }
        if (key.startsWith(TASK_RESTART_PREFIX)) {
            TaskId task = taskId(key, TASK_RESTART_PREFIX);
            return task == null || value == null ? new Ignored(key) : new TaskRestart(task);
        }
        if (key.startsWith(TARGET_STATE_PREFIX)) {
            String connector = key.substring(TARGET_STATE_PREFIX.length());
            return new TargetStateChange(connector, value == null ? null : targetState(key, object(key, value)));
        }
        if (key.startsWith(CONNECTOR_PREFIX)) {
            String connector = key.substring(CONNECTOR_PREFIX.length());
            return new ConnectorConfig(connector, value == null ? null : properties(key, object(key, value)));
        }
        if (key.startsWith(TASK_PREFIX)) {
            TaskId task = taskId(key, TASK_PREFIX);
            if (task == null) {
                throw new DataException("task config key '" + key + "' does not end in a task number");
            }
            if (value == null) {
                throw new DataException("task config " + key + " is unexpectedly null");
            }
            return new TaskConfig(task, properties(key, object(key, value)));
        }
        if (key.startsWith(COMMIT_PREFIX)) {
            return new TaskCommit(key.substring(COMMIT_PREFIX.length()), InternalJson.integer(object(key, value), "tasks", key));
        }
        if (key.startsWith(RESTART_PREFIX)) {
            Map<String, Object> fields = object(key, value);
            // Apache reads a missing or malformed flag as false.
            return new Restart(new RestartRequest(key.substring(RESTART_PREFIX.length()),
                    Boolean.TRUE.equals(fields.get("only-failed")), Boolean.TRUE.equals(fields.get("include-tasks"))));
        }
        if (key.startsWith(TASK_COUNT_PREFIX)) {
            return new TaskCountRecord(key.substring(TASK_COUNT_PREFIX.length()),
                    InternalJson.integer(object(key, value), "task-count", key));
        }
        return new Ignored(key);
    }

    private Map<String, Object> object(String key, byte[] value) {
        if (value == null) {
            throw new DataException("record " + key + " is unexpectedly null");
        }
        return json.decodeObject(value, "record " + key);
    }

    private static TargetState targetState(String key, Map<String, Object> fields) {
        // Apache 3.5+ writes the real state in state.v2; older workers wrote only state.
        Object name = fields.get("state.v2") instanceof String v2 ? v2 : fields.get("state");
        if (!(name instanceof String text)) {
            throw new DataException("target state " + key + " has no state: " + fields);
        }
        try {
            return TargetState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DataException("target state " + key + " is unknown: " + text, e);
        }
    }

    private static Map<String, String> properties(String key, Map<String, Object> fields) {
        Map<String, Object> properties = InternalJson.object(fields, "properties", "record " + key);
        Map<String, String> config = new LinkedHashMap<>();
        properties.forEach((name, value) -> config.put(name, value == null ? null : value.toString()));
        return config;
    }

    private static TaskId taskId(String key, String prefix) {
        return InternalTopics.parseTaskId(key.substring(prefix.length()));
    }
}
