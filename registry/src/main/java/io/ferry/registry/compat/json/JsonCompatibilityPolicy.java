package io.ferry.registry.compat.json;

import java.util.EnumSet;
import java.util.Set;

import io.ferry.registry.compat.CompatibilityPolicy;

/**
 * Which differences between a writer's and a reader's JSON Schema the reader tolerates; the names are
 * Confluent Schema Registry's {@code compatibilityPolicy} values.
 */
public enum JsonCompatibilityPolicy {

    /**
     * The default: a reader tolerates a change only when every document the writer's schema allows is also
     * allowed by the reader's. A property added to an open content model, or removed from a closed one, is
     * incompatible, because the writer may have written that property with any value.
     */
    STRICT(EnumSet.noneOf(JsonDifferenceType.class)),

    /**
     * The robustness principle: a reader ignores properties it does not know and fills in optional ones it
     * does not find. On top of {@link #STRICT}, an optional property (or a required one with a default) may
     * be added to an open content model, and a property may be removed from a closed one. A required property
     * without a default still may not be added.
     */
    LENIENT(EnumSet.of(
            JsonDifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL,
            JsonDifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL,
            JsonDifferenceType.PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL));

    private final Set<JsonDifferenceType> alsoCompatible;

    JsonCompatibilityPolicy(Set<JsonDifferenceType> alsoCompatible) {
        this.alsoCompatible = alsoCompatible;
    }

    /**
     * The JSON Schema policy for a subject's {@code compatibilityPolicy} setting: {@code LENIENT} is lenient;
     * {@code STRICT}, {@code LOGICAL} (a setting for table formats, which adds nothing to JSON Schema's rules)
     * and no setting are strict.
     */
    public static JsonCompatibilityPolicy of(CompatibilityPolicy setting) {
        return setting == CompatibilityPolicy.LENIENT ? LENIENT : STRICT;
    }

    /** Whether a reader tolerates a difference of this type under this policy. */
    public boolean tolerates(JsonDifferenceType type) {
        return type.compatibleWhenStrict() || alsoCompatible.contains(type);
    }
}
