package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Debezium's semantic types recognised by schema name, and their encodings decoded into standard values. */
class DebeziumTypeTest {

    static Stream<Arguments> encodings() {
        Struct decimal = new Struct(DebeziumSchemas.variableScaleDecimal()).put("scale", 4)
                .put("value", BigInteger.valueOf(-1234567).toByteArray());
        return Stream.of(
                Arguments.of(DebeziumType.DATE, 19_783, LocalDate.of(2024, 3, 1)),
                Arguments.of(DebeziumType.DATE, -1, LocalDate.of(1969, 12, 31)),
                Arguments.of(DebeziumType.TIME, 45_296_789, LocalTime.of(12, 34, 56, 789_000_000)),
                Arguments.of(DebeziumType.MICRO_TIME, 45_296_789_012L, LocalTime.of(12, 34, 56, 789_012_000)),
                Arguments.of(DebeziumType.NANO_TIME, 45_296_789_012_345L, LocalTime.of(12, 34, 56, 789_012_345)),
                Arguments.of(DebeziumType.TIMESTAMP, 1_709_296_496_789L, LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_000_000)),
                Arguments.of(DebeziumType.MICRO_TIMESTAMP, 1_709_296_496_789_012L, LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000)),
                Arguments.of(DebeziumType.MICRO_TIMESTAMP, -1L, LocalDateTime.of(1969, 12, 31, 23, 59, 59, 999_999_000)),
                Arguments.of(DebeziumType.NANO_TIMESTAMP, 1_709_296_496_789_012_345L, LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_345)),
                Arguments.of(DebeziumType.ZONED_TIMESTAMP, "2024-03-01T12:34:56.789012Z", Instant.parse("2024-03-01T12:34:56.789012Z")),
                Arguments.of(DebeziumType.ZONED_TIMESTAMP, "2024-03-01T14:34:56+02:00", Instant.parse("2024-03-01T12:34:56Z")),
                Arguments.of(DebeziumType.ZONED_TIME, "12:34:56.789Z", "12:34:56.789Z"),
                Arguments.of(DebeziumType.MICRO_DURATION, 90_000_000L, 90_000_000L),
                Arguments.of(DebeziumType.INTERVAL, "P1Y2M3DT4H5M6.78S", "P1Y2M3DT4H5M6.78S"),
                Arguments.of(DebeziumType.UUID, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                Arguments.of(DebeziumType.JSON, "{\"a\": [1, 2]}", "{\"a\": [1, 2]}"),
                Arguments.of(DebeziumType.XML, "<a>1</a>", "<a>1</a>"),
                Arguments.of(DebeziumType.ENUM, "happy", "happy"),
                Arguments.of(DebeziumType.ENUM_SET, "a,c", "a,c"),
                Arguments.of(DebeziumType.VARIABLE_SCALE_DECIMAL, decimal, new BigDecimal("-123.4567")),
                // bit(10) B'1000000101': little-endian bytes, padded to the column's ten bits
                Arguments.of(DebeziumType.BITS, new byte[] {0x05, 0x02}, "1000000101"),
                Arguments.of(DebeziumType.BITS, new byte[] {0x05, 0x00}, "0000000101"),
                Arguments.of(DebeziumType.YEAR, 2024, 2024),
                Arguments.of(DebeziumType.ISO_DATE, "2024-03-01Z", LocalDate.of(2024, 3, 1)),
                Arguments.of(DebeziumType.ISO_DATE, "2024-03-01", LocalDate.of(2024, 3, 1)),
                Arguments.of(DebeziumType.ISO_TIME, "12:34:56.789012Z", LocalTime.of(12, 34, 56, 789_012_000)),
                Arguments.of(DebeziumType.ISO_TIME, "24:00:00Z", DebeziumType.END_OF_DAY),
                Arguments.of(DebeziumType.ISO_TIMESTAMP, "2024-03-01T12:34:56.789012Z", LocalDateTime.of(2024, 3, 1, 12, 34, 56, 789_012_000)),
                Arguments.of(DebeziumType.ISO_TIMESTAMP, "2024-03-01T14:34:56+02:00", LocalDateTime.of(2024, 3, 1, 12, 34, 56)),
                // PostgreSQL's time 24:00:00, one day past midnight
                Arguments.of(DebeziumType.MICRO_TIME, 86_400_000_000L, DebeziumType.END_OF_DAY),
                Arguments.of(DebeziumType.TIME, 86_400_000, DebeziumType.END_OF_DAY),
                Arguments.of(DebeziumType.POINT, DebeziumSchemas.point(1.5, -2), "(1.5,-2.0)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("encodings")
    void shouldDecodeEachEncodingIntoItsStandardValue(DebeziumType type, Object encoded, Object expected) {
        Schema schema = DebeziumSchemas.of(type);
        assertThat(DebeziumType.of(schema)).isEqualTo(type);
        assertThat(type.value(schema, encoded)).isEqualTo(expected);
        assertThat(type.value(schema, null)).isNull();
    }

    @Test
    void shouldLeaveConnectTypesAndUnnamedSchemasAlone() {
        assertThat(DebeziumType.of(Timestamp.SCHEMA)).isEqualTo(DebeziumType.NONE);
        assertThat(DebeziumType.of(Schema.INT64_SCHEMA)).isEqualTo(DebeziumType.NONE);
        assertThat(DebeziumType.of(SchemaBuilder.int64().name("io.debezium.time.Century").build())).isEqualTo(DebeziumType.NONE);
        assertThat(DebeziumType.of(null)).isEqualTo(DebeziumType.NONE);
    }

    @Test
    void shouldKeepTheDigitsABitVaryingValueHasWhenItsLengthSaysNoMore() {
        // bit varying without a length arrives with 2^31 - 1 and only the bytes the value needs
        assertThat(DebeziumType.BITS.value(DebeziumSchemas.bits(Integer.MAX_VALUE), new byte[] {0x05})).isEqualTo("101");
    }

    @Test
    void shouldNameTheTypeAndItsEncodingForAValueThatIsNotDebeziums() {
        Schema zoned = DebeziumSchemas.of(DebeziumType.ZONED_TIMESTAMP);
        assertThatThrownBy(() -> DebeziumType.ZONED_TIMESTAMP.value(zoned, "2024-03-01 12:34:56"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("io.debezium.time.ZonedTimestamp").hasMessageContaining("ISO-8601 date-time text with an offset");
        Schema time = DebeziumSchemas.of(DebeziumType.MICRO_TIME);
        assertThatThrownBy(() -> DebeziumType.MICRO_TIME.value(time, 86_400_000_001L))
                .isInstanceOf(DataException.class).hasMessageContaining("not within a day");
    }
}
