package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.ColumnSpec;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.JdbcDialects;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.dialect.WriteOptions;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.InsertMode;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY writes exactly what the INSERT path writes, for the values COPY's text format gives meaning to:
 * NULL and the empty string, tabs, newlines, backslashes, unicode, bytea, timestamps in db.timezone, the
 * text of geometric and composite columns, and Debezium's semantic types.
 */
class PostgresCopyWriterIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Schema TS = Timestamp.builder().optional().build();
    private static final List<String> TEXTS = Arrays.asList(null, "", "\\N", "tab\there", "new\nline", "crlf\r\n",
            "back\\slash", "\\.", "żółw 🐢 ∑", "quote\"'", " lead and trail ");

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcDialect dialect;

    @BeforeEach
    void createTables() throws SQLException {
        db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
        dialect = JdbcDialects.forUrl(db.url());
        List<ColumnSpec> columns = List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true),
                new ColumnSpec("s", Schema.OPTIONAL_STRING_SCHEMA, false), new ColumnSpec("b", Schema.OPTIONAL_BYTES_SCHEMA, false),
                new ColumnSpec("ts", TS, false));
        db.execute(dialect.createTable(TableId.of("via_copy"), columns), dialect.createTable(TableId.of("via_insert"), columns));
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private static RowGroup group(String table) {
        List<SinkRow> rows = new ArrayList<>();
        for (int i = 0; i < TEXTS.size(); i++) {
            byte[] bytes = i == 0 ? null : new byte[] {0, '\t', '\n', '\\', (byte) 0xff, (byte) i};
            java.util.Date at = i == 0 ? null : java.util.Date.from(Instant.parse("2024-07-01T10:15:30.123Z").plusSeconds(i));
            rows.add(new SinkRow(new SinkRecord("t", 0, null, null, null, null, i), TableId.of(table),
                    List.of(new ColumnValue("id", Schema.INT64_SCHEMA, (long) i)),
                    List.of(new ColumnValue("s", Schema.OPTIONAL_STRING_SCHEMA, TEXTS.get(i)),
                            new ColumnValue("b", Schema.OPTIONAL_BYTES_SCHEMA, bytes), new ColumnValue("ts", TS, at)), false));
        }
        return new RowGroup(TableId.of(table), rows.get(0).shape(), rows);
    }

    /** The writer as the task makes it: binary where every column allows, else text. */
    private PostgresCopyWriter copyWriter(ZoneId zone) {
        return new PostgresCopyWriter(dialect, new CopyTextEncoder(zone), new CopyBinaryEncoder(zone));
    }

    private List<ColumnDefinition> columns(Connection connection, String table) throws SQLException {
        return dialect.describeTable(connection, TableId.of(table)).orElseThrow().columns();
    }

    private List<List<Object>> read(String table) throws SQLException {
        return db.query("SELECT id, s, encode(b, 'hex'), to_char(ts, 'YYYY-MM-DD HH24:MI:SS.MS') FROM " + table + " ORDER BY id");
    }

    @Test
    void shouldWriteTheSameValuesAsInsertStatements() throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            copyWriter(PARIS).write(connection, group("via_copy"), columns(connection, "via_copy"));
            new StatementExecutor(dialect, InsertMode.INSERT, 100, 30_000, new WriteOptions(PARIS))
                    .write(connection, group("via_insert"), columns(connection, "via_insert"));
            connection.commit();
        }
        List<List<Object>> copied = read("via_copy");
        assertThat(copied).isEqualTo(read("via_insert"));
        assertThat(copied).extracting(row -> row.get(1)).containsExactlyElementsOf(TEXTS);
        assertThat(copied.get(0)).containsExactly(0L, null, null, null);
        assertThat(copied.get(1).get(2)).isEqualTo("00090a5cff01");
        assertThat(copied.get(1).get(3)).isEqualTo("2024-07-01 12:15:31.123");
    }

    /** The text the source reads from geometric and composite columns goes through COPY into such columns as INSERT takes it. */
    @Test
    void shouldWriteGeometricAndCompositeTextAsInsertStatementsDo() throws SQLException {
        db.execute("CREATE TYPE note AS (x INT, body TEXT)",
                "CREATE TABLE shapes_copy (id BIGINT, spot POINT, area BOX, n NOTE)",
                "CREATE TABLE shapes_insert (id BIGINT, spot POINT, area BOX, n NOTE)");
        List<List<String>> values = List.of(Arrays.asList("(1.5,-2e-300)", "(3,4),(1,2)", "(1,\"a \\\\ \"\"b\"\"\tż\")"),
                Arrays.asList(null, null, "(,\"\")"));
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            for (String table : List.of("shapes_copy", "shapes_insert")) {
                List<SinkRow> rows = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) {
                    List<String> row = values.get(i);
                    rows.add(new SinkRow(new SinkRecord("t", 0, null, null, null, null, i), TableId.of(table),
                            List.of(new ColumnValue("id", Schema.INT64_SCHEMA, (long) i)),
                            List.of(new ColumnValue("spot", Schema.OPTIONAL_STRING_SCHEMA, row.get(0)),
                                    new ColumnValue("area", Schema.OPTIONAL_STRING_SCHEMA, row.get(1)),
                                    new ColumnValue("n", Schema.OPTIONAL_STRING_SCHEMA, row.get(2))), false));
                }
                RowGroup group = new RowGroup(TableId.of(table), rows.get(0).shape(), rows);
                if (table.equals("shapes_copy")) {
                    copyWriter(PARIS).write(connection, group, columns(connection, table));
                } else {
                    new StatementExecutor(dialect, InsertMode.INSERT, 100, 30_000, new WriteOptions(PARIS))
                            .write(connection, group, columns(connection, table));
                }
            }
            connection.commit();
        }
        String select = "SELECT spot::text, area::text, n::text FROM %s ORDER BY id";
        List<List<Object>> copied = db.query(select.formatted("shapes_copy"));
        assertThat(copied).isEqualTo(db.query(select.formatted("shapes_insert")));
        assertThat(copied).isEqualTo(values);
    }

    @Test
    void shouldWriteDebeziumsSemanticTypesAsInsertStatementsDo() throws SQLException {
        Schema point = SchemaBuilder.struct().name("io.debezium.data.geometry.Point").optional()
                .field("x", Schema.FLOAT64_SCHEMA).field("y", Schema.FLOAT64_SCHEMA).build();
        List<ColumnValue> values = List.of(
                debezium("mts", Schema.Type.INT64, "io.debezium.time.MicroTimestamp", -1L),
                debezium("zts", Schema.Type.STRING, "io.debezium.time.ZonedTimestamp", "2024-03-01T12:34:56.789012Z"),
                debezium("mtm", Schema.Type.INT64, "io.debezium.time.MicroTime", 45_296_789_012L),
                debezium("dt", Schema.Type.INT32, "io.debezium.time.Date", 19_783),
                debezium("ztm", Schema.Type.STRING, "io.debezium.time.ZonedTime", "12:34:56.789012Z"),
                debezium("dur", Schema.Type.INT64, "io.debezium.time.MicroDuration", 93_784_500_000L),
                debezium("u", Schema.Type.STRING, "io.debezium.data.Uuid", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"),
                debezium("j", Schema.Type.STRING, "io.debezium.data.Json", "{\"a\": \"tab\\there\"}"),
                new ColumnValue("bits", new SchemaBuilder(Schema.Type.BYTES).name("io.debezium.data.Bits").parameter("length", "10")
                        .optional().build(), new byte[] {0x05, 0x02}),
                debezium("yr", Schema.Type.INT32, "io.debezium.time.Year", 2024),
                debezium("itm", Schema.Type.STRING, "io.debezium.time.IsoTime", "12:34:56.789012Z"),
                debezium("its", Schema.Type.STRING, "io.debezium.time.IsoTimestamp", "2024-03-01T12:34:56.789012Z"),
                debezium("eod", Schema.Type.INT64, "io.debezium.time.MicroTime", 86_400_000_000L),
                new ColumnValue("pt", point, new org.apache.kafka.connect.data.Struct(point).put("x", 1.5).put("y", -2.0)));
        List<ColumnSpec> specs = new ArrayList<>(List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true)));
        values.forEach(value -> specs.add(new ColumnSpec(value.name(), value.schema(), false)));
        db.execute(dialect.createTable(TableId.of("dbz_copy"), specs), dialect.createTable(TableId.of("dbz_insert"), specs));
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            copyWriter(PARIS).write(connection, debeziumRow("dbz_copy", values),
                    columns(connection, "dbz_copy"));
            new StatementExecutor(dialect, InsertMode.INSERT, 100, 30_000, new WriteOptions(PARIS))
                    .write(connection, debeziumRow("dbz_insert", values), columns(connection, "dbz_insert"));
            connection.commit();
        }
        String columns = "id, mts::text, to_char(zts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US'), mtm::text, dt::text, "
                + "ztm::text, dur::text, u::text, j::text, bits::text, yr, itm::text, its::text, eod::text, pt::text";
        List<List<Object>> copied = db.query("SELECT " + columns + " FROM dbz_copy");
        assertThat(copied).isEqualTo(db.query("SELECT " + columns + " FROM dbz_insert"));
        assertThat(copied).containsExactly(List.of(1L, "1969-12-31 23:59:59.999999", "2024-03-01 12:34:56.789012",
                "12:34:56.789012", "2024-03-01", "12:34:56.789012+00", "26:03:04.5", "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
                "{\"a\": \"tab\\there\"}", "1000000101", 2024, "12:34:56.789012", "2024-03-01 12:34:56.789012", "24:00:00",
                "(1.5,-2)"));
    }

    /**
     * Days and date-times before 1582-10-15 and before year 1 (PostgreSQL's BC) go through COPY, without falling
     * back, as INSERTs write them: the proleptic calendar's, in a zone's local mean time where java.time has one.
     */
    @Test
    void shouldWriteDatesAndTimestampsBeforeTheGregorianCalendarAndYearOneAsInsertStatementsDo() throws SQLException {
        ZoneId newYork = ZoneId.of("America/New_York");
        List<java.time.LocalDateTime> values = java.util.stream.Stream.of("0001-01-01T00:00", "1000-06-15T12:34:56.789012",
                "1582-10-04T23:59:59.999999", "-0043-03-15T12:00").map(java.time.LocalDateTime::parse).toList();
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true),
                new ColumnSpec("day", org.apache.kafka.connect.data.Date.builder().optional().build(), false),
                new ColumnSpec("ts", TS, false),
                new ColumnSpec("zts", new SchemaBuilder(Schema.Type.STRING).name("io.debezium.time.ZonedTimestamp").optional().build(), false),
                new ColumnSpec("mts", new SchemaBuilder(Schema.Type.INT64).name("io.debezium.time.MicroTimestamp").optional().build(), false),
                new ColumnSpec("dt", new SchemaBuilder(Schema.Type.INT32).name("io.debezium.time.Date").optional().build(), false));
        db.execute(dialect.createTable(TableId.of("old_copy"), specs), dialect.createTable(TableId.of("old_insert"), specs));
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            copyWriter(newYork).write(connection, ancientRows("old_copy", specs, values, newYork),
                    columns(connection, "old_copy"));
            new StatementExecutor(dialect, InsertMode.INSERT, 100, 30_000, new WriteOptions(newYork))
                    .write(connection, ancientRows("old_insert", specs, values, newYork), columns(connection, "old_insert"));
            connection.commit();
        }
        String columns = "id, day::text, ts::text, (zts AT TIME ZONE 'America/New_York')::text, mts::text, dt::text";
        List<List<Object>> copied = db.query("SELECT " + columns + " FROM old_copy ORDER BY id");
        assertThat(copied).isEqualTo(db.query("SELECT " + columns + " FROM old_insert ORDER BY id"));
        assertThat(copied).containsExactly(
                List.of(0L, "0001-01-01", "0001-01-01 00:00:00", "0001-01-01 00:00:00", "0001-01-01 00:00:00", "0001-01-01"),
                List.of(1L, "1000-06-15", "1000-06-15 12:34:56.789", "1000-06-15 12:34:56.789012", "1000-06-15 12:34:56.789012",
                        "1000-06-15"),
                List.of(2L, "1582-10-04", "1582-10-04 23:59:59.999", "1582-10-04 23:59:59.999999", "1582-10-04 23:59:59.999999",
                        "1582-10-04"),
                List.of(3L, "0044-03-15 BC", "0044-03-15 12:00:00 BC", "0044-03-15 12:00:00 BC", "0044-03-15 12:00:00 BC",
                        "0044-03-15 BC"));
    }

    /** One row per local date-time: its day as a Connect Date and Debezium Date, its instant in {@code zone} as a
     * Connect Timestamp and ZonedTimestamp, itself as a MicroTimestamp. */
    private static RowGroup ancientRows(String table, List<ColumnSpec> specs, List<java.time.LocalDateTime> values, ZoneId zone) {
        List<SinkRow> rows = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            java.time.LocalDateTime local = values.get(i);
            java.time.ZonedDateTime zoned = local.atZone(zone);
            long epochDay = local.toLocalDate().toEpochDay();
            long micros = local.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + local.getNano() / 1_000;
            List<Object> row = List.of(new java.util.Date(epochDay * 86_400_000L), new java.util.Date(zoned.toInstant().toEpochMilli()),
                    zoned.toOffsetDateTime().toString(), micros, (int) epochDay);
            List<ColumnValue> columns = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                columns.add(new ColumnValue(specs.get(c + 1).name(), specs.get(c + 1).schema(), row.get(c)));
            }
            rows.add(new SinkRow(new SinkRecord("t", 0, null, null, null, null, i), TableId.of(table),
                    List.of(new ColumnValue("id", Schema.INT64_SCHEMA, (long) i)), columns, false));
        }
        return new RowGroup(TableId.of(table), rows.get(0).shape(), rows);
    }

    private static ColumnValue debezium(String name, Schema.Type type, String schemaName, Object value) {
        return new ColumnValue(name, new SchemaBuilder(type).name(schemaName).optional().build(), value);
    }

    private static RowGroup debeziumRow(String table, List<ColumnValue> values) {
        SinkRow row = new SinkRow(new SinkRecord("t", 0, null, null, null, null, 0), TableId.of(table),
                List.of(new ColumnValue("id", Schema.INT64_SCHEMA, 1L)), values, false);
        return new RowGroup(TableId.of(table), row.shape(), List.of(row));
    }

    @Test
    void shouldWriteNothingWhenTheDatabaseRefusesARowOfTheCopy() throws SQLException {
        db.execute("ALTER TABLE via_copy ADD CONSTRAINT short_text CHECK (length(s) < 12)");
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            List<ColumnDefinition> columns = columns(connection, "via_copy");
            assertThatThrownBy(() -> copyWriter(PARIS)
                    .write(connection, group("via_copy"), columns)).isInstanceOf(SQLException.class).hasMessageContaining("short_text");
            connection.rollback();
        }
        assertThat(read("via_copy")).isEmpty();
    }
}
