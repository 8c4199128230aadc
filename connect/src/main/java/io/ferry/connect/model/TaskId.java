package io.ferry.connect.model;

import java.util.Objects;

/**
 * One task of a connector; written {@code <connector>-<task>} in logs, thread names and metric tags,
 * as Apache Kafka Connect writes it.
 */
public record TaskId(String connector, int task) implements Comparable<TaskId> {

    public TaskId {
        Objects.requireNonNull(connector, "connector");
        if (task < 0) {
            throw new IllegalArgumentException("task number must not be negative: " + task);
        }
    }

    @Override
    public int compareTo(TaskId other) {
        int byConnector = connector.compareTo(other.connector);
        return byConnector != 0 ? byConnector : Integer.compare(task, other.task);
    }

    @Override
    public String toString() {
        return connector + "-" + task;
    }
}
