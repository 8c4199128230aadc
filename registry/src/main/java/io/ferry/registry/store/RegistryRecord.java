package io.ferry.registry.store;

import java.util.Objects;

/**
 * One change of the registry's state.
 *
 * @param key   what it is about
 * @param value its new state; {@code null} removes the key (a tombstone)
 */
public record RegistryRecord(RecordKey key, RecordValue value) {

    public RegistryRecord {
        Objects.requireNonNull(key, "key");
    }

    public static RegistryRecord of(RecordKey key, RecordValue value) {
        return new RegistryRecord(key, value);
    }

    public static RegistryRecord tombstone(RecordKey key) {
        return new RegistryRecord(key, null);
    }
}
