package io.ferry.connectors.jdbc.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
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

/** The PostgreSQL dialect against a real server: catalog, clock, streaming and the write path. */
class PostgresDialectIT {
    @TempDir
    Path dir;
    private TestDatabase database;
    private final PostgresDialect dialect = new PostgresDialect();
    private WriteScenarios scenarios;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
        scenarios = new WriteScenarios(database, dialect);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void shouldListTablesOfTheDatabaseWithoutSystemSchemasAndViewsOnlyWhenAsked() throws Exception {
        database.execute("CREATE TABLE orders (id int)", "CREATE SCHEMA shop", "CREATE TABLE shop.items (id int)",
                "CREATE VIEW order_view AS SELECT * FROM orders",
                "CREATE TABLE parts (id int) PARTITION BY RANGE (id)",
                "CREATE TABLE parts_low PARTITION OF parts FOR VALUES FROM (0) TO (100)");
        try (Connection connection = database.connect()) {
            String db = database.name();
            assertThat(dialect.listTables(connection, Set.of("TABLE"))).containsExactly(
                    new TableId(db, "public", "orders"), new TableId(db, "public", "parts"), new TableId(db, "shop", "items"));
            assertThat(dialect.listTables(connection, Set.of("TABLE", "VIEW")))
                    .contains(new TableId(db, "public", "order_view"))
                    .noneMatch(table -> table.schema().startsWith("pg_") || table.schema().equals("information_schema"));
        }
    }

