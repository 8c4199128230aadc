package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.IntFunction;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.JdbcDialects;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.dialect.WriteOptions;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.InsertMode;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COPY's binary format stores exactly what its text format stores, for every pair of Connect schema and column
 * type that goes binary: the same rows are copied into two identical tables, one through each format, and read
 * back as PostgreSQL's text of every column.
 */
class PostgresCopyBinaryIT {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final String COLUMNS = "(id int8 PRIMARY KEY, i2 int2, i4 int4, narrow int4, i8 int8, f4 real, f8 double precision, "
            + "b boolean, t text, v varchar(12), c char(5), by bytea, n numeric, n2 numeric(12,2), d date, tm time, "
            + "tm0 time(0), ts timestamp, ts0 timestamp(0), tz timestamptz)";
    private static final List<ColumnValue.ColumnSlot> SLOTS = List.of(
            slot("i2", Schema.OPTIONAL_INT8_SCHEMA), slot("i4", Schema.OPTIONAL_INT16_SCHEMA),
            slot("narrow", Schema.OPTIONAL_INT64_SCHEMA), slot("i8", Schema.OPTIONAL_INT32_SCHEMA),
            slot("f4", Schema.OPTIONAL_FLOAT32_SCHEMA), slot("f8", Schema.OPTIONAL_FLOAT64_SCHEMA),
            slot("b", Schema.OPTIONAL_BOOLEAN_SCHEMA), slot("t", Schema.OPTIONAL_STRING_SCHEMA),
            slot("v", Schema.OPTIONAL_STRING_SCHEMA), slot("c", Schema.OPTIONAL_STRING_SCHEMA),
            slot("by", Schema.OPTIONAL_BYTES_SCHEMA), slot("n", Decimal.builder(3).optional().build()),
            slot("n2", Decimal.builder(2).optional().build()), slot("d", Date.builder().optional().build()),
            slot("tm", Time.builder().optional().build()), slot("tm0", Time.builder().optional().build()),
            slot("ts", Timestamp.builder().optional().build()), slot("ts0", Timestamp.builder().optional().build()),
            slot("tz", Timestamp.builder().optional().build()));
    private static final String READ = "SELECT id, i2, i4, narrow, i8, f4::text, f8::text, b, t, v, c::text, encode(by, 'hex'), "
            + "n::text, n2::text, d::text, tm::text, tm0::text, ts::text, ts0::text, (tz AT TIME ZONE 'UTC')::text FROM %s ORDER BY id";

    @TempDir
    Path dir;
    private TestDatabase db;
    private JdbcDialect dialect;

    @BeforeEach
    void createTables() throws SQLException {
        db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
        dialect = JdbcDialects.forUrl(db.url());
        db.execute("CREATE TABLE via_binary " + COLUMNS, "CREATE TABLE via_text " + COLUMNS);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        db.close();
    }

    private static ColumnValue.ColumnSlot slot(String name, Schema schema) {
        return new ColumnValue.ColumnSlot(name, schema);
    }

    private static java.util.Date at(String instant) {
        return java.util.Date.from(Instant.parse(instant));
    }

    private static java.util.Date day(String date) {
        return new java.util.Date(LocalDate.parse(date).toEpochDay() * 86_400_000L);
    }

