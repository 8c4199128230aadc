package io.ferry.registry.compat;

import static io.ferry.registry.compat.AvroSchemas.avro;
import static io.ferry.registry.compat.AvroSchemas.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The exact messages of {@code POST /compatibility/...?verbose=true} (and, joined, of a 409 on
 * registration) for each kind of Avro incompatibility, checked backward and forward.
 */
class AvroCompatibilityMessagesTest {

    private static final String ONE_FIELD =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}]}";
    private static final String TWO_FIELDS =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},"
                    + "{\"name\":\"f2\",\"type\":\"string\"}]}";

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("a field added without a default, backward", ONE_FIELD, TWO_FIELDS, CompatibilityLevel.BACKWARD,
                        List.of("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path "
                                        + "'/fields/1' in the new schema has no default value and is missing in the old schema', "
                                        + "additionalInfo:'f2'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":"
                                        + "[{\"name\":\"f1\",\"type\":\"string\"}]}'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD'}")),
                Arguments.of("a field without a default removed, forward: the old schema reads",
                        TWO_FIELDS, ONE_FIELD, CompatibilityLevel.FORWARD,
                        List.of("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path "
                                        + "'/fields/1' in the old schema has no default value and is missing in the new schema', "
                                        + "additionalInfo:'f2'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\","
                                        + "\"type\":\"string\"},{\"name\":\"f2\",\"type\":\"string\"}]}'}",
                                "{validateFields: 'false', compatibility: 'FORWARD'}")),
                Arguments.of("a primitive changed, backward", "\"int\"", "\"boolean\"", CompatibilityLevel.BACKWARD,
                        List.of("{errorType:'TYPE_MISMATCH', description:'The type (path '/') of a field in the new schema "
                                        + "does not match with the old schema', additionalInfo:'reader type: BOOLEAN not compatible "
                                        + "with writer type: INT'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '\"int\"'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD'}")),
                Arguments.of("a field type changed, forward",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"long\"}]}",
                        CompatibilityLevel.FORWARD_TRANSITIVE,
                        List.of("{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the "
                                        + "old schema does not match with the new schema', additionalInfo:'reader type: INT not "
                                        + "compatible with writer type: LONG'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}'}",
                                "{validateFields: 'false', compatibility: 'FORWARD_TRANSITIVE'}")),
                Arguments.of("a record renamed, backward",
                        "{\"type\":\"record\",\"name\":\"Old\",\"namespace\":\"n\",\"fields\":[]}",
                        "{\"type\":\"record\",\"name\":\"New\",\"namespace\":\"n\",\"fields\":[]}",
                        CompatibilityLevel.BACKWARD,
                        List.of("{errorType:'NAME_MISMATCH', description:'The name of the schema has changed (path '/name')', "
                                        + "additionalInfo:'expected: n.Old'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"Old\",\"namespace\":\"n\",\"fields\":[]}'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD'}")),
                Arguments.of("a fixed resized, backward",
                        "{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}", "{\"type\":\"fixed\",\"name\":\"F\",\"size\":16}",
                        CompatibilityLevel.BACKWARD_TRANSITIVE,
                        List.of("{errorType:'FIXED_SIZE_MISMATCH', description:'The size of FIXED type field at path '/size' "
                                        + "in the new schema does not match with the old schema', additionalInfo:'expected: 8, "
                                        + "found: 16'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"fixed\",\"name\":\"F\",\"size\":8}'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD_TRANSITIVE'}")),
                Arguments.of("enum symbols removed, backward",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\",\"D\"]}",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}",
                        CompatibilityLevel.BACKWARD,
                        List.of("{errorType:'MISSING_ENUM_SYMBOLS', description:'The new schema is missing enum symbols "
                                        + "'[C, D]' at path '/symbols' in the old schema', additionalInfo:'[C, D]'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\",\"C\",\"D\"]}'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD'}")),
                Arguments.of("an enum symbol added, forward",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}",
                        "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\",\"B\"]}",
                        CompatibilityLevel.FORWARD,
                        List.of("{errorType:'MISSING_ENUM_SYMBOLS', description:'The old schema is missing enum symbols "
                                        + "'[B]' at path '/symbols' in the new schema', additionalInfo:'[B]'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}'}",
                                "{validateFields: 'false', compatibility: 'FORWARD'}")),
                Arguments.of("a union branch removed, backward",
                        "[\"null\",\"string\",\"int\"]", "[\"null\",\"string\"]", CompatibilityLevel.BACKWARD,
                        List.of("{errorType:'MISSING_UNION_BRANCH', description:'The new schema is missing a type inside a "
                                        + "union field at path '/2' in the old schema', additionalInfo:'reader union lacking "
                                        + "writer type: INT'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '[\"null\",\"string\",\"int\"]'}",
                                "{validateFields: 'false', compatibility: 'BACKWARD'}")),
                Arguments.of("a type changed both ways, full: forward problems first, old schema once at the end",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}",
                        "{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}",
                        CompatibilityLevel.FULL,
                        List.of("{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the "
                                        + "old schema does not match with the new schema', additionalInfo:'reader type: INT not "
                                        + "compatible with writer type: STRING'}",
                                "{errorType:'TYPE_MISMATCH', description:'The type (path '/fields/0/type') of a field in the "
                                        + "new schema does not match with the old schema', additionalInfo:'reader type: STRING not "
                                        + "compatible with writer type: INT'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\",\"type\":\"int\"}]}'}",
                                "{validateFields: 'false', compatibility: 'FULL'}")),
                Arguments.of("a field removed under full fails only forward, so no old schema is listed",
                        TWO_FIELDS, ONE_FIELD, CompatibilityLevel.FULL,
                        List.of("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path "
                                        + "'/fields/1' in the old schema has no default value and is missing in the new schema', "
                                        + "additionalInfo:'f2'}",
                                "{validateFields: 'false', compatibility: 'FULL'}")),
                Arguments.of("a field added under full transitive fails backward, with the old schema",
                        ONE_FIELD, TWO_FIELDS, CompatibilityLevel.FULL_TRANSITIVE,
                        List.of("{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path "
                                        + "'/fields/1' in the new schema has no default value and is missing in the old schema', "
                                        + "additionalInfo:'f2'}",
                                "{oldSchemaVersion: 1}",
                                "{oldSchema: '{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":"
                                        + "[{\"name\":\"f1\",\"type\":\"string\"}]}'}",
                                "{validateFields: 'false', compatibility: 'FULL_TRANSITIVE'}")));
    }

    private final AvroCompatibilityChecker checker = new AvroCompatibilityChecker();

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void shouldListTheProblemsAsConfluentDoes(String description, String oldSchema, String newSchema,
            CompatibilityLevel level, List<String> expected) {
        CompatibilityResult result = checker.check(avro(newSchema), history(oldSchema), level);

        assertThat(result.isCompatible()).isFalse();
        assertThat(result.messages()).containsExactlyElementsOf(expected);
    }
}
