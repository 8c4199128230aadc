package io.ferry.connect.storage.kafka;

import java.util.Map;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;

/** One record of the config topic, decoded; {@link #key()} is its key in the topic. */
sealed interface ConfigRecord {

    String key();

    /** {@code connector-<name>}; a null config is the tombstone that deletes the connector. */
    record ConnectorConfig(String connector, Map<String, String> config) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.CONNECTOR_PREFIX + connector;
        }
    }

    /** {@code target-state-<name>}; a null state is a tombstone. */
    record TargetStateChange(String connector, TargetState state) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.TARGET_STATE_PREFIX + connector;
        }
    }

    /** {@code task-<name>-<n>}: waits for a commit before it counts. */
    record TaskConfig(TaskId task, Map<String, String> config) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.TASK_PREFIX + task;
        }
    }

    /** {@code commit-<name>}: the connector's task configs 0..n-1 written before it now apply. */
    record TaskCommit(String connector, int taskCount) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.COMMIT_PREFIX + connector;
        }
    }

    /** {@code restart-connector-<name>}. */
    record Restart(RestartRequest request) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.RESTART_PREFIX + request.connector();
        }
    }

    /** {@code tasks-fencing-<name>}: the task count that exactly-once zombie fencing last covered. */
    record TaskCountRecord(String connector, int taskCount) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.TASK_COUNT_PREFIX + connector;
        }
    }

    /** Ferry only, {@code ferry-restart-task-<name>-<n>}: restart one task. */
    record TaskRestart(TaskId task) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.TASK_RESTART_PREFIX + task;
        }
    }

    /** Ferry only, {@code ferry-cluster}: the group.id of the cluster that owns the topic. */
    record ClusterOwner(String groupId) implements ConfigRecord {
        @Override
        public String key() {
            return KafkaConfigCodec.CLUSTER_KEY;
        }
    }

    /** A record this runtime does not use (Apache's session keys and logger levels, unknown keys). */
    record Ignored(String key) implements ConfigRecord {
    }
}
