package io.ferry.registry.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;

class CompatibilityCheckersTest {

    @Test
    void shouldFindTheAvroChecker() {
        assertThat(CompatibilityCheckers.standard().forType(SchemaType.AVRO))
                .hasValueSatisfying(checker -> assertThat(checker).isInstanceOf(AvroCompatibilityChecker.class));
    }

    @Test
    void shouldHaveNoCheckerForTypesNotYetSupported() {
        assertThat(CompatibilityCheckers.standard().forType(SchemaType.JSON)).isEmpty();
        assertThat(CompatibilityCheckers.standard().forType(SchemaType.PROTOBUF)).isEmpty();
    }

    @Test
    void shouldRefuseTwoCheckersForOneType() {
        assertThatThrownBy(() -> new CompatibilityCheckers(
                List.of(new AvroCompatibilityChecker(), new AvroCompatibilityChecker())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two compatibility checkers for AVRO");
    }
}
