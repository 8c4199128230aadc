package io.ferry.registry.store;

/**
 * The log could not be read, written or reached. Nothing was acknowledged: a write that fails with
 * this exception may or may not be in the log, and a retry of an idempotent registration finds out.
 */
public class StoreException extends Exception {
    private static final long serialVersionUID = 1L;

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
