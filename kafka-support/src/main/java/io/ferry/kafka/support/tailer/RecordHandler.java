package io.ferry.kafka.support.tailer;

/**
 * Applies the records of a tailed topic, in offset order within each partition.
 *
 * <p>Called on the tailer's single thread only, so an implementation needs no locking against
 * itself; it must not block for long, since writers waiting in
 * {@link CompactedTopicTailer#sendAndAwait} wait for it. An exception thrown for a record is logged
 * with the record's coordinates and the record is skipped: one bad record must not stop a store
 * from loading the rest.
 */
@FunctionalInterface
public interface RecordHandler<K, V> {

    void onRecord(TailedRecord<K, V> record) throws Exception;
}
