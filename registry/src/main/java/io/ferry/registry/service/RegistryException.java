package io.ferry.registry.service;

/**
 * A request the registry refuses, or cannot complete, with the error code Confluent's registry
 * uses for the same case (40401, 42201, 50001...). The code's first three digits are the HTTP
 * status; codes of three digits are a status themselves.
 */
public class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int errorCode;

    public RegistryException(int errorCode, String message) {
        this(errorCode, message, null);
    }

    public RegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public int errorCode() {
        return errorCode;
    }

    /** The HTTP status that goes with the code. */
    public int status() {
        return errorCode >= 10000 ? errorCode / 100 : errorCode;
    }
}
