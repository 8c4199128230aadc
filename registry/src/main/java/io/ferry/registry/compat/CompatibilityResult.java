package io.ferry.registry.compat;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The outcome of a compatibility check. Immutable.
 *
 * <p>When incompatible, it holds the problems found against the one earlier version that failed, and the
 * messages Confluent Schema Registry gives for them: in the {@code messages} of
 * {@code POST /compatibility/...?verbose=true}, and, joined as {@code [a, b, c]}, in the message of a
 * {@code 409} on registration.
 */
public final class CompatibilityResult {

    private final CompatibilityLevel level;
    private final OptionalInt failedVersion;
    private final List<Incompatibility> incompatibilities;
    private final List<String> details;

    private CompatibilityResult(CompatibilityLevel level, OptionalInt failedVersion,
            List<Incompatibility> incompatibilities, List<String> details) {
        this.level = Objects.requireNonNull(level, "level");
        this.failedVersion = failedVersion;
        this.incompatibilities = List.copyOf(incompatibilities);
        this.details = List.copyOf(details);
    }

    /** A candidate that may follow the earlier versions. */
    public static CompatibilityResult compatible(CompatibilityLevel level) {
        return new CompatibilityResult(level, OptionalInt.empty(), List.of(), List.of());
    }

    /**
     * A candidate that may not follow the earlier versions.
     *
     * @param failedVersion     the earlier version it failed against
     * @param incompatibilities the problems found, not empty
     * @param details           the messages for them, without the closing line of settings, not empty
     */
    public static CompatibilityResult incompatible(CompatibilityLevel level, int failedVersion,
            List<Incompatibility> incompatibilities, List<String> details) {
        if (incompatibilities.isEmpty() || details.isEmpty()) {
            throw new IllegalArgumentException("an incompatible result needs its problems and their messages");
        }
        return new CompatibilityResult(level, OptionalInt.of(failedVersion), incompatibilities, details);
    }

    public boolean isCompatible() {
        return incompatibilities.isEmpty();
    }

    /** The level that was applied. */
    public CompatibilityLevel level() {
        return level;
    }

    /** The earlier version the candidate failed against; empty when compatible. */
    public OptionalInt failedVersion() {
        return failedVersion;
    }

    /** The problems, in the order they were found; empty when compatible. */
    public List<Incompatibility> incompatibilities() {
        return incompatibilities;
    }

    /** {@link #messages(boolean)} with field validation off, the registry's default. */
    public List<String> messages() {
        return messages(false);
    }

    /**
     * The messages Confluent Schema Registry gives: each problem's line, then
     * {@code {oldSchemaVersion: N}} and {@code {oldSchema: '...'}} for the failing version (only after
     * the problems of the backward check under {@code FULL} levels), then
     * {@code {validateFields: 'false', compatibility: 'BACKWARD'}}. Empty when compatible.
     *
     * @param validateFields the subject's {@code validateFields} setting, which the last line reports
     */
    public List<String> messages(boolean validateFields) {
        if (isCompatible()) {
            return List.of();
        }
        List<String> messages = new ArrayList<>(details);
        messages.add(CompatibilityMessages.settings(validateFields, level));
        return List.copyOf(messages);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CompatibilityResult other
                && level == other.level
                && failedVersion.equals(other.failedVersion)
                && incompatibilities.equals(other.incompatibilities)
                && details.equals(other.details);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, failedVersion, incompatibilities, details);
    }

    @Override
    public String toString() {
        return isCompatible() ? "compatible under " + level : messages().toString();
    }
}
