package io.ferry.registry.store;

/**
 * How records are written as bytes: the key and value of a {@code _schemas} topic record. Both
 * backends use the same encoding, so a local log and a topic hold the same bytes.
 */
public interface RecordCodec {

    byte[] encodeKey(RecordKey key);

    /**
     * @param key   the record's key (some values repeat its subject)
     * @return {@code null} for a null value (a tombstone)
     */
    byte[] encodeValue(RecordKey key, RecordValue value);

    /**
     * Decodes a record.
     *
     * @param value {@code null} for a tombstone
     * @throws IllegalArgumentException naming what is wrong when the bytes are not a record
     */
    RegistryRecord decode(byte[] key, byte[] value);
}