    /** Rows of values in {@link #SLOTS}' order, each row's id its position. */
    private static RowGroup group(String table, List<List<Object>> rows) {
        List<SinkRow> sinkRows = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<ColumnValue> values = new ArrayList<>();
            for (int c = 0; c < SLOTS.size(); c++) {
                values.add(new ColumnValue(SLOTS.get(c).name(), SLOTS.get(c).schema(), rows.get(r).get(c)));
            }
            sinkRows.add(new SinkRow(new SinkRecord("t", 0, null, null, null, null, r), TableId.of(table),
                    List.of(new ColumnValue("id", Schema.INT64_SCHEMA, (long) r)), values, false));
        }
        return new RowGroup(TableId.of(table), sinkRows.get(0).shape(), sinkRows);
    }

    /** The table's columns in the rows' order (id, then {@link #SLOTS}), as the task looks them up. */
    private List<ColumnDefinition> columns(Connection connection, String table) throws SQLException {
        List<ColumnDefinition> described = dialect.describeTable(connection, TableId.of(table)).orElseThrow().columns();
        List<String> names = new ArrayList<>(List.of("id"));
        SLOTS.forEach(slot -> names.add(slot.name()));
        return names.stream().map(name -> described.stream().filter(column -> column.name().equals(name)).findFirst().orElseThrow())
                .toList();
    }

    /** Copies the rows into via_binary in the binary format and into via_text in the text one; returns both tables' text. */
    private List<List<List<Object>>> copyBothWays(List<List<Object>> rows) throws SQLException {
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            List<ColumnDefinition> binaryColumns = columns(connection, "via_binary");
            RowGroup binaryGroup = group("via_binary", rows);
            assertThat(CopyBinaryEncoder.fields(binaryGroup.shape().all(), binaryColumns)).as("every column goes binary").isNotNull();
            new PostgresCopyWriter(dialect, new CopyTextEncoder(PARIS), new CopyBinaryEncoder(PARIS))
                    .write(connection, binaryGroup, binaryColumns);
            new PostgresCopyWriter(dialect, new CopyTextEncoder(PARIS), null)
                    .write(connection, group("via_text", rows), columns(connection, "via_text"));
            connection.commit();
        }
        return List.of(db.query(READ.formatted("via_binary")), db.query(READ.formatted("via_text")));
    }

    @Test
    void shouldStoreEverySupportedTypeAsTheTextFormatDoes() throws SQLException {
        List<List<Object>> rows = List.of(
                Arrays.asList(new Object[SLOTS.size()]),
                Arrays.asList((byte) -128, (short) 32_767, -2_147_483_648L, Integer.MAX_VALUE, 1.1f, 0.1d, true, "", "tab\there",
                        "ab", new byte[0], new BigDecimal("0.000"), new BigDecimal("0.00"), day("2000-01-01"),
                        new java.util.Date(0), new java.util.Date(45_296_789L), at("2000-01-01T00:00:00Z"),
                        at("1999-12-31T23:00:00.500Z"), at("2000-01-01T00:00:00Z")),
                Arrays.asList((byte) 0, (short) -1, 2_147_483_647L, -1, Float.NaN, Double.NEGATIVE_INFINITY, false,
                        "żółw 🐢 ∑ \\N \\. back\\slash\r\n", "  spaces  ", "abcde", new byte[] {0, '\t', '\n', '\\', (byte) 0xff},
                        new BigDecimal("-123456789012345678901234567890.123"), new BigDecimal("-9999999999.99"),
                        day("1969-12-31"), new java.util.Date(86_399_999L), new java.util.Date(43_200_500L),
                        at("1969-12-31T23:59:59.999Z"), at("1969-07-20T20:17:40.4Z"), at("1969-12-31T23:59:59.999Z")),
                Arrays.asList((byte) 1, (short) 0, 0L, Integer.MIN_VALUE, -0.0f, Double.MIN_VALUE, true, "x".repeat(10_000),
                        "exactly12chr", "a", new byte[] {1}, new BigDecimal("1E+3"), new BigDecimal("0.01"),
                        day("1582-10-04"), new java.util.Date(-1), new java.util.Date(-500), at("1582-10-04T23:59:59.999Z"),
                        at("0001-01-01T00:00:00Z"), at("1000-06-15T12:34:56.789Z")),
                Arrays.asList(null, (short) 7, null, 42, Float.MAX_VALUE, 1e308, null, null, null, null, null,
                        new BigDecimal("0.001"), new BigDecimal("1.00"), day("-0043-03-15"), null, null,
                        at("-0043-03-15T12:00:00Z"), at("2024-03-31T01:30:00Z"), at("-0043-03-15T12:00:00Z")),
                Arrays.asList((byte) 5, (short) 5, 5L, 5, 3.4028235e38f, -1.7976931348623157e308, false, "end", "v", "c",
                        new byte[] {(byte) 0x80}, new BigDecimal("10000.0000000000000001"), new BigDecimal("123.45"),
                        day("9999-12-31"), new java.util.Date(13 * 3_600_000L + 5_007), new java.util.Date(13 * 3_600_000L + 5_007),
                        new java.util.Date(9223372036825200000L), at("2024-10-27T00:59:59.999Z"), new java.util.Date(-9223372036832400000L)));
        List<List<List<Object>>> tables = copyBothWays(rows);
        assertThat(tables.get(0)).isEqualTo(tables.get(1));
        assertThat(tables.get(0).get(2)).containsExactly(2L, 0, -1, 2_147_483_647, -1L, "NaN", "-Infinity", false,
                "żółw 🐢 ∑ \\N \\. back\\slash\r\n", "  spaces  ", "abcde", "00090a5cff",
                "-123456789012345678901234567890.123", "-9999999999.99", "1969-12-31", "23:59:59.999", "12:00:01",
                "1970-01-01 00:59:59.999", "1969-07-20 21:17:40", "1969-12-31 23:59:59.999");
        assertThat(tables.get(0).get(4)).contains("0.001", "1.00", "0044-03-15 BC");
        assertThat(tables.get(0).get(5)).contains("10000.0000000000000001", "infinity", "-infinity", "13:00:05.007");
    }

    /** Decimals of every sign, size and scale, and timestamps around daylight-saving changes, stored alike. */
    @Test
    void shouldStoreRandomDecimalsAndTimestampsAsTheTextFormatDoes() throws SQLException {
        Random random = new Random(7);
        IntFunction<BigDecimal> decimal = i -> new BigDecimal(new BigInteger(1 + random.nextInt(100), random)
                .multiply(BigInteger.valueOf(random.nextBoolean() ? 1 : -1)), random.nextInt(24) - 4);
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Object[] row = new Object[SLOTS.size()];
            row[11] = i % 50 == 0 ? BigDecimal.ZERO.setScale(i % 7) : decimal.apply(i);
            row[12] = BigDecimal.valueOf(random.nextLong() % 10_000_000_000L, random.nextInt(4));
            long millis = -5_000_000_000_000L + (long) (random.nextDouble() * 10_000_000_000_000L);
            row[16] = new java.util.Date(millis);
            row[17] = new java.util.Date(millis);
            row[18] = new java.util.Date(millis);
            rows.add(Arrays.asList(row));
        }
        List<List<List<Object>>> tables = copyBothWays(rows);
        assertThat(tables.get(0)).hasSize(3_000).isEqualTo(tables.get(1));
    }

    /** The task's path: a refused binary COPY is written again with INSERTs, and only the row the database refuses is set aside. */
    @Test
    void shouldWriteTheOtherRowsAndRefuseTheOneWhoseIntegerTheColumnCannotHold() throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            List<Object> row = Arrays.asList(new Object[SLOTS.size()]);
            row.set(2, i == 321 ? 1L << 31 : (long) i);
            rows.add(row);
        }
        TableBuffer buffer = new TableBuffer(TableId.of("via_binary"));
        group("via_binary", rows).rows().forEach(buffer::add);
        WriteOptions options = new WriteOptions(PARIS);
        BatchWriter writer = new BatchWriter(new TableStructureManager(dialect, false, false, Set.of("TABLE"), options),
                new StatementExecutor(dialect, InsertMode.INSERT, 100, 30_000, options),
                new PostgresCopyWriter(dialect, new CopyTextEncoder(PARIS), new CopyBinaryEncoder(PARIS)), 500);
        List<BatchSplitter.Refusal<SinkRow>> refused;
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            refused = writer.write(connection, List.of(buffer));
            connection.commit();
        }
        assertThat(refused).singleElement().satisfies(refusal -> {
            assertThat(refusal.row().record().kafkaOffset()).isEqualTo(321);
            // the database's own words: the INSERT that found the row, not the encoder that stopped the COPY
            assertThat(refusal.error()).hasMessageContaining("ERROR: integer out of range");
        });
        assertThat(db.queryValue("SELECT count(*) FROM via_binary WHERE id <> 321 AND narrow = id")).isEqualTo(599L);
    }

    @Test
    void shouldWriteNothingWhenAValueDoesNotFitTheColumnsBinaryForm() throws SQLException {
        List<Object> row = Arrays.asList(new Object[SLOTS.size()]);
        row.set(2, 1L << 31);
        try (Connection connection = db.connect()) {
            connection.setAutoCommit(false);
            List<ColumnDefinition> columns = columns(connection, "via_binary");
            assertThatThrownBy(() -> new PostgresCopyWriter(dialect, new CopyTextEncoder(PARIS), new CopyBinaryEncoder(PARIS))
                    .write(connection, group("via_binary", List.of(Arrays.asList(new Object[SLOTS.size()]), row)), columns))
                    .isInstanceOf(SQLException.class).hasMessageContaining("out of range for type integer");
            connection.rollback();
        }
        assertThat(db.query(READ.formatted("via_binary"))).isEmpty();
    }
}
