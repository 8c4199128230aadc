package io.ferry.registry.store;

/**
 * What a log record is about. One kind per key type of the {@code _schemas} topic; a key with a
 * {@code null} subject is about the whole registry (global config, global mode).
 */
public sealed interface RecordKey {

    /** A version of a subject. */
    record Schema(String subject, int version) implements RecordKey {
    }

    /** The compatibility settings of a subject, or the global ones when {@code subject} is null. */
    record Config(String subject) implements RecordKey {
    }

    /** The mode of a subject, or the global mode when {@code subject} is null. */
    record Mode(String subject) implements RecordKey {
    }

    /** Soft deletion of a subject's versions. */
    record DeleteSubject(String subject) implements RecordKey {
    }

    /** Permanent deletion of a subject's versions that were soft-deleted. */
    record ClearSubject(String subject) implements RecordKey {
    }

    /** A record that changes nothing; written to learn where the log ends. */
    record Noop() implements RecordKey {
    }
}
