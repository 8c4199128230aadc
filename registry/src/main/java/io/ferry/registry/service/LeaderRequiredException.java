package io.ferry.registry.service;

/**
 * The operation writes, and this node does not: the caller should hand the request to the leader.
 * Thrown before anything is checked that only the leader can check, so forwarding is safe.
 */
public class LeaderRequiredException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public LeaderRequiredException(String message) {
        super(message);
    }
}
