package io.ferry.connect.storage;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.ferry.connect.model.TargetState;

/** Configs kept in memory: a standalone worker's, which come from its command line and its REST API. */
public final class MemoryConfigStore implements ConfigStore {
    private final Map<String, Map<String, String>> configs = new ConcurrentHashMap<>();
    private final Map<String, TargetState> targetStates = new ConcurrentHashMap<>();
    private final Map<String, List<Map<String, String>>> taskConfigs = new ConcurrentHashMap<>();

    @Override
    public Set<String> connectors() {
        return new TreeSet<>(configs.keySet());
    }

    @Override
    public boolean contains(String connector) {
        return configs.containsKey(connector);
    }

    @Override
    public Map<String, String> connectorConfig(String connector) {
        return configs.get(connector);
    }

    @Override
    public void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState) {
        configs.put(connector, Map.copyOf(config));
        targetStates.put(connector, targetState);
    }

    @Override
    public void removeConnector(String connector) {
        configs.remove(connector);
        targetStates.remove(connector);
        taskConfigs.remove(connector);
    }

    @Override
    public TargetState targetState(String connector) {
        return targetStates.get(connector);
    }

    @Override
    public void putTargetState(String connector, TargetState targetState) {
        targetStates.put(connector, targetState);
    }

    @Override
    public List<Map<String, String>> taskConfigs(String connector) {
        return taskConfigs.getOrDefault(connector, List.of());
    }

    @Override
    public void putTaskConfigs(String connector, List<Map<String, String>> configs) {
        taskConfigs.put(connector, configs.stream().map(Map::copyOf).toList());
    }
}
