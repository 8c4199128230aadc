package io.ferry.registry.store;

/** This node may not write: another node leads, or none is known yet. */
public class NotLeaderException extends StoreException {
    private static final long serialVersionUID = 1L;

    public NotLeaderException(String message) {
        super(message);
    }

    public NotLeaderException(String message, Throwable cause) {
        super(message, cause);
    }
}
