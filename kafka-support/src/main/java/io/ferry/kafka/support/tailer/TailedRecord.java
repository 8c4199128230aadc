package io.ferry.kafka.support.tailer;

import org.apache.kafka.common.header.Headers;

/**
 * One record of a tailed topic, deserialized.
 *
 * @param topic     the topic
 * @param partition the partition
 * @param offset    its offset in the partition
 * @param timestamp its timestamp (ms since the epoch)
 * @param key       the key; may be null
 * @param value     the value; null for a tombstone
 * @param headers   the record's headers
 */
public record TailedRecord<K, V>(String topic, int partition, long offset, long timestamp, K key, V value, Headers headers) {

    /** Whether this record deletes its key (a null value). */
    public boolean isTombstone() {
        return value == null;
    }
}
