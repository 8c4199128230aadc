package io.ferry.connect.herder;

import java.util.Map;

import io.ferry.connect.model.TaskId;

/** The config one task runs with. */
public record TaskConfig(TaskId id, Map<String, String> config) {
}
