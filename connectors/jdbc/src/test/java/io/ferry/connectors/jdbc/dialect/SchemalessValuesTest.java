package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connectors.jdbc.dialect.SchemalessValues.ColumnKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Schemaless values converted for a column kind, as a table of cases. */
class SchemalessValuesTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ColumnDefinition COLUMN = new ColumnDefinition("c", Types.OTHER, "sometype", 0, 0, true, false, false, false);

    static Stream<Arguments> conversions() {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("a", Arrays.asList(1, null, "x\"y\n"));
        document.put("b", 2.5d);
        return Stream.of(
                Arguments.of(ColumnKind.INTEGER, 42L, 42L), Arguments.of(ColumnKind.INTEGER, "42", 42L),
                Arguments.of(ColumnKind.INTEGER, 3.0d, 3L), Arguments.of(ColumnKind.INTEGER, true, 1L),
                Arguments.of(ColumnKind.DECIMAL, 12.5d, new BigDecimal("12.5")), Arguments.of(ColumnKind.DECIMAL, "1e3", new BigDecimal("1E+3")),
                Arguments.of(ColumnKind.FLOAT, 7, 7.0d), Arguments.of(ColumnKind.FLOAT, "0.25", 0.25d),
                Arguments.of(ColumnKind.BOOLEAN, "TRUE", true), Arguments.of(ColumnKind.BOOLEAN, 0L, false),
                Arguments.of(ColumnKind.TEXT, 5L, "5"), Arguments.of(ColumnKind.TEXT, document, "{\"a\":[1,null,\"x\\\"y\\n\"],\"b\":2.5}"),
                Arguments.of(ColumnKind.BINARY, "AAH/", new byte[] {0, 1, (byte) 0xff}),
                Arguments.of(ColumnKind.DATE, "2024-02-29T10:00:00", LocalDate.parse("2024-02-29")),
                Arguments.of(ColumnKind.DATE, 86_400_000L, LocalDate.parse("1970-01-02")),
                Arguments.of(ColumnKind.TIME, "13:14:15.5", LocalTime.parse("13:14:15.5")),
                Arguments.of(ColumnKind.TIME, 3_600_000, LocalTime.parse("01:00")),
                Arguments.of(ColumnKind.TIMESTAMP, "2024-07-01 12:00:00", Instant.parse("2024-07-01T10:00:00Z")),
                Arguments.of(ColumnKind.TIMESTAMP, 1_000L, Instant.ofEpochSecond(1)),
                Arguments.of(ColumnKind.JSON, List.of(1, "a"), "[1,\"a\"]"), Arguments.of(ColumnKind.JSON, "{\"k\":1}", "{\"k\":1}"),
                Arguments.of(ColumnKind.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11")),
                Arguments.of(ColumnKind.PARSED_TEXT, "10.0.0.1/8", "10.0.0.1/8"), Arguments.of(ColumnKind.PARSED_TEXT, 7L, "7"),
                Arguments.of(ColumnKind.PARSED_TEXT, 12.5d, "12.5"), Arguments.of(ColumnKind.PARSED_TEXT, 1e20d, "100000000000000000000"),
                Arguments.of(ColumnKind.PARSED_TEXT, Double.NEGATIVE_INFINITY, "-Infinity"), Arguments.of(ColumnKind.PARSED_TEXT, true, "true"),
                Arguments.of(ColumnKind.PARSED_TEXT, new BigInteger("18446744073709551615"), "18446744073709551615"),
                Arguments.of(ColumnKind.DECIMAL, new BigInteger("18446744073709551615"), new BigDecimal("18446744073709551615")));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("conversions")
    void shouldConvertSchemalessValuesToTheColumnsType(ColumnKind kind, Object value, Object expected) {
        assertThat(SchemalessValues.convert(COLUMN, kind, value, PARIS)).isEqualTo(expected);
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(ColumnKind.INTEGER, 1.5d), Arguments.of(ColumnKind.INTEGER, "x"), Arguments.of(ColumnKind.INTEGER, List.of()),
                Arguments.of(ColumnKind.BOOLEAN, 2L), Arguments.of(ColumnKind.BOOLEAN, "yes"),
                Arguments.of(ColumnKind.TEXT, new byte[] {1}), Arguments.of(ColumnKind.BINARY, "not base64!"),
                Arguments.of(ColumnKind.DATE, "tomorrow"), Arguments.of(ColumnKind.TIMESTAMP, Map.of()),
                Arguments.of(ColumnKind.UUID, "not-a-uuid"), Arguments.of(ColumnKind.UNSUPPORTED, "x"),
                Arguments.of(ColumnKind.PARSED_TEXT, Map.of("a", 1)), Arguments.of(ColumnKind.PARSED_TEXT, List.of(1, 2)),
                Arguments.of(ColumnKind.PARSED_TEXT, new byte[] {1}));
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @MethodSource("failures")
    void shouldNameColumnTypeAndValueTypeWhenAValueDoesNotConvert(ColumnKind kind, Object value) {
        assertThatThrownBy(() -> SchemalessValues.convert(COLUMN, kind, value, PARIS)).isInstanceOf(DataException.class)
                .hasMessageContaining("column c").hasMessageContaining("sometype")
                .hasMessageContaining(value instanceof Map ? "a Map value" : value instanceof List ? "a List value"
                        : value.getClass().getSimpleName());
    }

    @Test
    void shouldKeepNull() {
        assertThat(SchemalessValues.convert(COLUMN, ColumnKind.INTEGER, null, PARIS)).isNull();
    }

    @Test
    void shouldWriteJsonWithoutNonFiniteNumbers() {
        assertThat(JsonText.of(List.of(Double.NaN, 1.5f, new BigDecimal("1E+3"), new byte[] {1})))
                .isEqualTo("[\"NaN\",1.5,1000,\"AQ==\"]");
    }

    @Test
    void shouldParseNumericMappingConfigValues() {
        assertThat(ReadOptions.NumericMapping.of("best_fit_eager_double")).isEqualTo(ReadOptions.NumericMapping.BEST_FIT_EAGER_DOUBLE);
        assertThat(ReadOptions.NumericMapping.of(" NONE ")).isEqualTo(ReadOptions.NumericMapping.NONE);
        assertThatThrownBy(() -> ReadOptions.NumericMapping.of("fit")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("precision_only");
    }
}
