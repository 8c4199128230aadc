package io.ferry.connect.rest;

/** A failure the API answers with this status and message, as Apache Kafka Connect does. */
final class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;

    RestException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
