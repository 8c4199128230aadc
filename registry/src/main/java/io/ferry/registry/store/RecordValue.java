package io.ferry.registry.store;

import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/** The new state a log record gives its key. A removal is a record without a value. */
public sealed interface RecordValue {

    /**
     * A version of a subject.
     *
     * @param metadata the metadata given at registration, stored and returned as given; may be null
     * @param ruleSet  the rule set given at registration, stored and returned as given; may be null
     * @param deleted  soft-deleted: kept, but hidden unless asked for
     */
    record Schema(String subject, int version, int id, SchemaType type, String schema,
                  List<SchemaReference> references, ObjectNode metadata, ObjectNode ruleSet, boolean deleted)
            implements RecordValue {

        public Schema {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(schema, "schema");
            references = List.copyOf(references == null ? List.of() : references);
        }

        public Schema withDeleted(boolean isDeleted) {
            return new Schema(subject, version, id, type, schema, references, metadata, ruleSet, isDeleted);
        }
    }

    /**
     * Compatibility settings.
     *
     * @param level  the compatibility level; null when only other settings are set
     * @param others further settings (normalize, validateFields, compatibilityPolicy, metadata and rule-set
     *               defaults...), kept as given
     */
    record Config(CompatibilityLevel level, ObjectNode others) implements RecordValue {
    }

    /** A mode. */
    record Mode(RegistryMode mode) implements RecordValue {

        public Mode {
            Objects.requireNonNull(mode, "mode");
        }
    }

    /** Every version of {@code subject} up to {@code version} is soft-deleted. */
    record DeleteSubject(String subject, int version) implements RecordValue {
    }

    /** Every soft-deleted version of {@code subject} is removed. */
    record ClearSubject(String subject) implements RecordValue {
    }

    /** Nothing. */
    record Noop() implements RecordValue {
    }
}
