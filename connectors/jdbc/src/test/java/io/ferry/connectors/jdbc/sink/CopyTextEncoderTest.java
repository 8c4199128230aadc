package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CopyTextEncoderTest {
    private static final ColumnDefinition TEXT = new ColumnDefinition("c", java.sql.Types.VARCHAR, "text", 0, 0, true, false, false, false);
    private static final ColumnDefinition TS = new ColumnDefinition("c", java.sql.Types.TIMESTAMP, "timestamp", 0, 0, true, false, false, false);
    private static final ColumnDefinition TSTZ = new ColumnDefinition("c", java.sql.Types.TIMESTAMP, "timestamptz", 0, 0, true, false, false, false);

    private static String encode(Schema schema, Object value, ColumnDefinition column, ZoneId zone) {
        StringBuilder out = new StringBuilder();
        new CopyTextEncoder(zone).appendValue(out, schema, value, column);
        return out.toString();
    }

    private static String encode(Schema schema, Object value) {
        return encode(schema, value, TEXT, ZoneId.of("UTC"));
    }

    @Test
    void shouldWriteABooleanIntoABitColumnAsOneOrZeroAndElsewhereAsTOrF() {
        ColumnDefinition bit = new ColumnDefinition("c", java.sql.Types.BIT, "bit", 1, 0, true, false, false, false);
        ZoneId utc = ZoneId.of("UTC");
        assertThat(encode(Schema.BOOLEAN_SCHEMA, true, bit, utc)).isEqualTo("1");
        assertThat(encode(Schema.BOOLEAN_SCHEMA, false, bit, utc)).isEqualTo("0");
        assertThat(encode(Schema.BOOLEAN_SCHEMA, true)).isEqualTo("t");
    }

    @Test
    void shouldTellNullFromTheEmptyString() {
        assertThat(encode(Schema.OPTIONAL_STRING_SCHEMA, null)).isEqualTo("\\N");
        assertThat(encode(Schema.OPTIONAL_STRING_SCHEMA, "")).isEqualTo("");
        assertThat(encode(Schema.OPTIONAL_STRING_SCHEMA, "\\N")).isEqualTo("\\\\N");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "tab          | a\\tb      | a\\tb",
            "newline      | a\\nb      | a\\nb",
            "return       | a\\rb      | a\\rb",
            "backslash    | a\\\\b     | a\\\\b",
            "unicode      | żółw 🐢    | żółw 🐢",
    })
    void shouldEscapeTheCharactersCopyTextGivesMeaning(String name, String text, String expected) {
        assertThat(encode(Schema.STRING_SCHEMA, text.translateEscapes())).isEqualTo(expected);
    }

    @Test
    void shouldWritePostgresInfinityTimestampsBackAsInfinity() {
        assertThat(encode(Timestamp.SCHEMA, new java.util.Date(9223372036825200000L))).isEqualTo("infinity");
        assertThat(encode(Timestamp.SCHEMA, new java.util.Date(-9223372036832400000L))).isEqualTo("-infinity");
    }

    @Test
    void shouldWriteByteaAsEscapedHex() {
        assertThat(encode(Schema.BYTES_SCHEMA, new byte[] {0, (byte) 0xff, 0x10})).isEqualTo("\\\\x00ff10");
    }

    @Test
    void shouldWriteLogicalTypesAsPostgresReadsThem() {
        assertThat(encode(Decimal.schema(2), new BigDecimal("1E+3").setScale(2))).isEqualTo("1000.00");
        assertThat(encode(Date.SCHEMA, java.util.Date.from(Instant.parse("2024-02-29T00:00:00Z")))).isEqualTo("2024-02-29");
        assertThat(encode(Time.SCHEMA, new java.util.Date(13 * 3_600_000L + 5_000 + 7))).isEqualTo("13:00:05.007");
        assertThat(encode(Schema.BOOLEAN_SCHEMA, true)).isEqualTo("t");
    }

    @Test
    void shouldWriteTimestampsInTheDatabaseTimeZone() {
        java.util.Date instant = java.util.Date.from(Instant.parse("2024-07-01T10:15:30.250Z"));
        assertThat(encode(Timestamp.SCHEMA, instant, TS, ZoneId.of("Europe/Paris"))).isEqualTo("2024-07-01 12:15:30.250");
        assertThat(encode(Timestamp.SCHEMA, instant, TSTZ, ZoneId.of("Europe/Paris"))).isEqualTo("2024-07-01 12:15:30.250+02:00");
    }

    @Test
    void shouldWriteDaysAndTimestampsBeforeYearOneAsPostgresBcAndKeepTheSecondsOfALocalMeanTimeOffset() {
        ZoneId newYork = ZoneId.of("America/New_York");
        java.util.Date idesOfMarch = new java.util.Date(java.time.LocalDate.of(-43, 3, 15).toEpochDay() * 86_400_000L);
        assertThat(encode(org.apache.kafka.connect.data.Date.SCHEMA, idesOfMarch, TS, ZoneId.of("UTC"))).isEqualTo("0044-03-15 BC");
        java.util.Date noon = java.util.Date.from(Instant.parse("-0043-03-15T12:00:00Z"));
        assertThat(encode(Timestamp.SCHEMA, noon, TS, ZoneId.of("UTC"))).isEqualTo("0044-03-15 12:00:00.000 BC");
        java.util.Date yearThousand = java.util.Date.from(Instant.parse("1000-06-15T17:30:58.789Z"));
        assertThat(encode(Timestamp.SCHEMA, yearThousand, TSTZ, newYork)).isEqualTo("1000-06-15 12:34:56.789-04:56:02");
        assertThat(encode(named(Schema.Type.INT32, "io.debezium.time.Date"), (int) java.time.LocalDate.of(-43, 3, 15).toEpochDay()))
                .isEqualTo("0044-03-15 BC");
    }

    @Test
    void shouldWriteDebeziumsSemanticTypesWithAllTheirFractionDigits() {
        ZoneId paris = ZoneId.of("Europe/Paris");
        Schema microTimestamp = named(Schema.Type.INT64, "io.debezium.time.MicroTimestamp");
        assertThat(encode(microTimestamp, 1_719_828_930_123_456L, TS, paris)).as("zoneless: as it is")
                .isEqualTo("2024-07-01T10:15:30.123456");
        Schema zoned = named(Schema.Type.STRING, "io.debezium.time.ZonedTimestamp");
        assertThat(encode(zoned, "2024-07-01T10:15:30.123456Z", TSTZ, paris)).isEqualTo("2024-07-01T12:15:30.123456+02:00");
        assertThat(encode(zoned, "2024-07-01T10:15:30.123456Z", TS, paris)).isEqualTo("2024-07-01T12:15:30.123456");
        assertThat(encode(named(Schema.Type.INT64, "io.debezium.time.MicroTime"), 36_930_000_001L)).isEqualTo("10:15:30.000001");
        assertThat(encode(named(Schema.Type.INT32, "io.debezium.time.Date"), 19_905)).isEqualTo("2024-07-01");
        assertThat(encode(named(Schema.Type.INT64, "io.debezium.time.MicroDuration"), 90_000_000L)).isEqualTo("90000000 microseconds");
        assertThat(encode(named(Schema.Type.STRING, "io.debezium.data.Json"), "{\"a\":\"x\ty\"}")).isEqualTo("{\"a\":\"x\\ty\"}");
    }

    private static Schema named(Schema.Type type, String name) {
        return new SchemaBuilder(type).name(name).optional().build();
    }

    @Test
    void shouldSeparateColumnsWithTabsAndEndRowsWithNewlines() {
        StringBuilder out = new StringBuilder();
        new CopyTextEncoder(ZoneId.of("UTC")).appendRow(out,
                List.of(new ColumnValue("a", Schema.INT64_SCHEMA, 1L), new ColumnValue("b", Schema.OPTIONAL_STRING_SCHEMA, null)),
                List.of(TEXT, TEXT));
        assertThat(out).hasToString("1\t\\N\n");
    }

    @Test
    void shouldRefuseContainersSoTheyGoThroughStatements() {
        assertThat(CopyTextEncoder.supports(SchemaBuilder.struct().build())).isFalse();
        assertThat(CopyTextEncoder.supports(SchemaBuilder.array(Schema.INT32_SCHEMA).build())).isFalse();
        assertThat(CopyTextEncoder.supports(null)).isFalse();
        assertThat(CopyTextEncoder.supports(Decimal.schema(2))).isTrue();
    }
}
