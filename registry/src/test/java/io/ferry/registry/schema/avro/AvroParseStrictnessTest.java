package io.ferry.registry.schema.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Default values and namespaces are checked only for a new schema when defaults are to be validated or
 * the normal form is asked for; stored schemas are never held to those rules.
 */
class AvroParseStrictnessTest {

    private static final String NULL_DEFAULT_FOR_STRING =
            "{\"type\": \"record\", \"name\": \"R\", \"fields\": [{\"name\": \"f\", \"type\": \"string\", \"default\": null}]}";
    private static final String HYPHENATED_NAMESPACE =
            "{\"type\": \"record\", \"name\": \"R\", \"namespace\": \"foo-bar.x\", \"fields\": [{\"name\": \"f\", \"type\": \"int\"}]}";
    private static final String NON_ASCII_NAMES =
            "{\"type\": \"record\", \"name\": \"Citt\u00e0\", \"fields\": [{\"name\": \"per\u00f2\", \"type\": \"int\"}]}";

    record Setting(String name, ParseOptions options, boolean validateDefaults) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final Setting STORED = new Setting("stored", ParseOptions.STORED, false);
    private static final Setting STORED_VALIDATING = new Setting("stored, defaults validated", ParseOptions.STORED, true);
    private static final Setting NEW = new Setting("new", ParseOptions.NEW, false);
    private static final Setting NEW_VALIDATING = new Setting("new, defaults validated", ParseOptions.NEW, true);
    private static final Setting NEW_NORMALIZED = new Setting("new, normalize", ParseOptions.NEW_NORMALIZED, false);
    private static final Setting STORED_NORMALIZED =
            new Setting("stored, normalize", new ParseOptions(false, true), false);

    static Stream<Arguments> accepted() {
        return Stream.of(
                Arguments.of(NULL_DEFAULT_FOR_STRING, STORED),
                Arguments.of(NULL_DEFAULT_FOR_STRING, STORED_VALIDATING),
                Arguments.of(NULL_DEFAULT_FOR_STRING, NEW),
                Arguments.of(NULL_DEFAULT_FOR_STRING, STORED_NORMALIZED),
                Arguments.of(HYPHENATED_NAMESPACE, STORED),
                Arguments.of(HYPHENATED_NAMESPACE, NEW),
                Arguments.of(NON_ASCII_NAMES, STORED),
                Arguments.of(NON_ASCII_NAMES, NEW));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("accepted")
    void shouldAcceptWhatOnlyStrictParsingRejects(String text, Setting setting) throws InvalidSchemaException {
        AvroParsedSchema schema = new AvroSchemaProvider(setting.validateDefaults())
                .parse(text, List.of(), List.of(), setting.options());

        assertThat(schema.canonicalString()).isNotEmpty();
    }

    static Stream<Arguments> rejected() {
        return Stream.of(
                Arguments.of(NULL_DEFAULT_FOR_STRING, NEW_VALIDATING, "Invalid default for field f: null not a \"string\""),
                Arguments.of(NULL_DEFAULT_FOR_STRING, NEW_NORMALIZED, "Invalid default for field f: null not a \"string\""),
                Arguments.of(HYPHENATED_NAMESPACE, NEW_VALIDATING,
                        "Namespace part \"foo-bar\" is invalid: Illegal character in: foo-bar"),
                Arguments.of(HYPHENATED_NAMESPACE, NEW_NORMALIZED,
                        "Namespace part \"foo-bar\" is invalid: Illegal character in: foo-bar"),
                Arguments.of(NON_ASCII_NAMES, NEW_VALIDATING, "Illegal character in: Citt\u00e0"));
    }

    @ParameterizedTest(name = "{1}: {0}")
    @MethodSource("rejected")
    void shouldRejectWhenParsingStrictly(String text, Setting setting, String message) {
        AvroSchemaProvider provider = new AvroSchemaProvider(setting.validateDefaults());

        assertThatThrownBy(() -> provider.parse(text, List.of(), List.of(), setting.options()))
                .isInstanceOf(InvalidSchemaException.class)
                .hasMessage(message);
    }
}
