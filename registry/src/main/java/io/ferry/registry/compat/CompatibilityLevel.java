package io.ferry.registry.compat;

import java.util.Optional;

/** How a new version must relate to earlier ones; the names are Confluent's. */
public enum CompatibilityLevel {
    NONE(false, false, false),
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityLevel(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** The new schema can read data written with the old one. */
    public boolean backward() {
        return backward;
    }

    /** The old schema can read data written with the new one. */
    public boolean forward() {
        return forward;
    }

    /** Checked against every earlier live version, not only the latest. */
    public boolean transitive() {
        return transitive;
    }

    /** The level of that name (case-insensitive), if any. */
    public static Optional<CompatibilityLevel> fromName(String name) {
        return EnumNames.fromName(CompatibilityLevel.class, name);
    }
}
