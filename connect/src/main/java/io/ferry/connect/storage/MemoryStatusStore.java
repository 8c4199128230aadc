package io.ferry.connect.storage;

import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;

/** Statuses kept in memory: a standalone worker's. */
public final class MemoryStatusStore implements StatusStore {
    private final Map<String, StateInfo> connectors = new ConcurrentHashMap<>();
    private final Map<TaskId, StateInfo> tasks = new ConcurrentHashMap<>();
    private final Map<String, SortedSet<String>> topics = new ConcurrentHashMap<>();

    @Override
    public void put(String connector, StateInfo state) {
        connectors.put(connector, state);
    }

    @Override
    public void put(TaskId task, StateInfo state) {
        tasks.put(task, state);
    }

    @Override
    public StateInfo get(String connector) {
        return connectors.get(connector);
    }

    @Override
    public StateInfo get(TaskId task) {
        return tasks.get(task);
    }

    @Override
    public Map<Integer, StateInfo> tasks(String connector) {
        Map<Integer, StateInfo> mine = new TreeMap<>();
        tasks.forEach((id, state) -> {
            if (id.connector().equals(connector)) {
                mine.put(id.task(), state);
            }
        });
        return mine;
    }

    @Override
    public void removeTask(TaskId task) {
        tasks.remove(task);
    }

    @Override
    public void remove(String connector) {
        connectors.remove(connector);
        tasks.keySet().removeIf(id -> id.connector().equals(connector));
        topics.remove(connector);
    }

    @Override
    public void addTopic(String connector, String topic) {
        topics.computeIfAbsent(connector, name -> new ConcurrentSkipListSet<>()).add(topic);
    }

    @Override
    public SortedSet<String> topics(String connector) {
        return new TreeSet<>(topics.getOrDefault(connector, new TreeSet<>()));
    }

    @Override
    public void resetTopics(String connector) {
        topics.remove(connector);
    }
}
