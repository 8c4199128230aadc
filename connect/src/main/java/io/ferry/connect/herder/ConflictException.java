package io.ferry.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/** A request the worker cannot decide now (starting up, rebalancing); the REST API answers 409. */
public class ConflictException extends ConnectException {
    public ConflictException(String message) {
        super(message);
    }
}
