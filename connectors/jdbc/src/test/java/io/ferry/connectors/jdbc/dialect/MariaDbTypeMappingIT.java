package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping;
import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MariaDB columns of every mapped type read back through the dialect, in a non-UTC {@code db.timezone}. */
class MariaDbTypeMappingIT {
    private static final ReadOptions OPTIONS = new ReadOptions(ZoneId.of("America/New_York"), NumericMapping.NONE);
    private static final AtomicInteger TABLES = new AtomicInteger();

    @TempDir
    static Path dir;
    private static TestDatabase database;
    private final JdbcDialect dialect = new MariaDbDialect();

    @BeforeAll
    static void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.MARIADB, dir);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            database.close();
        }
    }

    static Stream<TypeCase> types() {
        return Stream.of(
                new TypeCase("TINYINT", "-128", Schema.OPTIONAL_INT8_SCHEMA, (byte) -128),
                new TypeCase("TINYINT UNSIGNED", "255", Schema.OPTIONAL_INT16_SCHEMA, (short) 255),
                new TypeCase("SMALLINT", "-32768", Schema.OPTIONAL_INT16_SCHEMA, (short) -32768),
                new TypeCase("SMALLINT UNSIGNED", "65535", Schema.OPTIONAL_INT32_SCHEMA, 65535),
                new TypeCase("MEDIUMINT", "-8388608", Schema.OPTIONAL_INT32_SCHEMA, -8388608),
                new TypeCase("MEDIUMINT UNSIGNED", "16777215", Schema.OPTIONAL_INT32_SCHEMA, 16777215),
                new TypeCase("INT", "2147483647", Schema.OPTIONAL_INT32_SCHEMA, 2147483647),
                new TypeCase("INT UNSIGNED", "4294967295", Schema.OPTIONAL_INT64_SCHEMA, 4294967295L),
                new TypeCase("BIGINT", "-9223372036854775808", Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE),
                new TypeCase("BIGINT UNSIGNED", "18446744073709551615", TypeCase.decimal(20, 0),
                        new BigDecimal("18446744073709551615")),
                // read only: the column is unique, so the value read cannot go in a second time
                new TypeCase("BIGINT NOT NULL AUTO_INCREMENT UNIQUE", "5", Schema.INT64_SCHEMA, 5L).readOnly(),
                new TypeCase("TINYINT(1)", "1", Schema.OPTIONAL_BOOLEAN_SCHEMA, true),
                new TypeCase("BOOLEAN", "FALSE", Schema.OPTIONAL_BOOLEAN_SCHEMA, false),
                new TypeCase("BIT(1)", "b'1'", Schema.OPTIONAL_BOOLEAN_SCHEMA, true),
                new TypeCase("BIT(10)", "b'1000000001'", Schema.OPTIONAL_INT64_SCHEMA, 513L),
                new TypeCase("FLOAT", "1.5", Schema.OPTIONAL_FLOAT32_SCHEMA, 1.5f),
                new TypeCase("DOUBLE", "-2.25", Schema.OPTIONAL_FLOAT64_SCHEMA, -2.25d),
                new TypeCase("DECIMAL(10,2)", "12345678.91", TypeCase.decimal(10, 2), new BigDecimal("12345678.91")),
                new TypeCase("DECIMAL(65,30)", "1.5", TypeCase.decimal(65, 30),
                        new BigDecimal("1.500000000000000000000000000000")),
                new TypeCase("CHAR(3)", "'ab'", Schema.OPTIONAL_STRING_SCHEMA, "ab"),
                new TypeCase("VARCHAR(20)", "'ünïcödé'", Schema.OPTIONAL_STRING_SCHEMA, "ünïcödé"),
                new TypeCase("TEXT", "'it''s'", Schema.OPTIONAL_STRING_SCHEMA, "it's"),
                new TypeCase("LONGTEXT", "'long'", Schema.OPTIONAL_STRING_SCHEMA, "long"),
                new TypeCase("ENUM('happy','sad')", "'sad'", Schema.OPTIONAL_STRING_SCHEMA, "sad"),
                new TypeCase("SET('a','b')", "'a,b'", Schema.OPTIONAL_STRING_SCHEMA, "a,b"),
                new TypeCase("JSON", "'{\"a\": [1, 2]}'", Schema.OPTIONAL_STRING_SCHEMA, "{\"a\": [1, 2]}"),
                new TypeCase("BINARY(3)", "x'0102'", Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {1, 2, 0}),
                new TypeCase("VARBINARY(10)", "x'deadbeef'", Schema.OPTIONAL_BYTES_SCHEMA,
                        new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef}),
                new TypeCase("BLOB", "x'00ff'", Schema.OPTIONAL_BYTES_SCHEMA, new byte[] {0, (byte) 0xff}),
                new TypeCase("DATE", "'2024-02-29'", Date.builder().optional().build(), TypeCase.day("2024-02-29")),
                new TypeCase("TIME(3)", "'23:59:58.123'", Time.builder().optional().build(), TypeCase.timeOfDay("23:59:58.123")),
                new TypeCase("YEAR", "2024", Schema.OPTIONAL_INT32_SCHEMA, 2024),
                new TypeCase("DATETIME(6)", "'2024-07-01 12:34:56.123456'", timestamp(), Instant.parse("2024-07-01T16:34:56.123456Z")),
                new TypeCase("DATETIME", "'2024-01-15 00:00:00'", timestamp(), Instant.parse("2024-01-15T05:00:00Z")),
                new TypeCase("TIMESTAMP(6) NULL", "'2024-07-01 12:34:56.654321'", timestamp(),
                        Instant.parse("2024-07-01T12:34:56.654321Z")),
                // edges of the unsigned, bit, year and time types
                new TypeCase("INT UNSIGNED", "0", Schema.OPTIONAL_INT64_SCHEMA, 0L),
                new TypeCase("BIGINT UNSIGNED", "0", TypeCase.decimal(20, 0), new BigDecimal("0")),
                new TypeCase("BIGINT UNSIGNED", "9223372036854775808", TypeCase.decimal(20, 0), new BigDecimal("9223372036854775808")),
                new TypeCase("TINYINT UNSIGNED", "0", Schema.OPTIONAL_INT16_SCHEMA, (short) 0),
                new TypeCase("BIT(64)", "b'1111111111111111111111111111111111111111111111111111111111111111'",
                        Schema.OPTIONAL_INT64_SCHEMA, -1L),
                new TypeCase("BIT(64)", "b'1000000000000000000000000000000000000000000000000000000000000000'",
                        Schema.OPTIONAL_INT64_SCHEMA, Long.MIN_VALUE),
                new TypeCase("BIT(8)", "b'0'", Schema.OPTIONAL_INT64_SCHEMA, 0L),
                new TypeCase("YEAR", "1901", Schema.OPTIONAL_INT32_SCHEMA, 1901),
                new TypeCase("YEAR", "2155", Schema.OPTIONAL_INT32_SCHEMA, 2155),
                new TypeCase("YEAR", "0", Schema.OPTIONAL_INT32_SCHEMA, 0),
                new TypeCase("TIME", "'00:00:00'", Time.builder().optional().build(), TypeCase.timeOfDay("00:00")),
                new TypeCase("TIME(6)", "'23:59:59.999999'", Time.builder().optional().build(), TypeCase.timeOfDay("23:59:59.999")),
                new TypeCase("ENUM('', 'x')", "''", Schema.OPTIONAL_STRING_SCHEMA, ""),
                new TypeCase("SET('a','b','c')", "''", Schema.OPTIONAL_STRING_SCHEMA, ""),
                new TypeCase("JSON", "'[]'", Schema.OPTIONAL_STRING_SCHEMA, "[]"),
                new TypeCase("TIMESTAMP(3) NULL", "'1970-01-01 00:00:01'", timestamp(), Instant.parse("1970-01-01T00:00:01Z")));
    }

    private static Schema timestamp() {
        return Timestamp.builder().optional().build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("types")
    void shouldReadEachColumnTypeAsItsConnectSchemaAndValue(TypeCase type) throws Exception {
        // TypeCase inserts over a session in the server's zone (UTC here) and reads in the dialect's (UTC)
        type.check(database, dialect, OPTIONS, TABLES.incrementAndGet());
    }

    static Stream<Arguments> numerics() {
        return Stream.of(
                Arguments.of(NumericMapping.PRECISION_ONLY, new TypeCase("DECIMAL(9,0)", "7", Schema.OPTIONAL_INT32_SCHEMA, 7)),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("DECIMAL(5,2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)),
                Arguments.of(NumericMapping.BEST_FIT, new TypeCase("DECIMAL(30,2)", "1.25", TypeCase.decimal(30, 2),
                        new BigDecimal("1.25"))),
                Arguments.of(NumericMapping.BEST_FIT_EAGER_DOUBLE, new TypeCase("DECIMAL(30,2)", "1.25", Schema.OPTIONAL_FLOAT64_SCHEMA, 1.25d)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("numerics")
    void shouldApplyNumericMappingToDecimalColumns(NumericMapping mapping, TypeCase type) throws Exception {
        type.check(database, dialect, new ReadOptions(ZoneId.of("UTC"), mapping), TABLES.incrementAndGet());
    }

    @Test
    void shouldRefuseATimeOutsideADayNamingTheColumnRatherThanWrapItAround() throws Exception {
        database.execute("CREATE TABLE durations (id INT PRIMARY KEY, t TIME(6))",
                "INSERT INTO durations VALUES (1, '-00:00:00.5'), (2, '24:00:00'), (3, '-838:59:59'), (4, '838:59:59')");
        try (Connection connection = database.connect()) {
            dialect.initializeSession(connection);
            ColumnDefinition column = dialect.describeTable(connection, TableId.of("durations")).orElseThrow().column("t").orElseThrow();
            ColumnMapping mapping = dialect.columnMapping(column, OPTIONS).orElseThrow();
            try (PreparedStatement select = connection.prepareStatement("SELECT t FROM durations ORDER BY id");
                 ResultSet rows = select.executeQuery()) {
                for (String value : List.of("-00:00:00.5", "24:00:00", "-838:59:59", "838:59:59")) {
                    rows.next();
                    assertThatThrownBy(() -> mapping.read(rows, 1)).as(value).isInstanceOf(DataException.class)
                            .hasMessageContaining("Column t").hasMessageContaining(value).hasMessageContaining("Connect Time");
                }
            }
        }
    }

    @Test
    void shouldLeaveSpatialTypesUnmapped() throws Exception {
        database.execute("CREATE TABLE shapes (g GEOMETRY, p POINT)");
        try (var connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("shapes")).orElseThrow();
            for (ColumnDefinition column : table.columns()) {
                assertThat(dialect.columnMapping(column, OPTIONS)).as(column.typeName()).isEmpty();
            }
        }
    }
}
