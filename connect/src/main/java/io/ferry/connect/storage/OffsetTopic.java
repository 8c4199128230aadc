package io.ferry.connect.storage;

import java.util.concurrent.CompletableFuture;

/**
 * An {@link OffsetStore} kept in a Kafka topic that other writers append to as well — exactly-once
 * source tasks write their offsets into it with their own transactional producers. Lets such a
 * writer catch up with the topic and wait until the store has applied its own records.
 */
public interface OffsetTopic extends OffsetStore {

    /** The topic's name. */
    String topic();

    /**
     * A future completed once every record committed to the topic before this call has been
     * applied to the store's view. Completes on the store's reader thread: wait with {@code get}.
     */
    CompletableFuture<Void> readToEnd();

    /** A future completed once the store's view holds the record at {@code offset} of {@code partition}. */
    CompletableFuture<Void> awaitApplied(int partition, long offset);
}
