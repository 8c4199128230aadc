package io.ferry.connect.herder;

/** The answer to a create-or-replace: whether it created, and what now exists. */
public record Created<T>(boolean created, T value) {
}
