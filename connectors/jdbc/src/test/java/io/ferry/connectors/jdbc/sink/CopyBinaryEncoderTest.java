package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.sink.CopyBinaryEncoder.Field;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CopyBinaryEncoderTest {
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static ColumnDefinition column(String typeName) {
        return new ColumnDefinition("c", java.sql.Types.OTHER, typeName, 0, 0, true, false, false, false);
    }

    private static java.util.Date at(String instant) {
        return java.util.Date.from(Instant.parse(instant));
    }

    /** The field's bytes in hex, its length prefix first, spaces ignored in the expectation. */
    private static String encode(Field field, Object value, ZoneId zone) throws SQLException {
        CopyBinaryBuffer out = new CopyBinaryBuffer(4);
        new CopyBinaryEncoder(zone).appendValue(out, field, value);
        return HexFormat.of().formatHex(out.toByteArray());
    }

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of("null", Field.INT8, null, UTC, "ffffffff"),
                Arguments.of("smallint", Field.INT2, (short) -2, UTC, "00000002 fffe"),
                Arguments.of("INT8 widened to integer", Field.INT4, (byte) 7, UTC, "00000004 00000007"),
                Arguments.of("INT64 narrowed to integer", Field.INT4, -1L, UTC, "00000004 ffffffff"),
                Arguments.of("bigint", Field.INT8, Long.MIN_VALUE, UTC, "00000008 8000000000000000"),
                Arguments.of("real", Field.FLOAT4, 1.5f, UTC, "00000004 3fc00000"),
                Arguments.of("double negative zero", Field.FLOAT8, -0.0d, UTC, "00000008 8000000000000000"),
                Arguments.of("double NaN", Field.FLOAT8, Double.NaN, UTC, "00000008 7ff8000000000000"),
                Arguments.of("true", Field.BOOL, true, UTC, "00000001 01"),
                Arguments.of("false", Field.BOOL, false, UTC, "00000001 00"),
                Arguments.of("empty text", Field.TEXT, "", UTC, "00000000"),
                Arguments.of("text unescaped, UTF-8", Field.TEXT, "a\t\\ż", UTC, "00000005 61095cc5bc"),
                Arguments.of("bytea", Field.BYTEA, new byte[] {0, (byte) 0xff, '\\'}, UTC, "00000003 00ff5c"),
                Arguments.of("bytea from a buffer's remaining bytes", Field.BYTEA,
                        ByteBuffer.wrap(new byte[] {1, 2, 3, 4}, 1, 2), UTC, "00000002 0203"),
                // numeric: ndigits, weight, sign, dscale, then base-10000 digits
                Arguments.of("numeric zero", Field.NUMERIC, BigDecimal.ZERO, UTC, "00000008 0000 0000 0000 0000"),
                Arguments.of("numeric zero keeps its scale", Field.NUMERIC, new BigDecimal("0.00"), UTC, "00000008 0000 0000 0000 0002"),
                Arguments.of("numeric across the point", Field.NUMERIC, new BigDecimal("12345.6789"), UTC,
                        "0000000e 0003 0001 0000 0004 0001 0929 1a85"),
                Arguments.of("numeric negative fraction", Field.NUMERIC, new BigDecimal("-0.01"), UTC, "0000000a 0001 ffff 4000 0002 0064"),
                Arguments.of("numeric fraction padded to a whole digit", Field.NUMERIC, new BigDecimal("0.00001"), UTC,
                        "0000000a 0001 fffe 0000 0005 03e8"),
                Arguments.of("numeric scale 2 padded", Field.NUMERIC, new BigDecimal("98765.43"), UTC,
                        "0000000e 0003 0001 0000 0002 0009 223d 10cc"),
                Arguments.of("numeric trailing zero digits dropped", Field.NUMERIC, new BigDecimal("1000.00"), UTC,
                        "0000000a 0001 0000 0000 0002 03e8"),
                Arguments.of("numeric 10000", Field.NUMERIC, new BigDecimal("10000"), UTC, "0000000a 0001 0001 0000 0000 0001"),
                Arguments.of("numeric negative scale written plain", Field.NUMERIC, new BigDecimal("-1E+5"), UTC,
                        "0000000a 0001 0001 4000 0000 000a"),
                Arguments.of("numeric beyond a long", Field.NUMERIC, new BigDecimal("-123456789012345678901234567890.5"), UTC,
                        "0000001a 0009 0007 4000 0001 000c 0d80 1ed2 04d2 162e 2334 0d80 1ed2 1388"),
                Arguments.of("date 2000-01-01 is day 0", Field.DATE, at("2000-01-01T00:00:00Z"), UTC, "00000004 00000000"),
                Arguments.of("date before 2000", Field.DATE, at("1999-12-31T00:00:00Z"), UTC, "00000004 ffffffff"),
                Arguments.of("date before 1970, its UTC day", Field.DATE, at("1969-12-31T23:59:59.999Z"), UTC, "00000004 ffffd532"),
                Arguments.of("date before year 1", Field.DATE, at("-0043-03-15T00:00:00Z"), UTC, "00000004 fff49d7b"),
                Arguments.of("time in micros", Field.TIME, new java.util.Date(13 * 3_600_000L + 5_007), UTC, "00000008 0000000ae5cbba98"),
                Arguments.of("time before 1970 wraps to its time of day", Field.TIME, new java.util.Date(-1), UTC,
                        "00000008 000000141dd75c18"),
                Arguments.of("timestamp", Field.TIMESTAMP, at("2000-01-01T00:00:00.001Z"), UTC, "00000008 00000000000003e8"),
                Arguments.of("timestamp before 2000", Field.TIMESTAMP, at("1999-12-31T23:59:59.999Z"), UTC, "00000008 fffffffffffffc18"),
                Arguments.of("timestamp local in db.timezone", Field.TIMESTAMP, at("1999-12-31T23:00:00Z"), PARIS, "00000008 0000000000000000"),
                Arguments.of("timestamptz is the instant", Field.TIMESTAMPTZ, at("1999-12-31T23:00:00Z"), PARIS,
                        "00000008 ffffffff296c5c00"),
                Arguments.of("timestamp before 1970", Field.TIMESTAMP, at("1969-12-31T23:59:59.999Z"), UTC, "00000008 fffca2fec4c81c18"),
                Arguments.of("timestamp infinity", Field.TIMESTAMP, new java.util.Date(9223372036825200000L), PARIS, "00000008 7fffffffffffffff"),
                Arguments.of("timestamptz -infinity", Field.TIMESTAMPTZ, new java.util.Date(-9223372036832400000L), UTC,
                        "00000008 8000000000000000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("values")
    void shouldWriteEachValueInPostgresBinaryForm(String name, Field field, Object value, ZoneId zone, String expected) throws SQLException {
        assertThat(encode(field, value, zone)).isEqualTo(expected.replace(" ", ""));
    }

    static Stream<Arguments> pairs() {
        Schema debeziumDate = new SchemaBuilder(Schema.Type.INT32).name("io.debezium.time.Date").build();
        Schema named = SchemaBuilder.string().name("com.example.Code").build();
        return Stream.of(
                Arguments.of(Schema.INT8_SCHEMA, "int2", Field.INT2),
                Arguments.of(Schema.INT16_SCHEMA, "int4", Field.INT4),
                Arguments.of(Schema.INT32_SCHEMA, "serial", Field.INT4),
                Arguments.of(Schema.INT64_SCHEMA, "int8", Field.INT8),
                Arguments.of(Schema.INT64_SCHEMA, "bigserial", Field.INT8),
                Arguments.of(Schema.INT64_SCHEMA, "numeric", null),
                Arguments.of(Schema.FLOAT32_SCHEMA, "float4", Field.FLOAT4),
                Arguments.of(Schema.FLOAT32_SCHEMA, "float8", null), // 0.1f is not the double 0.1 its text reads as
                Arguments.of(Schema.FLOAT64_SCHEMA, "float8", Field.FLOAT8),
                Arguments.of(Schema.FLOAT64_SCHEMA, "float4", null),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "bool", Field.BOOL),
                Arguments.of(Schema.BOOLEAN_SCHEMA, "bit", null),
                Arguments.of(Schema.STRING_SCHEMA, "text", Field.TEXT),
                Arguments.of(Schema.STRING_SCHEMA, "VARCHAR", Field.TEXT),
                Arguments.of(Schema.STRING_SCHEMA, "bpchar", Field.TEXT),
                Arguments.of(Schema.STRING_SCHEMA, "jsonb", null),
                Arguments.of(Schema.STRING_SCHEMA, "uuid", null),
                Arguments.of(named, "text", null),
                Arguments.of(Schema.BYTES_SCHEMA, "bytea", Field.BYTEA),
                Arguments.of(Decimal.schema(2), "numeric", Field.NUMERIC),
                Arguments.of(Decimal.schema(2), "float8", null),
                Arguments.of(Date.SCHEMA, "date", Field.DATE),
                Arguments.of(Date.SCHEMA, "timestamp", null),
                Arguments.of(Time.SCHEMA, "time", Field.TIME),
                Arguments.of(Time.SCHEMA, "timetz", null),
                Arguments.of(Timestamp.SCHEMA, "timestamp", Field.TIMESTAMP),
                Arguments.of(Timestamp.SCHEMA, "timestamptz", Field.TIMESTAMPTZ),
                Arguments.of(Timestamp.SCHEMA, "date", null),
                Arguments.of(debeziumDate, "date", null),
                Arguments.of(SchemaBuilder.array(Schema.INT32_SCHEMA).build(), "_int4", null));
    }

    @ParameterizedTest(name = "{0} into {1}: {2}")
    @MethodSource("pairs")
    void shouldGoBinaryOnlyForPairsWhoseBinaryFormIsTheTextsValue(Schema schema, String typeName, Field expected) {
        assertThat(CopyBinaryEncoder.field(schema, column(typeName))).isEqualTo(expected);
    }

    @Test
    void shouldKeepTheWholeGroupOnTextWhenOneColumnHasNoBinaryForm() {
        List<ColumnValue.ColumnSlot> slots = List.of(new ColumnValue.ColumnSlot("id", Schema.INT64_SCHEMA),
                new ColumnValue.ColumnSlot("doc", Schema.STRING_SCHEMA));
        assertThat(CopyBinaryEncoder.fields(slots, List.of(column("int8"), column("jsonb")))).isNull();
        assertThat(CopyBinaryEncoder.fields(slots, List.of(column("int8"), column("text")))).containsExactly(Field.INT8, Field.TEXT);
    }

    @Test
    void shouldWriteATupleAsItsFieldCountThenItsFields() throws SQLException {
        CopyBinaryBuffer out = new CopyBinaryBuffer(4);
        new CopyBinaryEncoder(UTC).appendRow(out, List.of(new ColumnValue("id", Schema.INT64_SCHEMA, 1L),
                new ColumnValue("s", Schema.OPTIONAL_STRING_SCHEMA, null)), new Field[] {Field.INT8, Field.TEXT});
        assertThat(HexFormat.of().formatHex(out.toByteArray())).isEqualTo("0002" + "00000008" + "0000000000000001" + "ffffffff");
    }

    @Test
    void shouldRefuseAnIntegerTheColumnCannotHoldAsTheDatabaseWould() {
        assertThatThrownBy(() -> encode(Field.INT4, 1L << 31, UTC)).isInstanceOf(SQLException.class)
                .hasMessageContaining("out of range for type integer").extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
        assertThatThrownBy(() -> encode(Field.INT2, -32_769, UTC)).isInstanceOf(SQLException.class)
                .hasMessageContaining("smallint");
    }

    @Test
    void shouldRefuseANumericScaleBeyondPostgres() {
        assertThatThrownBy(() -> encode(Field.NUMERIC, BigDecimal.ONE.movePointLeft(16_384), UTC))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22003");
    }

    @Test
    void shouldRefuseATimestampWhoseMicrosecondsWouldWrapAround() {
        assertThatThrownBy(() -> encode(Field.TIMESTAMPTZ, new java.util.Date(Long.MAX_VALUE / 999), UTC))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22008");
        assertThatThrownBy(() -> encode(Field.DATE, new java.util.Date(Long.MIN_VALUE + 1), UTC))
                .isInstanceOf(SQLException.class).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22008");
    }

    @Test
    void shouldStartWithThePgcopySignature() {
        assertThat(new String(CopyBinaryEncoder.HEADER, 0, 6, StandardCharsets.US_ASCII)).isEqualTo("PGCOPY");
        assertThat(CopyBinaryEncoder.HEADER).hasSize(19);
    }
}
