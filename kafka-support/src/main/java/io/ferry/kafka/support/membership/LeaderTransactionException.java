package io.ferry.kafka.support.membership;

/**
 * A leader's transaction failed for a reason other than a lost leadership (the cluster did not
 * answer, a record was refused, authorization). Retriable or not depending on the cause.
 *
 * <p>When {@link #outcomeUnknown()} is false the transaction was aborted (or will be, by the
 * broker, before anyone can commit it): nothing it wrote becomes visible. When true, the commit
 * was sent but its answer did not come: the records may or may not become visible, and the
 * caller must find out by reading (after the next {@link LeaderFencedProducer#claim}, which
 * settles the transaction one way or the other).
 */
public class LeaderTransactionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final boolean outcomeUnknown;

    public LeaderTransactionException(String message, Throwable cause, boolean outcomeUnknown) {
        super(message, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** Whether the transaction may have been committed after all. */
    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
