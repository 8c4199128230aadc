package io.ferry.connect.worker.source;

import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.OffsetTopic;
import org.apache.kafka.connect.source.SourceTask.TransactionBoundary;

/**
 * What an exactly-once source task needs beyond what every source task has.
 *
 * @param offsetTopic  the worker's offsets topic and its view: the task writes its offsets there in
 *                     its transactions, reads it to the end before starting, and waits until the view
 *                     holds what it committed
 * @param codec        the offsets' bytes
 * @param boundary     where the task's transactions end
 * @param intervalMs   with {@link TransactionBoundary#INTERVAL}, how often a transaction is committed
 * @param readTimeoutMs how long the task waits for the offsets topic to be read to its end
 * @param transactionTimeoutMs the producer's {@code transaction.timeout.ms}: a transaction open for less cannot have expired
 * @param startCheck    run just before and just after the producer's {@code initTransactions()}; throws when the
 *                      task may no longer start (a newer generation of its connector's tasks exists)
 */
public record TransactionalParts(OffsetTopic offsetTopic, OffsetCodec codec, TransactionBoundary boundary, long intervalMs,
        long readTimeoutMs, long transactionTimeoutMs, Runnable startCheck) {
}
