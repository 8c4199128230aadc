package io.ferry.connect.herder;

/** The answer to an offsets change: the message Apache Kafka Connect gives for the same outcome. */
public record OffsetsAltered(String message) {
}
