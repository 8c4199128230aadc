package io.ferry.kafka.embedded;

/**
 * A node could not be set up or started. The message is written for an operator: it names what is
 * wrong (a port, a directory, a setting) and is meant to be shown as it is, without a stack trace.
 */
public class EmbeddedKafkaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EmbeddedKafkaException(String message) {
        super(message);
    }

    public EmbeddedKafkaException(String message, Throwable cause) {
        super(message, cause);
    }
}
