package io.ferry.connectors.jdbc.dialect;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** PostgreSQL's array text, read and written, and the offsets of times with time zone, without a database. */
class PostgresArrayTextTest {

    static Stream<Arguments> arrays() {
        return Stream.of(
                Arguments.of("{}", ',', List.of()),
                Arguments.of("{a,b}", ',', List.of("a", "b")),
                Arguments.of("{NULL,null,\"NULL\",\"\"}", ',', Arrays.asList(null, null, "NULL", "")),
                Arguments.of("{\"a,b\",\"say \\\"hi\\\"\",\"back\\\\slash\",\"{x}\"}", ',',
                        List.of("a,b", "say \"hi\"", "back\\slash", "{x}")),
                Arguments.of("{a\\,b,\\NULL}", ',', List.of("a,b", "NULL")),
                Arguments.of("{ünï,\"(1,\\\"a b \\\"\\\"c\\\"\\\"\\\")\"}", ',', List.of("ünï", "(1,\"a b \"\"c\"\"\")")),
                Arguments.of("{ a , \" b \" }", ',', List.of("a", " b ")),
                Arguments.of("{{1,2},{NULL,4}}", ',', List.of(List.of("1", "2"), Arrays.asList(null, "4"))),
                Arguments.of("{{}}", ',', List.of(List.of())),
                Arguments.of("[0:1]={x,y}", ',', List.of("x", "y")),
                Arguments.of("[1:1][2:3]={{x,y}}", ',', List.of(List.of("x", "y"))),
                Arguments.of("{(3,4),(1,2);(1,1),(0,0);NULL}", ';', Arrays.asList("(3,4),(1,2)", "(1,1),(0,0)", null)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void shouldReadEachElementsTextWithNullsAndNestedDimensions(String text, char delimiter, List<?> expected) {
        assertThat(lists(PostgresArrayText.parse(text, delimiter))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arrays")
    void shouldWriteTextThatReadsBackAsTheSameElements(String text, char delimiter, List<?> expected) {
        assertThat(lists(PostgresArrayText.parse(PostgresArrayText.format(expected, delimiter), delimiter))).isEqualTo(expected);
    }

    @Test
    void shouldQuoteEveryElementSoNoneReadsAsNullOrADelimiter() {
        assertThat(PostgresArrayText.format(Arrays.asList("NULL", null, "a\"b\\c", List.of("{}")), ','))
                .isEqualTo("{\"NULL\",NULL,\"a\\\"b\\\\c\",{\"{}\"}}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a,b|where '{' belongs",
            "{a,b|an unexpected end",
            "{a,}|an empty unquoted element",
            "{a}x|text after the closing brace",
            "{\"a\"b}|where ',' or '}' belongs",
            "[0:1]{a}|without '='"})
    void shouldRejectMalformedTextNamingTheProblem(String text, String problem) {
        assertThatThrownBy(() -> PostgresArrayText.parse(text, ','))
                .isInstanceOf(DataException.class).hasMessageContaining(text).hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12:34:56.5+05:30|12:34:56.5+05:30",
            "08:00:00-02|08:00:00-02:00",
            "00:00:00+00|00:00:00Z",
            "24:00:00+00|24:00:00Z",
            "12:00:00+05:30:15|12:00:00+05:30:15"})
    void shouldWriteTimesWithTimeZoneAsIsoOffsetTimes(String server, String iso) {
        assertThat(PostgresTypes.isoTimeWithZone(server)).isEqualTo(iso);
    }

    private static List<Object> lists(Object[] elements) {
        return Arrays.stream(elements).map(e -> e instanceof Object[] nested ? lists(nested) : e).toList();
    }
}
