package io.ferry.connect.herder;

import io.ferry.connect.model.StateInfo;

import java.util.List;

import io.ferry.connect.model.ConnectorType;

/** The status of a connector and of each of its tasks, ordered by task number. */
public record ConnectorStatus(String name, StateInfo connector, List<TaskStatus> tasks, ConnectorType type) {
}
