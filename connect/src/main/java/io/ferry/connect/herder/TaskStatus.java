package io.ferry.connect.herder;

/** The status of one task. */
public record TaskStatus(int id, StateInfo state) {
}
