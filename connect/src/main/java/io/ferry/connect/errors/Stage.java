package io.ferry.connect.errors;

/** Where in a task's pipeline an operation on a record ran; Apache Kafka Connect's names. */
public enum Stage {
    /** The source task's {@code poll()}. */
    TASK_POLL,
    /** The sink task's {@code put()}. */
    TASK_PUT,
    TRANSFORMATION,
    KEY_CONVERTER,
    VALUE_CONVERTER,
    HEADER_CONVERTER,
    /** Sending a source record to Kafka. */
    KAFKA_PRODUCE,
    /** Reading a record from Kafka for a sink. */
    KAFKA_CONSUME
}
