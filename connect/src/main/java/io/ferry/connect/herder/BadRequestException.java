package io.ferry.connect.herder;

import org.apache.kafka.connect.errors.ConnectException;

/** A request that cannot be carried out as asked; the REST API answers 400. */
public class BadRequestException extends ConnectException {
    public BadRequestException(String message) {
        super(message);
    }
}
