package io.ferry.connect.herder;

import io.ferry.connect.model.StateInfo;

/** The status of one task. */
public record TaskStatus(int id, StateInfo state) {
}
