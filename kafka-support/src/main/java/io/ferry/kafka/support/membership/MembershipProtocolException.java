package io.ferry.kafka.support.membership;

/**
 * Bytes exchanged through the group (a member's metadata, a plan) cannot be read: written by a
 * newer Ferry, or damaged. The message says which and what to do.
 */
final class MembershipProtocolException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MembershipProtocolException(String message) {
        super(message);
    }

    MembershipProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
