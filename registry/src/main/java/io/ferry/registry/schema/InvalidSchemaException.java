package io.ferry.registry.schema;

/** A schema text that cannot be parsed, or whose references do not resolve. The message says why. */
public class InvalidSchemaException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidSchemaException(String message) {
        super(message);
    }

    public InvalidSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