    @Test
    void shouldDescribeColumnsKeysAndDefaultsInTheCurrentSchema() throws Exception {
        database.execute("CREATE SCHEMA other", "CREATE TABLE other.t (x int)",
                "CREATE TABLE t (id serial, code varchar(10) NOT NULL DEFAULT 'a', amount numeric(8,3), "
                        + "PRIMARY KEY (code, id))",
                "CREATE TABLE \"Mixed_Case\" (\"Col\" text)");
        try (Connection connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("t")).orElseThrow();
            assertThat(table.id()).isEqualTo(new TableId(database.name(), "public", "t"));
            assertThat(table.type()).isEqualTo("TABLE");
            assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("id", "code", "amount");
            assertThat(table.primaryKey()).extracting(ColumnDefinition::name).containsExactly("id", "code");
            ColumnDefinition id = table.column("id").orElseThrow();
            assertThat(id.autoIncrement()).isTrue();
            assertThat(id.nullable()).isFalse();
            ColumnDefinition code = table.column("code").orElseThrow();
            assertThat(code.hasDefault()).isTrue();
            assertThat(code.precision()).isEqualTo(10);
            ColumnDefinition amount = table.column("amount").orElseThrow();
            assertThat(amount.precision()).isEqualTo(8);
            assertThat(amount.scale()).isEqualTo(3);
            assertThat(amount.nullable()).isTrue();
            assertThat(dialect.describeTable(connection, dialect.parseTableId("other.t"))).isPresent();
            assertThat(dialect.describeTable(connection, dialect.parseTableId("\"Mixed_Case\"")).orElseThrow().columns())
                    .extracting(ColumnDefinition::name).containsExactly("Col");
            assertThat(dialect.describeTable(connection, TableId.of("missing"))).isEmpty();
            assertThat(dialect.describeTable(connection, TableId.of("MixedXCase"))).isEmpty();
        }
    }

    @Test
    void shouldFindUnquotedMixedCaseNamesInLowerCase() throws Exception {
        database.execute("CREATE TABLE Orders (Id int)");
        try (Connection connection = database.connect()) {
            assertThat(dialect.describeTable(connection, dialect.parseTableId("Orders")).orElseThrow().id().table())
                    .isEqualTo("orders");
        }
    }

    @Test
    void shouldDescribeAQueryResult() throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT 1::int8 AS n, 'x'::text AS s, now() AS t");
             ResultSet result = query.executeQuery()) {
            List<ColumnDefinition> columns = dialect.describeResult(result);
            assertThat(columns).extracting(ColumnDefinition::name).containsExactly("n", "s", "t");
            assertThat(dialect.columnMapping(columns.get(0), WriteScenarios.READ).orElseThrow().schema().type())
                    .isEqualTo(Schema.Type.INT64);
            assertThat(dialect.columnMapping(columns.get(2), WriteScenarios.READ).orElseThrow().schema().name())
                    .isEqualTo(Timestamp.LOGICAL_NAME);
        }
    }

    @Test
    void shouldTakeTheClockWithMicrosecondsEvenInsideALongTransaction() throws Exception {
        try (Connection connection = database.connect()) {
            connection.setAutoCommit(false);
            Instant first = dialect.currentTimestamp(connection);
            Thread.sleep(20);
            Instant second = dialect.currentTimestamp(connection);
            assertThat(Duration.between(first, second)).isGreaterThanOrEqualTo(Duration.ofMillis(20));
            assertThat(Duration.between(Instant.now(), second).abs()).isLessThan(Duration.ofSeconds(5));
            boolean anyMicros = false;
            for (int i = 0; i < 20 && !anyMicros; i++) {
                anyMicros = dialect.currentTimestamp(connection).getNano() % 1_000_000 != 0;
            }
            assertThat(anyMicros).as("sub-millisecond digits").isTrue();
            connection.rollback();
        }
    }

    @Test
    void shouldStreamALargeResultInFetchSizeChunks() throws Exception {
        // The row after the first 5,000 divides by zero: a query read whole fails in executeQuery,
        // a streamed one only when that row's chunk is fetched.
        String sql = "SELECT 1 / (g - 5001) FROM generate_series(1, 5001) g";
        try (Connection connection = database.connect(); PreparedStatement query = connection.prepareStatement(sql)) {
            dialect.prepareForStreaming(connection, query, 100);
            assertThat(connection.getAutoCommit()).isFalse();
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
                }).isInstanceOf(SQLException.class).hasMessageContaining("division by zero");
            }
            connection.rollback();
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldPassTheWritePathScenarios() {
        return scenarios.all();
    }

    @Test
    void shouldWriteAndReadArraysOfEveryElementType() throws Exception {
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", Schema.INT32_SCHEMA, true),
                new ColumnSpec("ints", SchemaBuilder.array(Schema.OPTIONAL_INT64_SCHEMA).optional().build(), false),
                new ColumnSpec("names", SchemaBuilder.array(Schema.STRING_SCHEMA).optional().build(), false),
                new ColumnSpec("amounts", SchemaBuilder.array(Decimal.schema(2)).optional().build(), false),
                new ColumnSpec("days", SchemaBuilder.array(Date.SCHEMA).optional().build(), false),
                new ColumnSpec("stamps", SchemaBuilder.array(Timestamp.SCHEMA).optional().build(), false));
        TableId table = TableId.of("arrays");
        try (Connection connection = database.connect()) {
            WriteScenarios.execute(connection, dialect.createTable(table, specs));
            java.util.Date day = new java.util.Date(TypeCase.day("2024-02-29").toEpochMilli());
            java.util.Date stamp = java.util.Date.from(Instant.parse("2024-10-27T03:30:00.250Z"));
            List<Object> values = List.of(1, Arrays.asList(1L, null, 3L), List.of("a\"b", "c,d"),
                    List.of(new java.math.BigDecimal("1.25")), List.of(day), List.of(stamp));
            scenarios.run(connection, dialect.insert(table, specs.stream().map(ColumnSpec::name).toList(), 1),
                    specs.stream().map(ColumnSpec::schema).toArray(Schema[]::new), values.toArray());
            List<List<Object>> rows = scenarios.read(connection, table, specs.stream().map(ColumnSpec::name).toList());
            assertThat(rows).containsExactly(List.of(1L, Arrays.asList(1L, "null", 3L), List.of("a\"b", "c,d"),
                    List.of("1.25"), List.of(day.toInstant()), List.of(stamp.toInstant())));
        }
    }

    @Test
    void shouldWriteArraysOfDebeziumsSemanticTypes() throws Exception {
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", Schema.INT32_SCHEMA, true),
                new ColumnSpec("days", SchemaBuilder.array(DebeziumSchemas.of(DebeziumType.DATE)).optional().build(), false),
                new ColumnSpec("stamps", SchemaBuilder.array(DebeziumSchemas.of(DebeziumType.MICRO_TIMESTAMP)).optional().build(), false),
                new ColumnSpec("zoned", SchemaBuilder.array(DebeziumSchemas.of(DebeziumType.ZONED_TIMESTAMP)).optional().build(), false),
                new ColumnSpec("ids", SchemaBuilder.array(DebeziumSchemas.of(DebeziumType.UUID)).optional().build(), false),
                new ColumnSpec("bits", SchemaBuilder.array(DebeziumSchemas.bits(10)).optional().build(), false));
        TableId table = TableId.of("debezium_arrays");
        try (Connection connection = database.connect()) {
            WriteScenarios.execute(connection, dialect.createTable(table, specs), "SET TIME ZONE 'UTC'");
            List<Object> values = List.of(1, Arrays.asList(19_783, null), List.of(-1L, 1_709_296_496_789_012L),
                    List.of("2024-03-01T12:34:56.789012Z"), List.of("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                    List.of(new byte[] {0x05, 0x02}));
            scenarios.run(connection, dialect.insert(table, specs.stream().map(ColumnSpec::name).toList(), 1),
                    specs.stream().map(ColumnSpec::schema).toArray(Schema[]::new), values.toArray());
            try (var statement = connection.createStatement();
                 var rows = statement.executeQuery("SELECT days::text, stamps::text, zoned::text, ids::text, bits::text,"
                         + " pg_typeof(days)::text, pg_typeof(stamps)::text, pg_typeof(zoned)::text, pg_typeof(ids)::text FROM debezium_arrays")) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4), rows.getString(5)))
                        .containsExactly("{2024-03-01,NULL}", "{\"1969-12-31 23:59:59.999999\",\"2024-03-01 12:34:56.789012\"}",
                                "{\"2024-03-01 12:34:56.789012+00\"}", "{a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11}", "{1000000101}");
                assertThat(List.of(rows.getString(6), rows.getString(7), rows.getString(8), rows.getString(9))).containsExactly(
                        "date[]", "timestamp without time zone[]", "timestamp with time zone[]", "uuid[]");
            }
        }
    }

    @Test
    void shouldWriteConnectStringsIntoTextJsonUuidAndEnumColumns() throws Exception {
        database.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')",
                "CREATE TABLE strings (id int PRIMARY KEY, t text, j jsonb, u uuid, m mood)");
        TableId table = TableId.of("strings");
        List<String> names = List.of("id", "t", "j", "u", "m");
        Schema[] schemas = {Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA,
                Schema.OPTIONAL_STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA};
        try (Connection connection = database.connect()) {
            scenarios.run(connection, dialect.insert(table, names, 2), schemas,
                    1, "x", "{\"a\": 1}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "sad", 2, null, null, null, null);
            scenarios.run(connection, dialect.upsert(table, List.of("id"), names.subList(1, 5), 1), schemas,
                    2, "y", "[true]", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", "happy");
            assertThat(scenarios.read(connection, table, names)).containsExactly(
                    List.of(1L, "x", "{\"a\": 1}", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "sad"),
                    List.of(2L, "y", "[true]", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a12", "happy"));
        }
    }

    @Test
    void shouldBindSchemalessValuesToJsonUuidArrayAndTemporalColumns() throws Exception {
        database.execute("CREATE TABLE loose (id bigint PRIMARY KEY, doc jsonb, ref uuid, tags text[], n int4[], "
                + "ts timestamp, tz timestamptz, d date, amount numeric(6,2), flag boolean)");
        try (Connection connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("loose")).orElseThrow();
            List<String> names = table.columns().stream().map(ColumnDefinition::name).toList();
            List<Object> values = List.of(7L, Map.of("a", List.of(1, true)), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                    List.of("x", "y"), List.of(1, 2), "2024-07-01T12:00:00.5", 1_700_000_000_000L, "2024-02-29", 12.5d, "true");
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table.id(), names, 1))) {
                for (int i = 0; i < names.size(); i++) {
                    dialect.bindForColumn(insert, i + 1, table.columns().get(i), values.get(i), WriteScenarios.WRITE);
                }
                insert.executeUpdate();
            }
            assertThat(scenarios.read(connection, table.id(), names)).containsExactly(List.of(7L, "{\"a\": [1, true]}",
                    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", List.of("x", "y"), List.of(1L, 2L),
                    Instant.parse("2024-07-01T10:00:00.500Z"), Instant.ofEpochMilli(1_700_000_000_000L),
                    TypeCase.day("2024-02-29"), "12.50", true));
        }
    }

    @Test
    void shouldNameColumnTypeAndValueTypeWhenASchemalessValueDoesNotConvert() throws Exception {
        database.execute("CREATE TABLE strict (n int4, d date, ip inet, grid int4[][])");
        try (Connection connection = database.connect();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO strict (n, d, ip, grid) VALUES (?, ?, ?, ?)")) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("strict")).orElseThrow();
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 1, table.column("n").orElseThrow(), "twelve", WriteScenarios.WRITE))
                    .isInstanceOf(DataException.class).hasMessageContaining("column n").hasMessageContaining("int4")
                    .hasMessageContaining("String");
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 2, table.column("d").orElseThrow(), Map.of(), WriteScenarios.WRITE))
                    .isInstanceOf(DataException.class).hasMessageContaining("column d").hasMessageContaining("date");
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 3, table.column("ip").orElseThrow(), List.of("10.0.0.1"),
                    WriteScenarios.WRITE)).isInstanceOf(DataException.class).hasMessageContaining("column ip")
                    .hasMessageContaining("inet").hasMessageContaining("List");
            assertThatThrownBy(() -> dialect.bindForColumn(insert, 4, table.column("grid").orElseThrow(),
                    List.of(List.of(1, 2), 3), WriteScenarios.WRITE)).isInstanceOf(DataException.class)
                    .hasMessageContaining("column grid").hasMessageContaining("different depths");
        }
    }

    @Test
    void shouldRefuseToRoundAFractionInAnUnconstrainedNumericReadAsDecimal() throws Exception {
        database.execute("CREATE TABLE loose_numbers (v numeric)", "INSERT INTO loose_numbers VALUES (1.5)");
        assertThatThrownBy(() -> readFirstValue("loose_numbers")).isInstanceOf(DataException.class)
                .hasMessageContaining("Column v").hasMessageContaining("numeric.mapping");
    }

    /** The first column of the table's first row, read through describeTable and columnMapping. */
    private Object readFirstValue(String table) throws Exception {
        try (Connection connection = database.connect();
             PreparedStatement select = connection.prepareStatement("SELECT * FROM " + table);
             ResultSet rows = select.executeQuery()) {
            ColumnDefinition column = dialect.describeTable(connection, TableId.of(table)).orElseThrow().columns().get(0);
            ColumnMapping mapping = dialect.columnMapping(column, WriteScenarios.READ).orElseThrow();
            rows.next();
            return mapping.read(rows, 1);
        }
    }

    @Test
    void shouldRefuseAnArrayOfOtherDimensionsThanTheColumnDeclaresNamingTheColumn() throws Exception {
        database.execute("CREATE TABLE grid (cells int4[])", "INSERT INTO grid VALUES ('{{1,2},{3,4}}')",
                "CREATE TABLE flat_grid (cells int4[][])", "INSERT INTO flat_grid VALUES ('{1,2}')");
        assertThatThrownBy(() -> readFirstValue("grid")).isInstanceOf(DataException.class)
                .hasMessageContaining("cells").hasMessageContaining("more dimensions than the 1");
        assertThatThrownBy(() -> readFirstValue("flat_grid")).isInstanceOf(DataException.class)
                .hasMessageContaining("cells").hasMessageContaining("fewer dimensions than the 2");
    }

    @Test
    void shouldRefuseAnInfiniteDateNamingTheColumn() throws Exception {
        database.execute("CREATE TABLE forever (d date)", "INSERT INTO forever VALUES ('infinity')");
        assertThatThrownBy(() -> readFirstValue("forever")).isInstanceOf(DataException.class)
                .hasMessageContaining("Column d").hasMessageContaining("Connect Date");
    }

    @Test
    void shouldReadInfiniteTimestampsAsTheDriverAndDebeziumDoAndWriteThemBackAsInfinity() throws Exception {
        database.execute("CREATE TABLE endless_ts (v timestamp)", "INSERT INTO endless_ts VALUES ('infinity')",
                "CREATE TABLE endless_tz (v timestamptz)", "INSERT INTO endless_tz VALUES ('-infinity')",
                "CREATE TABLE endless_copy (ts timestamp, tz timestamptz)");
        Object later = readFirstValue("endless_ts");
        Object earlier = readFirstValue("endless_tz");
        assertThat(((java.util.Date) later).getTime()).isEqualTo(9223372036825200000L);
        assertThat(((java.util.Date) earlier).getTime()).isEqualTo(-9223372036832400000L);
        try (Connection connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("endless_copy")).orElseThrow();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO endless_copy VALUES (?, ?)")) {
                dialect.bind(insert, 1, table.columns().get(0), org.apache.kafka.connect.data.Timestamp.SCHEMA, later, WriteScenarios.WRITE);
                dialect.bind(insert, 2, table.columns().get(1), org.apache.kafka.connect.data.Timestamp.SCHEMA, earlier, WriteScenarios.WRITE);
                insert.executeUpdate();
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT ts::text, tz::text FROM endless_copy");
                 ResultSet rows = select.executeQuery()) {
                assertThat(rows.next()).isTrue();
                assertThat(List.of(rows.getString(1), rows.getString(2))).containsExactly("infinity", "-infinity");
            }
        }
    }

    /** How each Debezium type's column is read as text, and the texts of {@link WriteScenarios#everyDebeziumType}'s values. */
    private static final java.util.function.BiFunction<String, String, String> DEBEZIUM_SELECT =
            (name, column) -> name.equals("zts") ? "(" + column + " AT TIME ZONE 'UTC')::text" : column + "::text";
    private static final List<String> DEBEZIUM_TEXTS = List.of(
            "1", "2024-03-01", "12:34:56.789", "12:34:56.789012", "12:34:56.789012", "2024-03-01 12:34:56.789",
            "2024-03-01 12:34:56.789012", "2024-03-01 12:34:56.789012", "2024-03-01 12:34:56.789012",
            "12:34:56.789012+00", "26:03:04.5", "1 day 02:03:04.5", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": [1, 2.50]}", "<a>1</a>", "happy", "a,c",
            "-123.4567", "1000000101", "2024", "2024-03-01", "12:34:56.789012", "2024-03-01 12:34:56.789012",
            "24:00:00", "(1.5,-2)");

    @Test
    void shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor() throws Exception {
        // the instant of a timestamptz read in UTC, whatever the JVM's zone
        scenarios.shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }

    @Test
    void shouldStoreDebeziumTimestampsBeforeTheGregorianCalendarAsTheyAre() throws Exception {
        scenarios.shouldStoreDebeziumTimestampsBeforeTheGregorianCalendarAsTheyAre((name, column) -> column + "::text",
                List.of("1", "0001-01-01 00:00:00", "1000-06-15 12:34:56.789012", "1582-10-04 23:59:59.999999"));
    }

    /** The texts of day, ts (milliseconds, as Connect's Timestamp has them) and zts of {@link #ANCIENT} values. */
    private static final List<List<String>> ANCIENT_TEXTS = List.of(
            List.of("0001-01-01", "0001-01-01 00:00:00", "0001-01-01 00:00:00"),
            List.of("1000-06-15", "1000-06-15 12:34:56.789", "1000-06-15 12:34:56.789012"),
            List.of("1582-10-04", "1582-10-04 23:59:59.999", "1582-10-04 23:59:59.999999"),
            List.of("1582-10-15", "1582-10-15 00:00:00", "1582-10-15 00:00:00"),
            List.of("0044-03-15 BC", "0044-03-15 12:00:00 BC", "0044-03-15 12:00:00 BC"));
    private static final List<java.time.LocalDateTime> ANCIENT = Stream.of("0001-01-01T00:00", "1000-06-15T12:34:56.789012",
            "1582-10-04T23:59:59.999999", "1582-10-15T00:00", "-0043-03-15T12:00").map(java.time.LocalDateTime::parse).toList();

    @Test
    void shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendarAndYearOneInUtc() throws Exception {
        scenarios.shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendar(java.time.ZoneOffset.UTC, ANCIENT,
                (name, column) -> name.equals("zts") ? "(" + column + " AT TIME ZONE 'UTC')::text" : column + "::text",
                ANCIENT_TEXTS);
    }

    @Test
    void shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendarAndYearOneInNewYorksLocalMeanTime() throws Exception {
        // the zoned column read in New York as PostgreSQL's zone data has it: -04:56:02 before 1883, as java.time's
        scenarios.shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendar(java.time.ZoneId.of("America/New_York"), ANCIENT,
                (name, column) -> name.equals("zts") ? "(" + column + " AT TIME ZONE 'America/New_York')::text" : column + "::text",
                ANCIENT_TEXTS);
    }

    @Test
    void shouldFillDebeziumColumnsWithTheirDefaults() throws Exception {
        scenarios.shouldFillDebeziumColumnsWithTheirDefaults(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }
}
