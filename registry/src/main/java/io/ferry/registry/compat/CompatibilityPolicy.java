package io.ferry.registry.compat;

import java.util.Optional;

/**
 * How strictly a schema type's checker reads "compatible": the {@code compatibilityPolicy} config setting,
 * with Confluent Schema Registry's names. A checker whose verdicts do not depend on a policy ignores it.
 */
public enum CompatibilityPolicy {

    /** The default: a reader must accept every document the writer's schema allows. */
    STRICT,

    /** A reader ignores what it does not know and fills in what is optional (the robustness principle). */
    LENIENT,

    /**
     * Compatibility of the data's logical shape, for table formats that only evolve backward. It may not be
     * combined with a {@code FORWARD} level; Ferry's checkers otherwise treat it as {@link #STRICT}.
     */
    LOGICAL;

    /** The policy in force when none is set. */
    public static final CompatibilityPolicy DEFAULT = STRICT;

    /** The policy of that name (case-insensitive), if any. */
    public static Optional<CompatibilityPolicy> fromName(String name) {
        return EnumNames.fromName(CompatibilityPolicy.class, name);
    }

    /** Whether this policy may be combined with that level: a LOGICAL policy only evolves backward. */
    public boolean allows(CompatibilityLevel level) {
        return this != LOGICAL || !level.forward() || level.backward();
    }
}
