package io.ferry.connect.server;

import java.util.Map;

import io.ferry.connect.model.TargetState;

/** A connector to create: its name, its config, and the state it starts in. */
public record ConnectorRequest(String name, Map<String, String> config, TargetState initialState) {
}
