package io.ferry.connect.worker.source;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Why an exactly-once task's transaction failed, in words an operator can act on: fenced by a newer
 * instance of the task, a transaction that outlived its timeout, or anything else with its cause.
 */
final class TransactionFailures {
    private TransactionFailures() {
    }

    /**
     * @param mayHaveExpired whether the open transaction is older than the producer's transaction
     *                       timeout; if not, an old-epoch answer can only mean another instance took over
     */
    static ConnectException describe(TaskId id, String action, Throwable error, boolean mayHaveExpired) {
        // The coordinator answers a fenced producer with one of these, depending on which request meets the new epoch
        // first; so does it one whose transaction timed out, which only a transaction older than its timeout can be.
        boolean epochOrStateLost = causedBy(error, InvalidProducerEpochException.class) || causedBy(error, InvalidTxnStateException.class);
        if (causedBy(error, ProducerFencedException.class) || (!mayHaveExpired && epochOrStateLost)) {
            return new ConnectException("Task " + id + " was fenced out: another instance of this task took over (a newer producer "
                    + "with its transactional id started, or the leader fenced out the task's earlier generation), so this one stops. "
                    + "It could not " + action + ".", error);
        }
        if (!mayHaveExpired && coordinatorFailedTheCommit(error)) {
            return new ConnectException("Task " + id + " could not " + action + ": the transaction coordinator answered with an "
                    + "unexpected server error, which it gives when the task is fenced out at that moment (another instance of "
                    + "this task took over, or the leader fenced out the task's earlier generation); this one stops. Cause: " + error,
                    error);
        }
        if (epochOrStateLost) {
            return new ConnectException("Task " + id + " could not " + action + ": its producer transaction was open longer than "
                    + "transaction.timeout.ms and expired (or another instance of this task took over). If no other instance runs, "
                    + "give the connector's producer more throughput or a longer producer.override.transaction.timeout.ms, use "
                    + "a shorter transaction.boundary.interval.ms, or transaction.boundary=poll.", error);
        }
        if (causedBy(error, TransactionalIdAuthorizationException.class)) {
            return new ConnectException("Task " + id + " could not " + action + ": the worker is not allowed to use its transactional id "
                    + "(grant the worker's principal WRITE and DESCRIBE on transactional ids starting with the worker's group.id)", error);
        }
        if (error instanceof ConnectException connect) {
            return connect;
        }
        return new ConnectException("Task " + id + " could not " + action + ": " + error, error);
    }

    /**
     * The coordinator answers a commit that meets a fencing in progress (the leader's {@code fenceProducers}, or a
     * newer instance's {@code initTransactions}) with an unknown server error rather than an epoch error; the producer
     * reports it as an unhandled {@code EndTxn} error, by message only.
     */
    private static boolean coordinatorFailedTheCommit(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof UnknownServerException
                    || (cause.getMessage() != null && cause.getMessage().startsWith("Unhandled error in EndTxnResponse"))) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
