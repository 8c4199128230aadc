package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The MariaDB dialect against a real server: catalog, clock, streaming and the write path. */
class MariaDbDialectIT {
    @TempDir
    Path dir;
    private TestDatabase database;
    private final MariaDbDialect dialect = new MariaDbDialect();
    private WriteScenarios scenarios;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.MARIADB, dir);
        scenarios = new WriteScenarios(database, dialect);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void shouldListTablesOfTheCurrentDatabaseAndViewsOnlyWhenAsked() throws Exception {
        database.execute("CREATE TABLE orders (id int)", "CREATE TABLE items (id int)",
                "CREATE VIEW order_view AS SELECT * FROM orders");
        try (Connection connection = scenarios.connect()) {
            String db = database.name();
            assertThat(dialect.listTables(connection, Set.of("TABLE")))
                    .containsExactly(new TableId(db, null, "items"), new TableId(db, null, "orders"));
            assertThat(dialect.listTables(connection, Set.of("TABLE", "VIEW"))).containsExactly(
                    new TableId(db, null, "items"), new TableId(db, null, "order_view"), new TableId(db, null, "orders"));
        }
    }

    @Test
    void shouldDescribeColumnsKeysAndDefaults() throws Exception {
        database.execute("CREATE TABLE t (id BIGINT AUTO_INCREMENT, code VARCHAR(10) NOT NULL DEFAULT 'a', "
                + "amount DECIMAL(8,3), PRIMARY KEY (id, code))", "CREATE TABLE under_score (x int)");
        try (Connection connection = scenarios.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("t")).orElseThrow();
            assertThat(table.id()).isEqualTo(new TableId(database.name(), null, "t"));
            assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("id", "code", "amount");
            assertThat(table.primaryKey()).extracting(ColumnDefinition::name).containsExactly("id", "code");
            assertThat(table.column("id").orElseThrow().autoIncrement()).isTrue();
            assertThat(table.column("code").orElseThrow().hasDefault()).isTrue();
            assertThat(table.column("code").orElseThrow().nullable()).isFalse();
            assertThat(table.column("amount").orElseThrow().scale()).isEqualTo(3);
            assertThat(dialect.describeTable(connection, dialect.parseTableId(database.name() + ".t"))).isPresent();
            assertThat(dialect.describeTable(connection, TableId.of("under_score"))).isPresent();
            assertThat(dialect.describeTable(connection, TableId.of("underXscore"))).isEmpty();
        }
    }

    @Test
    void shouldTakeTheUtcClockWithMicrosecondsWhateverTheSessionZone() throws Exception {
        try (Connection connection = database.connect()) {
            WriteScenarios.execute(connection, "SET time_zone = '+05:00'");
            Instant now = dialect.currentTimestamp(connection);
            assertThat(Duration.between(Instant.now(), now).abs()).isLessThan(Duration.ofSeconds(5));
            boolean anyMicros = false;
            for (int i = 0; i < 20 && !anyMicros; i++) {
                anyMicros = dialect.currentTimestamp(connection).getNano() % 1_000_000 != 0;
            }
            assertThat(anyMicros).as("sub-millisecond digits").isTrue();
        }
    }

    @Test
    void shouldStreamALargeResultInsteadOfReadingItWhole() throws Exception {
        // The last row's subquery returns two rows, an error: a result read whole fails in executeQuery,
        // a streamed one only when the reader reaches that row.
        String sql = "SELECT (SELECT seq UNION ALL SELECT seq FROM DUAL WHERE seq = 5001) FROM seq_1_to_5001";
        try (Connection connection = scenarios.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            dialect.prepareForStreaming(connection, query, 100);
            try (ResultSet rows = query.executeQuery()) {
                int read = 0;
                while (read < 4_900 && rows.next()) {
                    read++;
                }
                assertThat(read).isEqualTo(4_900);
                assertThatThrownBy(() -> {
                    while (rows.next()) {
                        rows.getInt(1);
                    }
                }).isInstanceOf(SQLException.class).hasMessageContaining("more than 1 row");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldPassTheWritePathScenarios() {
        return scenarios.all();
    }

    @Test
    void shouldBindSchemalessValuesToJsonTimestampAndDatetimeColumns() throws Exception {
        database.execute("CREATE TABLE loose (id BIGINT PRIMARY KEY, doc JSON, ts TIMESTAMP(3) NULL, dt DATETIME(3), "
                + "d DATE, t TIME(3), amount DECIMAL(6,2), flag BOOLEAN, data BLOB, name VARCHAR(20))");
        try (Connection connection = scenarios.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("loose")).orElseThrow();
            List<String> names = table.columns().stream().map(ColumnDefinition::name).toList();
            List<Object> values = List.of("7", Map.of("a", List.of(1, "x\"y")), "2024-07-01T12:00:00.5+02:00",
                    "2024-07-01 12:00:00.5", 1_709_164_800_000L, 3_600_000, "12.5", 1L, "AAH/", 42L);
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table.id(), names, 1))) {
                for (int i = 0; i < names.size(); i++) {
                    dialect.bindForColumn(insert, i + 1, table.columns().get(i), values.get(i), WriteScenarios.WRITE);
                }
                insert.executeUpdate();
            }
            List<Object> row = scenarios.read(connection, table.id(), names).get(0);
            assertThat(row).containsExactly(7L, "{\"a\":[1,\"x\\\"y\"]}", Instant.parse("2024-07-01T10:00:00.500Z"),
                    Instant.parse("2024-07-01T10:00:00.500Z"), TypeCase.day("2024-02-29"), TypeCase.timeOfDay("01:00"), "12.50", true,
                    java.nio.ByteBuffer.wrap(new byte[] {0, 1, (byte) 0xff}), "42");
        }
    }

    @Test
    void shouldNameColumnTypeAndValueTypeWhenASchemalessValueDoesNotConvert() throws Exception {
        database.execute("CREATE TABLE strict (n INT, d DATETIME, tags SET('a', 'b'))");
        try (Connection connection = scenarios.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO strict (n, d, tags) VALUES (?, ?, ?)")) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("strict")).orElseThrow();
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 1, table.column("n").orElseThrow(), 1.5d, WriteScenarios.WRITE))
                    .isInstanceOf(DataException.class).hasMessageContaining("column n").hasMessageContaining("INT")
                    .hasMessageContaining("Double");
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 2, table.column("d").orElseThrow(), "yesterday", WriteScenarios.WRITE))
                    .isInstanceOf(DataException.class).hasMessageContaining("column d").hasMessageContaining("DATETIME");
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 3, table.column("tags").orElseThrow(), List.of("a,b"),
                    WriteScenarios.WRITE)).isInstanceOf(DataException.class).hasMessageContaining("column tags")
                    .hasMessageContaining("'a,b' holds a comma");
        }
    }

    /** How each Debezium type's column is read as text, and the texts of {@link WriteScenarios#everyDebeziumType}'s values. */
    private static final java.util.function.BiFunction<String, String, String> DEBEZIUM_SELECT =
            (name, column) -> name.equals("bits") ? "BIN(" + column + ")" : column;
    private static final List<String> DEBEZIUM_TEXTS = List.of(
            "1", "2024-03-01", "12:34:56.789", "12:34:56.789012", "12:34:56.789012", "2024-03-01 12:34:56.789000",
            "2024-03-01 12:34:56.789012", "2024-03-01 12:34:56.789012", "2024-03-01 13:34:56.789012",
            "12:34:56.789012Z", "93784500000", "P1DT2H3M4.5S", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": [1, 2.50]}", "<a>1</a>", "happy", "a,c",
            "-123.456700000000000000000000000000", "1000000101", "2024", "2024-03-01", "12:34:56.789012",
            "2024-03-01 12:34:56.789012", "24:00:00.000000", "(1.5,-2.0)");

    @Test
    void shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor() throws Exception {
        // a ZonedTimestamp as its local time in db.timezone (Paris), the zoneless timestamps as they are; the driver
        // gives a DATETIME's text six fraction digits
        scenarios.shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }

    @Test
    void shouldStoreDebeziumTimestampsBeforeTheGregorianCalendarAsTheyAre() throws Exception {
        scenarios.shouldStoreDebeziumTimestampsBeforeTheGregorianCalendarAsTheyAre((name, column) -> column,
                List.of("1", "0001-01-01 00:00:00.000", "1000-06-15 12:34:56.789012", "1582-10-04 23:59:59.999999"));
    }

    /** The texts of day, ts (milliseconds, as Connect's Timestamp has them) and zts of {@link #ANCIENT} values. */
    private static final List<List<String>> ANCIENT_TEXTS = List.of(
            List.of("0001-01-01", "0001-01-01 00:00:00.000", "0001-01-01 00:00:00.000000"),
            List.of("1000-06-15", "1000-06-15 12:34:56.789000", "1000-06-15 12:34:56.789012"),
            List.of("1582-10-04", "1582-10-04 23:59:59.999000", "1582-10-04 23:59:59.999999"),
            List.of("1582-10-15", "1582-10-15 00:00:00.000", "1582-10-15 00:00:00.000000"));
    private static final List<java.time.LocalDateTime> ANCIENT = java.util.stream.Stream.of("0001-01-01T00:00",
            "1000-06-15T12:34:56.789012", "1582-10-04T23:59:59.999999", "1582-10-15T00:00").map(java.time.LocalDateTime::parse).toList();

    @Test
    void shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendarInUtc() throws Exception {
        scenarios.shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendar(java.time.ZoneOffset.UTC, ANCIENT,
                (name, column) -> column, ANCIENT_TEXTS);
    }

    @Test
    void shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendarInNewYorksLocalMeanTime() throws Exception {
        scenarios.shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendar(java.time.ZoneId.of("America/New_York"), ANCIENT,
                (name, column) -> column, ANCIENT_TEXTS);
    }

    @Test
    void shouldFillDebeziumColumnsWithTheirDefaults() throws Exception {
        scenarios.shouldFillDebeziumColumnsWithTheirDefaults(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }

    @Test
    void shouldRefuseADebeziumDecimalWithMoreFractionDigitsThanItsColumnKeeps() throws Exception {
        Schema decimal = DebeziumSchemas.variableScaleDecimal();
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true), new ColumnSpec("v", decimal, false));
        try (Connection connection = scenarios.connect()) {
            WriteScenarios.execute(connection, dialect.createTable(TableId.of("variable_decimals"), specs));
            TableDefinition table = dialect.describeTable(connection, TableId.of("variable_decimals")).orElseThrow();
            ColumnDefinition column = table.column("v").orElseThrow();
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table.id(), List.of("id", "v"), 1))) {
                BigDecimal kept = new BigDecimal("-12345.123456789012345678901234567890");
                dialect.bind(insert, 1, Schema.INT64_SCHEMA, 1L, WriteScenarios.WRITE);
                dialect.bind(insert, 2, column, decimal, variableScaleDecimal(decimal, kept), WriteScenarios.WRITE);
                assertThat(insert.executeUpdate()).isEqualTo(1);
                BigDecimal rounded = new BigDecimal("0.1234567890123456789012345678901234");
                assertThatThrownBy(() -> dialect.bind(insert, 2, column, decimal, variableScaleDecimal(decimal, rounded),
                        WriteScenarios.WRITE)).isInstanceOf(DataException.class).hasMessageContaining("column v")
                        .hasMessageContaining("34 fraction digits").hasMessageContaining("keeps 30");
            }
            try (var rows = connection.createStatement().executeQuery("SELECT v FROM variable_decimals")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getBigDecimal(1)).isEqualTo(new BigDecimal("-12345.123456789012345678901234567890"));
            }
        }
    }

    private static Struct variableScaleDecimal(Schema schema, BigDecimal value) {
        return new Struct(schema).put("scale", value.scale()).put("value", value.unscaledValue().toByteArray());
    }
}
