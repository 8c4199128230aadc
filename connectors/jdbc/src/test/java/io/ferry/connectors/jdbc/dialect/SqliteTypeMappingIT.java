package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;
import io.ferry.connectors.jdbc.testing.TestDatabase;

/**
 * SQLite columns read back by declared type, with date/time values stored as text, integers and Julian
 * days, in a non-UTC {@code db.timezone}.
 */
class SqliteTypeMappingIT {
    private static final ReadOptions OPTIONS = new ReadOptions(ZoneId.of("America/New_York"), NumericMapping.NONE);
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestDatabase database;

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.SQLITE, dir);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static Stream<TypeCase> types() {
        return Stream.of(
                new TypeCase("INTEGER", "-9223372036854775808", Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE),
                new TypeCase("INT", "7", Schema.OPTIONAL_INT64_SCHEMA, 7L),
                new TypeCase("TINYINT", "1", Schema.OPTIONAL_INT64_SCHEMA, 1L),
                new TypeCase("BIGINT", "2", Schema.OPTIONAL_INT64_SCHEMA, 2L),
                new TypeCase("REAL", "1.5", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.5d),
                new TypeCase("DOUBLE PRECISION", "-2.25", Schema.OPTIONAL_FLOAT64_SCHEMA, -2.25d),
                new TypeCase("FLOAT", "0.5", Schema.OPTIONAL_FLOAT64_SCHEMA, 0.5d),
                new TypeCase("TEXT", "'it''s'", Schema.OPTIONAL_STRING_SCHEMA, "it's"),
                new TypeCase("VARCHAR(20)", "'ünïcödé'", Schema.OPTIONAL_STRING_SCHEMA, "ünïcödé"),
                new TypeCase("CLOB", "'c'", Schema.OPTIONAL_STRING_SCHEMA, "c"),
                new TypeCase("JSON", "'{\"a\":1}'", Schema.OPTIONAL_STRING_SCHEMA, "{\"a\":1}"),
                new TypeCase("BLOB", "x'00ff'", Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {0, (byte) 0xff}),
                new TypeCase("BOOLEAN", "1", Schema.OPTIONAL_BOOLEAN_SCHEMA, true),
                new TypeCase("NUMERIC(10,2)", "12345678.91", TypeCase.decimal(10, 2), new BigDecimal("12345678.91")),
                new TypeCase("DECIMAL(30,3)", "'1234567890.5'", TypeCase.decimal(30, 3), new BigDecimal("1234567890.500")),
                new TypeCase("DECIMAL(30,3)", "'12.3456'", TypeCase.decimal(30, 3), new BigDecimal("12.346")),
                new TypeCase("DECIMAL(5,2)", "0.1", TypeCase.decimal(5, 2), new BigDecimal("0.10")),
                new TypeCase("DATE", "'2024-02-29'", date(), TypeCase.day("2024-02-29")),
                new TypeCase("DATE", "1709164800000", date(), TypeCase.day("2024-02-29")),
                new TypeCase("DATE", "2460369.5", date(), TypeCase.day("2024-02-29")),
                new TypeCase("TIME", "'13:14:15.678'", Time.builder().optional().build(), TypeCase.timeOfDay("13:14:15.678")),
                new TypeCase("DATETIME", "'2024-07-01 12:34:56.123456'", timestamp(), Instant.parse("2024-07-01T16:34:56.123456Z")),
                new TypeCase("TIMESTAMP", "'2024-07-01T12:34:56Z'", timestamp(), Instant.parse("2024-07-01T12:34:56Z")),
                new TypeCase("TIMESTAMP", "'2024-07-01 12:34:56+02:00'", timestamp(), Instant.parse("2024-07-01T10:34:56Z")),
                new TypeCase("TIMESTAMP", "1700000000123", timestamp(), Instant.ofEpochMilli(1_700_000_000_123L)),
                new TypeCase("TIMESTAMP", "julianday('2024-07-01 06:00:00')", timestamp(), Instant.parse("2024-07-01T06:00:00Z")));
    }

    private static Schema date() {
        return Date.builder().optional().build();
    }

    private static Schema timestamp() {
        return Timestamp.builder().optional().build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldReadEachDeclaredTypeAsItsConnectSchemaAndValue(TypeCase type) throws Exception {
        type.check(database, new SqliteDialect(), OPTIONS, TABLES.incrementAndGet());
    }

    static Stream<Arguments> numerics() {
        return Stream.of(
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("NUMERIC(4,0)", "9999", Schema.OPTIONAL_INT16_SCHEMA, (short) 9999)),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("DECIMAL(5,2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)),
                // the driver's catalog reports precision 20 here; the declaration says 18
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("NUMERIC(18, 2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)),
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("NUMERIC", "7", TypeCase.decimal(0, 0), new BigDecimal("7"))),
                Arguments.of(NumericMapping.BEST_FIT_EAGER_DOUBLE, new TypeCase("NUMERIC", "1.125", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.125d)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("numerics")
    void shouldApplyNumericMappingToDeclaredPrecisionAndScale(NumericMapping mapping, TypeCase type) throws Exception {
        type.check(database, new SqliteDialect(), new ReadOptions(ZoneId.of("UTC"), mapping), TABLES.incrementAndGet());
    }
}
