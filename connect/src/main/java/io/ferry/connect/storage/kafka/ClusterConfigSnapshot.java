package io.ferry.connect.storage.kafka;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;

/**
 * The config topic as read up to {@link #offset}: an immutable value, safe to hand to any thread.
 * Config maps are as written (provider references unresolved); a value inside one may be null, as
 * Apache's format allows.
 *
 * @param offset               one past the last record applied: the position a reader has to reach to
 *                             have seen this state (transaction markers are not counted)
 * @param connectorConfigs     connector configs by name
 * @param targetStates         target states by connector name; a connector without one is STARTED
 * @param taskConfigs          committed task configs by connector name, task 0 first; a connector
 *                             without a commit, or {@linkplain #inconsistent inconsistent}, has none
 * @param inconsistent         connectors whose last commit named task configs that are missing (lost
 *                             to compaction or a writer that died mid-way): the leader must have the
 *                             connector generate and write its task configs again
 * @param taskCountRecords     the task count of each connector's latest {@code tasks-fencing-} record
 *                             (exactly-once zombie fencing)
 * @param restartRequests      the latest restart request per connector read so far
 * @param taskRestartRequests  tasks with a Ferry task-restart record read so far
 */
public record ClusterConfigSnapshot(
        long offset,
        Map<String, Map<String, String>> connectorConfigs,
        Map<String, TargetState> targetStates,
        Map<String, List<Map<String, String>>> taskConfigs,
        Set<String> inconsistent,
        Map<String, Integer> taskCountRecords,
        Map<String, RestartRequest> restartRequests,
        Set<TaskId> taskRestartRequests) {

    /** The snapshot of a topic with nothing in it. */
    public static final ClusterConfigSnapshot EMPTY = new ClusterConfigSnapshot(0, Map.of(), Map.of(), Map.of(), Set.of(), Map.of(),
            Map.of(), Set.of());

    public ClusterConfigSnapshot {
        Map<String, Map<String, String>> configs = new LinkedHashMap<>();
        connectorConfigs.forEach((name, config) -> configs.put(name, Collections.unmodifiableMap(new LinkedHashMap<>(config))));
        connectorConfigs = Collections.unmodifiableMap(configs);
        Map<String, List<Map<String, String>>> tasks = new LinkedHashMap<>();
        taskConfigs.forEach((name, list) -> tasks.put(name, list.stream()
                .map(config -> Collections.unmodifiableMap(new LinkedHashMap<>(config))).toList()));
        taskConfigs = Collections.unmodifiableMap(tasks);
        targetStates = Map.copyOf(targetStates);
        inconsistent = Collections.unmodifiableSet(new TreeSet<>(inconsistent));
        taskCountRecords = Map.copyOf(taskCountRecords);
        restartRequests = Map.copyOf(restartRequests);
        taskRestartRequests = Collections.unmodifiableSet(new TreeSet<>(taskRestartRequests));
    }

    /** Whether the connector has a config. */
    public boolean contains(String connector) {
        return connectorConfigs.containsKey(connector);
    }

    /** Connector names, in no particular order. */
    public Set<String> connectors() {
        return connectorConfigs.keySet();
    }

    /** @return null when the connector is unknown */
    public Map<String, String> connectorConfig(String connector) {
        return connectorConfigs.get(connector);
    }

    /** @return null when the connector is unknown; STARTED when it has no target state record */
    public TargetState targetState(String connector) {
        if (!contains(connector)) {
            return null;
        }
        return targetStates.getOrDefault(connector, TargetState.STARTED);
    }

    /** The number of committed task configs; 0 for an unknown or inconsistent connector. */
    public int taskCount(String connector) {
        return taskConfigs.getOrDefault(connector, List.of()).size();
    }

    /** The ids of the committed tasks, task 0 first. */
    public List<TaskId> taskIds(String connector) {
        return IntStream.range(0, taskCount(connector)).mapToObj(task -> new TaskId(connector, task)).toList();
    }

    /** @return null when the task has no committed config */
    public Map<String, String> taskConfig(TaskId task) {
        List<Map<String, String>> configs = taskConfigs.getOrDefault(task.connector(), List.of());
        return task.task() < configs.size() ? configs.get(task.task()) : null;
    }
}
