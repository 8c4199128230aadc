package io.ferry.kafka.support.membership;

/**
 * The body of a leader transaction: the records to write, sent through the given sender.
 *
 * @param <T> what the body returns to the caller of {@link LeaderFencedProducer#runInTransaction}
 */
@FunctionalInterface
public interface LeaderTransaction<K, V, T> {

    /**
     * Sends the transaction's records. Runs on the caller's thread; should not wait for the sends
     * (the commit does). Throwing aborts the transaction, and the exception reaches the caller.
     */
    T run(TransactionSender<K, V> sender);
}
