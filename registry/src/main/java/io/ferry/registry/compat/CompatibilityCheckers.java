package io.ferry.registry.compat;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

import io.ferry.registry.schema.SchemaType;

/** The compatibility checker for each schema type. Immutable. */
public final class CompatibilityCheckers {

    private final Map<SchemaType, CompatibilityChecker> byType = new EnumMap<>(SchemaType.class);

    /** @throws IllegalArgumentException when two checkers are for the same type */
    public CompatibilityCheckers(Collection<? extends CompatibilityChecker> checkers) {
        for (CompatibilityChecker checker : checkers) {
            if (byType.putIfAbsent(checker.type(), checker) != null) {
                throw new IllegalArgumentException("Two compatibility checkers for " + checker.type());
            }
        }
    }

    /** The checker for that type, if there is one. */
    public Optional<CompatibilityChecker> forType(SchemaType type) {
        return Optional.ofNullable(byType.get(type));
    }
}
