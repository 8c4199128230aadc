package io.ferry.connect.herder.distributed;

import io.ferry.connect.herder.ConflictException;

/**
 * The cluster cannot decide this request now: no leader is known, or the leadership this worker wrote
 * under ended while it wrote (nothing of the write is visible). The request waits for the group's next
 * plan, and becomes a 409 only when none comes in time.
 */
final class RebalanceInProgressException extends ConflictException {

    RebalanceInProgressException(String message) {
        super(message);
    }
}
