package io.ferry.connect.storage.kafka;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.kafka.ConfigRecord.ClusterOwner;
import io.ferry.connect.storage.kafka.ConfigRecord.ConnectorConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.Restart;
import io.ferry.connect.storage.kafka.ConfigRecord.TargetStateChange;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCommit;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskConfig;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskCountRecord;
import io.ferry.connect.storage.kafka.ConfigRecord.TaskRestart;

/**
 * What the config topic says, built by applying its records in order with Apache Kafka Connect's
 * rules: task configs are held back until a commit for their connector; a commit that names task
 * configs not read marks the connector inconsistent; deleting a connector drops its task configs.
 * Thread-safe: the tailer thread applies, anyone takes snapshots.
 */
final class ConfigState {
    private long offset;
    private final Map<String, Map<String, String>> connectorConfigs = new HashMap<>();
    private final Map<String, TargetState> targetStates = new HashMap<>();
    private final Map<String, List<Map<String, String>>> committedTasks = new HashMap<>();
    private final Map<String, Map<Integer, Map<String, String>>> pendingTasks = new HashMap<>();
    private final Set<String> inconsistent = new HashSet<>();
    private final Map<String, Integer> taskCountRecords = new HashMap<>();
    private final Map<String, RestartRequest> restartRequests = new HashMap<>();
    private final Set<TaskId> taskRestartRequests = new HashSet<>();
    private String firstClusterOwner;
    private String latestClusterOwner;

    /**
     * Applies the record read at {@code recordOffset}.
     *
     * @return what the listener is to hear of it, if anything
     */
    synchronized List<Consumer<KafkaConfigStore.Listener>> apply(ConfigRecord record, long recordOffset) {
        offset = Math.max(offset, recordOffset + 1);
        List<Consumer<KafkaConfigStore.Listener>> changes = new ArrayList<>();
        if (record instanceof ConnectorConfig c) {
            applyConnectorConfig(c, changes);
        } else if (record instanceof TargetStateChange t) {
            applyTargetState(t, changes);
        } else if (record instanceof TaskConfig t) {
            pendingTasks.computeIfAbsent(t.task().connector(), name -> new TreeMap<>()).put(t.task().task(), t.config());
        } else if (record instanceof TaskCommit c) {
            applyCommit(c);
            changes.add(listener -> listener.onTaskConfigUpdate(c.connector()));
        } else if (record instanceof Restart r) {
            restartRequests.put(r.request().connector(), r.request());
            changes.add(listener -> listener.onRestartRequest(r.request()));
        } else if (record instanceof TaskRestart t) {
            taskRestartRequests.add(t.task());
            changes.add(listener -> listener.onTaskRestartRequest(t.task()));
        } else if (record instanceof TaskCountRecord t) {
            taskCountRecords.put(t.connector(), t.taskCount());
        } else if (record instanceof ClusterOwner o) {
            if (firstClusterOwner == null) {
                firstClusterOwner = o.groupId();
            }
            latestClusterOwner = o.groupId();
        }
        return changes;
    }

    private void applyConnectorConfig(ConnectorConfig record, List<Consumer<KafkaConfigStore.Listener>> changes) {
        String connector = record.connector();
        if (record.config() == null) {
            connectorConfigs.remove(connector);
            committedTasks.remove(connector);
            pendingTasks.remove(connector);
            inconsistent.remove(connector);
            changes.add(listener -> listener.onConnectorConfigRemove(connector));
            return;
        }
        connectorConfigs.put(connector, record.config());
        // A connector written without a target state (by Connect 0.9, or before its target state) is STARTED.
        targetStates.putIfAbsent(connector, TargetState.STARTED);
        changes.add(listener -> listener.onConnectorConfigUpdate(connector));
    }

    private void applyTargetState(TargetStateChange record, List<Consumer<KafkaConfigStore.Listener>> changes) {
        String connector = record.connector();
        if (record.state() == null) {
            targetStates.remove(connector);
            if (connectorConfigs.containsKey(connector)) {
                targetStates.put(connector, TargetState.STARTED);
            }
            // The removal of the connector itself tells the listener.
            return;
        }
        TargetState previous = targetStates.put(connector, record.state());
        // A target state written just before its new connector is announced with the connector.
        if (previous != record.state() && connectorConfigs.containsKey(connector)) {
            changes.add(listener -> listener.onTargetStateChange(connector));
        }
    }

    private void applyCommit(TaskCommit commit) {
        String connector = commit.connector();
        Map<Integer, Map<String, String>> pending = pendingTasks.remove(connector);
        // Only the configs 0..n-1 are required: after compaction configs of tasks that no longer exist may remain.
        boolean complete = true;
        for (int task = 0; task < commit.taskCount(); task++) {
            complete &= pending != null && pending.containsKey(task);
        }
        if (!complete) {
            inconsistent.add(connector);
            committedTasks.remove(connector);
            return;
        }
        List<Map<String, String>> configs = new ArrayList<>();
        for (int task = 0; task < commit.taskCount(); task++) {
            configs.add(pending.get(task));
        }
        committedTasks.put(connector, configs);
        inconsistent.remove(connector);
    }

    synchronized long offset() {
        return offset;
    }

    /** The group.id of the first {@code ferry-cluster} record read, or null. */
    synchronized String firstClusterOwner() {
        return firstClusterOwner;
    }

    /** The group.id of the latest {@code ferry-cluster} record read, or null. */
    synchronized String latestClusterOwner() {
        return latestClusterOwner;
    }

    synchronized ClusterConfigSnapshot snapshot() {
        return new ClusterConfigSnapshot(offset, connectorConfigs, targetStates, committedTasks, inconsistent, taskCountRecords,
                restartRequests, taskRestartRequests);
    }
}
