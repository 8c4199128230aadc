package io.ferry.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CompatibilityPolicyTest {

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("STRICT", Optional.of(CompatibilityPolicy.STRICT)),
                Arguments.of("lenient", Optional.of(CompatibilityPolicy.LENIENT)),
                Arguments.of(" Logical ", Optional.of(CompatibilityPolicy.LOGICAL)),
                Arguments.of("RELAXED", Optional.empty()),
                Arguments.of("", Optional.empty()),
                Arguments.of(null, Optional.empty()));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("names")
    void shouldReadPolicyNamesInAnyCase(String name, Optional<CompatibilityPolicy> expected) {
        assertThat(CompatibilityPolicy.fromName(name)).isEqualTo(expected);
    }

    @Test
    void shouldDefaultToStrict() {
        assertThat(CompatibilityPolicy.DEFAULT).isEqualTo(CompatibilityPolicy.STRICT);
    }

    static Stream<Arguments> combinations() {
        return Stream.of(
                Arguments.of(CompatibilityPolicy.LOGICAL, CompatibilityLevel.FORWARD, false),
                Arguments.of(CompatibilityPolicy.LOGICAL, CompatibilityLevel.FORWARD_TRANSITIVE, false),
                Arguments.of(CompatibilityPolicy.LOGICAL, CompatibilityLevel.BACKWARD, true),
                Arguments.of(CompatibilityPolicy.LOGICAL, CompatibilityLevel.FULL_TRANSITIVE, true),
                Arguments.of(CompatibilityPolicy.LOGICAL, CompatibilityLevel.NONE, true),
                Arguments.of(CompatibilityPolicy.LENIENT, CompatibilityLevel.FORWARD, true),
                Arguments.of(CompatibilityPolicy.STRICT, CompatibilityLevel.FORWARD_TRANSITIVE, true));
    }

    @ParameterizedTest(name = "{0} with {1}: {2}")
    @MethodSource("combinations")
    void shouldRefuseOnlyALogicalPolicyWithAForwardOnlyLevel(CompatibilityPolicy policy, CompatibilityLevel level, boolean allowed) {
        assertThat(policy.allows(level)).isEqualTo(allowed);
    }
}
