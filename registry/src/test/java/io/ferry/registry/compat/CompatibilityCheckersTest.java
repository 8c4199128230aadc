package io.ferry.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

class CompatibilityCheckersTest {

    @Test
    void shouldFindTheCheckerOfEachTypeItHolds() {
        CompatibilityCheckers checkers = new CompatibilityCheckers(List.of(new AvroCompatibilityChecker()));
        assertThat(checkers.forType(SchemaType.AVRO))
                .hasValueSatisfying(checker -> assertThat(checker).isInstanceOf(AvroCompatibilityChecker.class));
        assertThat(checkers.forType(SchemaType.JSON)).isEmpty();
    }

    @Test
    void shouldRefuseTwoCheckersForOneType() {
        assertThatThrownBy(() -> new CompatibilityCheckers(
                List.of(new AvroCompatibilityChecker(), new AvroCompatibilityChecker())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two compatibility checkers for AVRO");
    }
}
