package io.ferry.registry.store;

/** The log did not answer in time; the write may or may not have happened. */
public class StoreTimeoutException extends StoreException {
    private static final long serialVersionUID = 1L;

    public StoreTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
