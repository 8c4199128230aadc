package io.ferry.connect.storage;

import java.util.Map;
import java.util.SortedSet;

import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;

/**
 * The latest known state of each connector and task, and the topics each connector used. Written
 * by the threads that see the changes (connector and task threads, the herder), read by anyone:
 * thread-safe.
 */
public interface StatusStore {

    void put(String connector, StateInfo state);

    void put(TaskId task, StateInfo state);

    /** @return null when unknown */
    StateInfo get(String connector);

    /** @return null when unknown */
    StateInfo get(TaskId task);

    /** The states of a connector's tasks, by task number. */
    Map<Integer, StateInfo> tasks(String connector);

    void removeTask(TaskId task);

    /** Forgets the connector, its tasks and its topics. */
    void remove(String connector);

    void addTopic(String connector, String topic);

    SortedSet<String> topics(String connector);

    void resetTopics(String connector);
}
