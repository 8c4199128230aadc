package io.ferry.registry.compat;

import java.util.List;

import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaType;

/**
 * Decides whether a candidate schema may follow a subject's earlier versions under a compatibility level.
 * One implementation per {@link SchemaType}. Implementations are stateless and thread-safe.
 */
public interface CompatibilityChecker {

    /** The type of schema this checker understands. */
    SchemaType type();

    /**
     * Checks a candidate against earlier versions, applying the level as Confluent Schema Registry does.
     *
     * <ul>
     *   <li>{@link CompatibilityLevel#NONE}, or no earlier version: compatible.</li>
     *   <li>A non-transitive level checks against the newest earlier version only; a transitive level
     *       checks against every one, newest first, and stops at the first version the candidate fails.</li>
     *   <li>{@code BACKWARD} levels check that the candidate can read data written with the earlier
     *       version; {@code FORWARD} levels that the earlier version can read data written with the
     *       candidate; {@code FULL} levels both, the forward check first.</li>
     *   <li>An earlier version of another schema type is incompatible.</li>
     * </ul>
     *
     * @param candidate           the schema to check, of this checker's type
     * @param previousOldestFirst the subject's live earlier versions, oldest first
     * @param level               the compatibility level in force for the subject
     * @return the outcome; when incompatible, the problems found against the one failing version
     * @throws IllegalArgumentException when the candidate is not of this checker's type
     */
    CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level);

    /**
     * Checks as {@link #check(ParsedSchema, List, CompatibilityLevel)} does, under the subject's
     * {@code compatibilityPolicy}. Only a checker whose verdicts depend on the policy overrides this; the
     * others ignore the policy, so Avro and Protobuf answer the same under every policy.
     *
     * @param policy the policy in force for the subject
     */
    default CompatibilityResult check(ParsedSchema candidate, List<VersionedSchema> previousOldestFirst,
            CompatibilityLevel level, CompatibilityPolicy policy) {
        return check(candidate, previousOldestFirst, level);
    }
}
