package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Versions in Maven's order, which picks the copy of a plugin found in several places. */
class VersionOrderTest {

    static Stream<Arguments> ascending() {
        return Stream.of(
                Arguments.of("4.3.0", "4.3.1"),
                Arguments.of("4.9", "4.10"),
                Arguments.of("3.9.1", "4.0.0"),
                Arguments.of("1.0-alpha", "1.0-beta"),
                Arguments.of("1.0-beta", "1.0-rc1"),
                Arguments.of("1.0-rc1", "1.0-rc2"),
                Arguments.of("1.0-rc2", "1.0-SNAPSHOT"),
                Arguments.of("1.0-SNAPSHOT", "1.0"),
                Arguments.of("1.0", "1.0-sp1"),
                Arguments.of("1.0", "1.0.1"),
                Arguments.of("1.0.Final", "1.0.1"),
                Arguments.of("undefined", "0.1"),
                Arguments.of("null", "undefined"),
                Arguments.of("2.5.0.Final", "3.0.0.Final"),
                Arguments.of("3.6.1.Final", "3.6.10.Final"),
                // Separators only split items: a qualifier after "2.0" and after "2.0.0" sorts the same, as the
                // version ranges of *.plugin.version sort it (2.0.0 = 2.0, so 2.0-sp1 is above both)
                Arguments.of("2.0.0", "2.0-sp1"),
                Arguments.of("2.0.0", "2.0-hotfix"),
                Arguments.of("2.0.0-rc.1", "2.0.RELEASE"),
                Arguments.of("2.0.0-rc.1", "2.0-SNAPSHOT"),
                Arguments.of("2.0.0-M1", "2.0-SNAPSHOT"));
    }

    @ParameterizedTest(name = "{0} < {1}")
    @MethodSource("ascending")
    void shouldOrderVersionsAsMavenDoes(String lower, String higher) {
        assertThat(VersionOrder.INSTANCE.compare(lower, higher)).isNegative();
        assertThat(VersionOrder.INSTANCE.compare(higher, lower)).isPositive();
    }

    static Stream<Arguments> equal() {
        return Stream.of(
                Arguments.of("1", "1.0"),
                Arguments.of("1.0", "1.0.0"),
                Arguments.of("1.0", "1.0-ga"),
                Arguments.of("1.0.Final", "1.0"),
                Arguments.of("1.0-RC1", "1.0-rc-1"),
                Arguments.of("4.3.1", "4.3.1"),
                Arguments.of("undefined", "UNDEFINED"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("equal")
    void shouldTreatTrailingZerosReleaseWordsAndCaseAsEqual(String left, String right) {
        assertThat(VersionOrder.INSTANCE.compare(left, right)).isZero();
        assertThat(VersionOrder.INSTANCE.compare(right, left)).isZero();
    }
}
