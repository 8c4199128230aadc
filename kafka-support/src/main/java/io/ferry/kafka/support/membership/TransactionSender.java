package io.ferry.kafka.support.membership;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Sends records inside one leader transaction ({@link LeaderFencedProducer#runInTransaction}).
 * Valid only while the transaction body runs.
 */
@FunctionalInterface
public interface TransactionSender<K, V> {

    /**
     * Sends a record as part of the transaction; does not wait for it.
     *
     * @return completes when Kafka acknowledged the record (which is visible to
     *         {@code read_committed} readers only once the transaction commits), or exceptionally
     * @throws IllegalStateException when called after the transaction body returned
     */
    CompletableFuture<RecordMetadata> send(ProducerRecord<K, V> record);
}
