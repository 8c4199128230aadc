package io.ferry.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CompatibilityResultTest {

    private static final Incompatibility PROBLEM =
            Incompatibility.of("TYPE_MISMATCH", "/", "The type (path '/') of a field in the new schema does not match "
                    + "with the old schema", "reader type: BOOLEAN not compatible with writer type: INT");

    @Test
    void shouldRenderAnIncompatibilityAsConfluentListsIt() {
        assertThat(PROBLEM.message()).isEqualTo("{errorType:'TYPE_MISMATCH', description:'The type (path '/') of a "
                + "field in the new schema does not match with the old schema', additionalInfo:'reader type: BOOLEAN "
                + "not compatible with writer type: INT'}");
    }

    @Test
    void shouldNotChangeWhenTheListsItWasMadeFromChange() {
        List<Incompatibility> problems = new ArrayList<>(List.of(PROBLEM));
        List<String> details = new ArrayList<>(List.of(PROBLEM.message()));

        CompatibilityResult result = CompatibilityResult.incompatible(CompatibilityLevel.BACKWARD, 3, problems, details);
        problems.clear();
        details.clear();

        assertThat(result.incompatibilities()).containsExactly(PROBLEM);
        assertThat(result.messages()).containsExactly(PROBLEM.message(),
                "{validateFields: 'false', compatibility: 'BACKWARD'}");
        assertThatThrownBy(() -> result.messages().add("more")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void shouldRefuseAnIncompatibleResultWithoutProblems() {
        assertThatThrownBy(() -> CompatibilityResult.incompatible(CompatibilityLevel.FULL, 1, List.of(), List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldEqualAResultWithTheSameContent() {
        CompatibilityResult one = CompatibilityResult.incompatible(CompatibilityLevel.FULL, 2, List.of(PROBLEM),
                List.of(PROBLEM.message()));
        CompatibilityResult two = CompatibilityResult.incompatible(CompatibilityLevel.FULL, 2, List.of(PROBLEM),
                List.of(PROBLEM.message()));

        assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
        assertThat(one).isNotEqualTo(CompatibilityResult.compatible(CompatibilityLevel.FULL));
    }
}
