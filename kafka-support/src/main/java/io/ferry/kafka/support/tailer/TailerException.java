package io.ferry.kafka.support.tailer;

/** A tailer could not start, or a wait on it failed (closed, timed out, the cluster unreachable). */
public class TailerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TailerException(String message) {
        super(message);
    }

    public TailerException(String message, Throwable cause) {
        super(message, cause);
    }
}
