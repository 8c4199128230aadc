package io.ferry.registry.compat.json;

import static io.ferry.registry.compat.json.TestJsonSchema.history;
import static io.ferry.registry.compat.json.TestJsonSchema.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.compat.CompatibilityPolicy;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.compat.Incompatibility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The subject's {@code compatibilityPolicy} setting, as the JSON Schema checker applies it per check. */
class JsonSchemaPolicySettingTest {

    private static final TestJsonSchema OLD = json("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"}}}");
    /** An optional property added to an open content model: STRICT refuses it backward, LENIENT accepts it. */
    private static final TestJsonSchema OPTIONAL_ADDED = json(
            "{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"string\"},\"b\":{\"type\":\"string\"}}}");

    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of(CompatibilityPolicy.STRICT, JsonCompatibilityPolicy.STRICT),
                Arguments.of(CompatibilityPolicy.LENIENT, JsonCompatibilityPolicy.LENIENT),
                Arguments.of(CompatibilityPolicy.LOGICAL, JsonCompatibilityPolicy.STRICT),
                Arguments.of(null, JsonCompatibilityPolicy.STRICT));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("settings")
    void shouldMapEachSettingToAJsonSchemaPolicy(CompatibilityPolicy setting, JsonCompatibilityPolicy expected) {
        assertThat(JsonCompatibilityPolicy.of(setting)).isEqualTo(expected);
    }

    @Test
    void shouldAcceptAnOptionalPropertyAddedToAnOpenModelOnlyUnderALenientSetting() {
        JsonSchemaCompatibilityChecker checker = new JsonSchemaCompatibilityChecker();
        CompatibilityResult strict = checker.check(OPTIONAL_ADDED, history(OLD), CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT);
        CompatibilityResult lenient = checker.check(OPTIONAL_ADDED, history(OLD), CompatibilityLevel.BACKWARD, CompatibilityPolicy.LENIENT);

        assertThat(strict.isCompatible()).isFalse();
        assertThat(strict.incompatibilities()).extracting(Incompatibility::type)
                .containsExactly("OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL");
        assertThat(lenient.isCompatible()).isTrue();
    }

    @Test
    void shouldLetTheSubjectsSettingWinOverTheCheckersOwnPolicy() {
        JsonSchemaCompatibilityChecker lenientChecker = new JsonSchemaCompatibilityChecker(JsonCompatibilityPolicy.LENIENT);

        assertThat(lenientChecker.check(OPTIONAL_ADDED, history(OLD), CompatibilityLevel.BACKWARD).isCompatible())
                .as("without a setting, the checker's own policy").isTrue();
        assertThat(lenientChecker.check(OPTIONAL_ADDED, history(OLD), CompatibilityLevel.BACKWARD, CompatibilityPolicy.STRICT)
                .isCompatible()).as("the subject's STRICT setting").isFalse();
    }
}
