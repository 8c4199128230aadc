package io.ferry.connectors.jdbc.dialect;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Schema;
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

/** The SQLite dialect on a real database file: catalog, clock and the write path. */
class SqliteDialectIT {
    @TempDir
    Path dir;
    private TestDatabase database;
    private final SqliteDialect dialect = new SqliteDialect();
    private WriteScenarios scenarios;

    @BeforeEach
    void createDatabase() {
        database = TestDatabase.create(TestDatabase.Engine.SQLITE, dir);
        scenarios = new WriteScenarios(database, dialect);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void shouldListTablesWithoutSqlitesOwnAndViewsOnlyWhenAsked() throws Exception {
        database.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY AUTOINCREMENT, v TEXT)", "CREATE TABLE items (id INT)",
                "CREATE VIEW order_view AS SELECT * FROM orders", "INSERT INTO orders (v) VALUES ('x')");
        try (Connection connection = database.connect()) {
            assertThat(dialect.listTables(connection, Set.of("TABLE"))).containsExactly(TableId.of("items"), TableId.of("orders"));
            assertThat(dialect.listTables(connection, Set.of("TABLE", "VIEW")))
                    .containsExactly(TableId.of("items"), TableId.of("order_view"), TableId.of("orders"));
        }
    }

    @Test
    void shouldDescribeColumnsKeysAndDefaults() throws Exception {
        database.execute("CREATE TABLE t (a INTEGER NOT NULL, b TEXT DEFAULT 'x', amount DECIMAL(8,3), PRIMARY KEY (b, a))");
        try (Connection connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, dialect.parseTableId("t")).orElseThrow();
            assertThat(table.id()).isEqualTo(TableId.of("t"));
            assertThat(table.columns()).extracting(ColumnDefinition::name).containsExactly("a", "b", "amount");
            assertThat(table.primaryKey()).extracting(ColumnDefinition::name).containsExactly("a", "b");
            assertThat(table.column("a").orElseThrow().nullable()).isFalse();
            assertThat(table.column("b").orElseThrow().hasDefault()).isTrue();
            assertThat(dialect.columnMapping(table.column("amount").orElseThrow(), WriteScenarios.READ).orElseThrow().schema())
                    .isEqualTo(TypeCase.decimal(8, 3));
            assertThat(dialect.describeTable(connection, TableId.of("missing"))).isEmpty();
        }
    }

    @Test
    void shouldDescribeAQueryResult() throws Exception {
        database.execute("CREATE TABLE t (n INTEGER, ts TIMESTAMP)");
        try (Connection connection = database.connect();
             PreparedStatement query = connection.prepareStatement("SELECT n, ts FROM t");
             ResultSet result = query.executeQuery()) {
            List<ColumnDefinition> columns = dialect.describeResult(result);
            assertThat(columns).extracting(ColumnDefinition::name).containsExactly("n", "ts");
            assertThat(dialect.columnMapping(columns.get(1), WriteScenarios.READ).orElseThrow().schema().name())
                    .isEqualTo(Timestamp.LOGICAL_NAME);
        }
    }

    @Test
    void shouldTakeTheUtcClockWithMilliseconds() throws Exception {
        try (Connection connection = database.connect()) {
            Instant now = dialect.currentTimestamp(connection);
            assertThat(Duration.between(Instant.now(), now).abs()).isLessThan(Duration.ofSeconds(5));
        }
    }

    @TestFactory
    Stream<DynamicTest> shouldPassTheWritePathScenarios() {
        return scenarios.all();
    }

    @Test
    void shouldWriteTimestampsAsTextThatSortsAndSqliteCanRead() throws Exception {
        database.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, at TIMESTAMP)");
        try (Connection connection = database.connect()) {
            scenarios.run(connection, dialect.insert(TableId.of("events"), List.of("id", "at"), 2),
                    new Schema[] {Schema.INT32_SCHEMA, Timestamp.SCHEMA},
                    1, java.util.Date.from(Instant.parse("2024-07-01T10:00:00.120Z")),
                    2, java.util.Date.from(Instant.parse("2024-07-01T09:59:59.999Z")));
        }
        assertThat(database.query("SELECT id, at, typeof(at), julianday(at) IS NOT NULL FROM events ORDER BY at"))
                .containsExactly(List.of(2, "2024-07-01 11:59:59.999", "text", 1), List.of(1, "2024-07-01 12:00:00.120", "text", 1));
    }

    @Test
    void shouldBindSchemalessValuesByDeclaredType() throws Exception {
        database.execute("CREATE TABLE loose (id INTEGER PRIMARY KEY, doc JSON, ts TIMESTAMP, d DATE, amount DECIMAL(6,2), "
                + "flag BOOLEAN, name TEXT)");
        try (Connection connection = database.connect()) {
            TableDefinition table = dialect.describeTable(connection, TableId.of("loose")).orElseThrow();
            List<String> names = table.columns().stream().map(ColumnDefinition::name).toList();
            List<Object> values = List.of(7L, Map.of("a", List.of(1)), 1_700_000_000_000L, "2024-02-29", 12.5d, true, 3.5d);
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table.id(), names, 1))) {
                for (int i = 0; i < names.size(); i++) {
                    dialect.bindForColumn(insert, i + 1, table.columns().get(i), values.get(i), WriteScenarios.WRITE);
                }
                insert.executeUpdate();
            }
            assertThat(scenarios.read(connection, table.id(), names)).containsExactly(List.of(7L, "{\"a\":[1]}",
                    Instant.ofEpochMilli(1_700_000_000_000L), TypeCase.day("2024-02-29"), "12.50", true, "3.5"));
            assertThatThrownBy(() -> dialect.bindForColumn(connection.prepareStatement("SELECT ?"), 1,
                    table.column("ts").orElseThrow(), "soon", WriteScenarios.WRITE))
                    .isInstanceOf(DataException.class).hasMessageContaining("column ts").hasMessageContaining("TIMESTAMP");
        }
    }

    /** How each Debezium type's column is read as text, and the texts of {@link WriteScenarios#everyDebeziumType}'s values. */
    private static final java.util.function.BiFunction<String, String, String> DEBEZIUM_SELECT =
            (name, column) -> column;
    private static final List<String> DEBEZIUM_TEXTS = List.of(
            "1", "2024-03-01", "12:34:56.789", "12:34:56.789012", "12:34:56.789012345", "2024-03-01 12:34:56.789",
            "2024-03-01 12:34:56.789012", "2024-03-01 12:34:56.789012345", "2024-03-01 13:34:56.789012",
            "12:34:56.789012Z", "93784500000", "P1DT2H3M4.5S", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "{\"a\": [1, 2.50]}", "<a>1</a>", "happy", "a,c",
            "-123.4567", "1000000101", "2024", "2024-03-01", "12:34:56.789012", "2024-03-01 12:34:56.789012",
            "24:00:00", "(1.5,-2.0)");

    @Test
    void shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor() throws Exception {
        // ISO-8601 text with every fraction digit; a ZonedTimestamp as its local time in db.timezone (Paris)
        scenarios.shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }

    @Test
    void shouldFillDebeziumColumnsWithTheirDefaults() throws Exception {
        scenarios.shouldFillDebeziumColumnsWithTheirDefaults(DEBEZIUM_SELECT, DEBEZIUM_TEXTS);
    }
}
