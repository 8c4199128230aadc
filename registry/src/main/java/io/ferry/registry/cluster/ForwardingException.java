package io.ferry.registry.cluster;

/** The leader could not be reached, or did not answer in time. */
public class ForwardingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ForwardingException(String message, Throwable cause) {
        super(message, cause);
    }
}
