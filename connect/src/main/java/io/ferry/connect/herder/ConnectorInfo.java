package io.ferry.connect.herder;

import java.util.List;
import java.util.Map;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.TaskId;

/** A connector, its config (as submitted) and its tasks. */
public record ConnectorInfo(String name, Map<String, String> config, List<TaskId> tasks, ConnectorType type) {
}
