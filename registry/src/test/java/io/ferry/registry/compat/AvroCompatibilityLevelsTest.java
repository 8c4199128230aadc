package io.ferry.registry.compat;

import static io.ferry.registry.compat.AvroSchemas.avro;
import static io.ferry.registry.compat.AvroSchemas.history;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases for the levels: which earlier versions are checked, in which order, and which version a
 * failure is reported against. {@code F1} has one field; {@code F2_DEFAULT} adds {@code f2} with a default;
 * {@code F2} adds it without; {@code F3_DEFAULTS} adds {@code f2} and {@code f3}, both with defaults.
 */
class AvroCompatibilityLevelsTest {

    private static final String F1 =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"}]}";
    private static final String F2_DEFAULT =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},"
                    + "{\"name\":\"f2\",\"type\":\"string\",\"default\":\"foo\"}]}";
    private static final String F2 =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},"
                    + "{\"name\":\"f2\",\"type\":\"string\"}]}";
    private static final String F3_DEFAULTS =
            "{\"type\":\"record\",\"name\":\"myrecord\",\"fields\":[{\"name\":\"f1\",\"type\":\"string\"},"
                    + "{\"name\":\"f2\",\"type\":\"string\",\"default\":\"foo\"},"
                    + "{\"name\":\"f3\",\"type\":\"string\",\"default\":\"bar\"}]}";
    private static final String UNRELATED = "{\"type\":\"enum\",\"name\":\"E\",\"symbols\":[\"A\"]}";

    private static final String F2_MISSING_NEW_READS =
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the "
                    + "new schema has no default value and is missing in the old schema', additionalInfo:'f2'}";
    private static final String F2_MISSING_OLD_READS =
            "{errorType:'READER_FIELD_MISSING_DEFAULT_VALUE', description:'The field 'f2' at path '/fields/1' in the "
                    + "old schema has no default value and is missing in the new schema', additionalInfo:'f2'}";

    /** One golden case: a subject's history, a candidate, a level, and what the check must answer. */
    record Case(String name, List<String> historyOldestFirst, String candidate, CompatibilityLevel level,
            OptionalInt failedVersion, List<String> messages) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case compatible(String name, CompatibilityLevel level, String candidate, String... history) {
        return new Case(name, List.of(history), candidate, level, OptionalInt.empty(), List.of());
    }

    private static Case incompatible(String name, CompatibilityLevel level, String candidate, List<String> history,
            int failedVersion, String... messages) {
        List<String> all = new ArrayList<>(List.of(messages));
        all.add("{validateFields: 'false', compatibility: '" + level.name() + "'}");
        return new Case(name, history, candidate, level, OptionalInt.of(failedVersion), all);
    }

    private static String[] oldVersion(int version, String canonical) {
        return new String[] {"{oldSchemaVersion: " + version + "}", "{oldSchema: '" + canonical + "'}"};
    }

    private static String[] lines(String problem, String[] oldVersion) {
        return new String[] {problem, oldVersion[0], oldVersion[1]};
    }

    static Stream<Case> cases() {
        return Stream.of(
                compatible("none accepts anything", CompatibilityLevel.NONE, UNRELATED, F1, F2),
                compatible("the first version is compatible under backward", CompatibilityLevel.BACKWARD, F1),
                compatible("the first version is compatible under full transitive", CompatibilityLevel.FULL_TRANSITIVE, F1),

                compatible("backward: a field added with a default", CompatibilityLevel.BACKWARD, F2_DEFAULT, F1),
                incompatible("backward: a field added without a default", CompatibilityLevel.BACKWARD, F2, List.of(F1),
                        1, lines(F2_MISSING_NEW_READS, oldVersion(1, F1))),
                compatible("backward checks only the newest version", CompatibilityLevel.BACKWARD, F2, F1, F2_DEFAULT),
                compatible("backward ignores an incompatible older version", CompatibilityLevel.BACKWARD, F1, UNRELATED, F1),

                compatible("backward transitive: defaults added step by step", CompatibilityLevel.BACKWARD_TRANSITIVE,
                        F3_DEFAULTS, F1, F2_DEFAULT),
                compatible("backward transitive: removing a default is fine against the one version",
                        CompatibilityLevel.BACKWARD_TRANSITIVE, F2, F2_DEFAULT),
                incompatible("backward transitive: v1 to v2 and v2 to v3 pass, v1 to v3 does not",
                        CompatibilityLevel.BACKWARD_TRANSITIVE, F2, List.of(F1, F2_DEFAULT),
                        1, lines(F2_MISSING_NEW_READS, oldVersion(1, F1))),
                incompatible("backward transitive stops at the newest failing version",
                        CompatibilityLevel.BACKWARD_TRANSITIVE, F2, List.of(F1, F1),
                        2, lines(F2_MISSING_NEW_READS, oldVersion(2, F1))),

                compatible("forward: a field added without a default", CompatibilityLevel.FORWARD, F2, F1),
                compatible("forward: a default dropped", CompatibilityLevel.FORWARD, F2, F2_DEFAULT),
                incompatible("forward: a field without a default removed", CompatibilityLevel.FORWARD, F1, List.of(F2),
                        1, lines(F2_MISSING_OLD_READS, oldVersion(1, F2))),
                compatible("forward checks only the newest version", CompatibilityLevel.FORWARD, F1, F2, F2_DEFAULT),

                compatible("forward transitive: fields with defaults removed step by step",
                        CompatibilityLevel.FORWARD_TRANSITIVE, F1, F3_DEFAULTS, F2_DEFAULT),
                incompatible("forward transitive: an older version still needs the field",
                        CompatibilityLevel.FORWARD_TRANSITIVE, F1, List.of(F2, F2_DEFAULT),
                        1, lines(F2_MISSING_OLD_READS, oldVersion(1, F2))),
                incompatible("forward transitive reports the newest failing version",
                        CompatibilityLevel.FORWARD_TRANSITIVE, F1, List.of(F2_DEFAULT, F2),
                        2, lines(F2_MISSING_OLD_READS, oldVersion(2, F2))),

                compatible("full: a field added with a default", CompatibilityLevel.FULL, F2_DEFAULT, F1),
                compatible("full checks only the newest version", CompatibilityLevel.FULL, F2, F1, F2_DEFAULT),
                incompatible("full: a field added without a default fails backward",
                        CompatibilityLevel.FULL, F2, List.of(F1),
                        1, lines(F2_MISSING_NEW_READS, oldVersion(1, F1))),
                incompatible("full: a field without a default removed fails forward, listed without the old schema",
                        CompatibilityLevel.FULL, F1, List.of(F2),
                        1, F2_MISSING_OLD_READS),

                compatible("full transitive: fields with defaults added", CompatibilityLevel.FULL_TRANSITIVE,
                        F3_DEFAULTS, F1, F2_DEFAULT),
                compatible("full transitive: fields with defaults removed", CompatibilityLevel.FULL_TRANSITIVE,
                        F1, F3_DEFAULTS, F2_DEFAULT),
                incompatible("full transitive: adding a field without a default, against the oldest version",
                        CompatibilityLevel.FULL_TRANSITIVE, F2, List.of(F1, F2_DEFAULT),
                        1, lines(F2_MISSING_NEW_READS, oldVersion(1, F1))),
                incompatible("full transitive: removing a field without a default, against the newest version",
                        CompatibilityLevel.FULL_TRANSITIVE, F1, List.of(F2_DEFAULT, F2),
                        2, F2_MISSING_OLD_READS));
    }

    private final AvroCompatibilityChecker checker = new AvroCompatibilityChecker();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldAnswerTheGoldenCase(Case golden) {
        CompatibilityResult result = checker.check(avro(golden.candidate()),
                history(golden.historyOldestFirst().toArray(String[]::new)), golden.level());

        assertThat(result.isCompatible()).isEqualTo(golden.failedVersion().isEmpty());
        assertThat(result.failedVersion()).isEqualTo(golden.failedVersion());
        assertThat(result.level()).isEqualTo(golden.level());
        assertThat(result.messages()).containsExactlyElementsOf(golden.messages());
    }
}
