package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write path every dialect must pass on its real database: tables created from Connect schemas,
 * values bound and read back, and the sink's statements (upsert, update, delete, add columns).
 */
final class WriteScenarios {
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final WriteOptions WRITE = new WriteOptions(PARIS);
    static final ReadOptions READ = new ReadOptions(PARIS, ReadOptions.NumericMapping.NONE);

    private final TestDatabase database;
    private final JdbcDialect dialect;

    WriteScenarios(TestDatabase database, JdbcDialect dialect) {
        this.database = database;
        this.dialect = dialect;
    }

    Connection connect() throws Exception {
        Connection connection = database.connect();
        dialect.initializeSession(connection);
        return connection;
    }

    /** A column of every Connect type, each with a value that must read back unchanged. */
    static Map<ColumnSpec, Object> everyType() {
        Map<ColumnSpec, Object> columns = new LinkedHashMap<>();
        columns.put(new ColumnSpec("id", Schema.INT64_SCHEMA, true), 1L);
        columns.put(new ColumnSpec("i8", Schema.OPTIONAL_INT8_SCHEMA, false), (byte) -8);
        columns.put(new ColumnSpec("i16", Schema.OPTIONAL_INT16_SCHEMA, false), (short) 16000);
        columns.put(new ColumnSpec("i32", Schema.OPTIONAL_INT32_SCHEMA, false), 2_000_000_000);
        columns.put(new ColumnSpec("i64", Schema.OPTIONAL_INT64_SCHEMA, false), 9_000_000_000_000L);
        columns.put(new ColumnSpec("f32", Schema.OPTIONAL_FLOAT32_SCHEMA, false), 1.5f);
        columns.put(new ColumnSpec("f64", Schema.OPTIONAL_FLOAT64_SCHEMA, false), -2.125d);
        columns.put(new ColumnSpec("flag", Schema.OPTIONAL_BOOLEAN_SCHEMA, false), true);
        columns.put(new ColumnSpec("name", Schema.OPTIONAL_STRING_SCHEMA, false), "it's \\ ünï");
        columns.put(new ColumnSpec("data", Schema.OPTIONAL_BYTES_SCHEMA, false), new byte[] {0, 1, (byte) 0xff});
        columns.put(new ColumnSpec("amount", Decimal.builder(3).optional().build(), false), new BigDecimal("-12345.678"));
        columns.put(new ColumnSpec("day", Date.builder().optional().build(), false),
                new java.util.Date(TypeCase.day("2024-02-29").toEpochMilli()));
        columns.put(new ColumnSpec("at", Time.builder().optional().build(), false),
                new java.util.Date(TypeCase.timeOfDay("13:14:15.678").toEpochMilli()));
        columns.put(new ColumnSpec("ts", Timestamp.builder().optional().build(), false),
                java.util.Date.from(Instant.parse("2024-03-31T00:30:00.123Z")));
        return columns;
    }

    /** Creates the table from every Connect type, inserts a full row and a row of NULLs, reads both back. */
    void shouldRoundTripEveryConnectType() throws Exception {
        TableId table = dialect.parseTableId("round_trip");
        Map<ColumnSpec, Object> columns = everyType();
        List<String> names = columns.keySet().stream().map(ColumnSpec::name).toList();
        try (Connection connection = connect()) {
            createWithFullAndNullRows(connection, table, columns);
            List<List<Object>> rows = read(connection, table, names);
            assertThat(rows).hasSize(2);
            List<Object> expected = columns.values().stream().map(WriteScenarios::comparable).toList();
            assertThat(rows.get(0)).isEqualTo(expected);
            assertThat(rows.get(1).subList(1, names.size())).containsOnlyNulls();
        }
    }

    /** A column of each of Debezium's semantic types, each with a value as Debezium encodes it. */
    static Map<ColumnSpec, Object> everyDebeziumType() {
        Map<ColumnSpec, Object> columns = new LinkedHashMap<>();
        columns.put(new ColumnSpec("id", Schema.INT64_SCHEMA, true), 1L);
        columns.put(debezium("dt", DebeziumType.DATE), 19_783);
        columns.put(debezium("tm", DebeziumType.TIME), 45_296_789);
        columns.put(debezium("mtm", DebeziumType.MICRO_TIME), 45_296_789_012L);
        columns.put(debezium("ntm", DebeziumType.NANO_TIME), 45_296_789_012_345L);
        columns.put(debezium("ts", DebeziumType.TIMESTAMP), 1_709_296_496_789L);
        columns.put(debezium("mts", DebeziumType.MICRO_TIMESTAMP), 1_709_296_496_789_012L);
        columns.put(debezium("nts", DebeziumType.NANO_TIMESTAMP), 1_709_296_496_789_012_345L);
        columns.put(debezium("zts", DebeziumType.ZONED_TIMESTAMP), "2024-03-01T12:34:56.789012Z");
        columns.put(debezium("ztm", DebeziumType.ZONED_TIME), "12:34:56.789012Z");
        columns.put(debezium("dur", DebeziumType.MICRO_DURATION), 93_784_500_000L);
        columns.put(debezium("ivl", DebeziumType.INTERVAL), "P1DT2H3M4.5S");
        columns.put(debezium("u", DebeziumType.UUID), "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        columns.put(debezium("j", DebeziumType.JSON), "{\"a\": [1, 2.50]}");
        columns.put(debezium("x", DebeziumType.XML), "<a>1</a>");
        columns.put(debezium("e", DebeziumType.ENUM), "happy");
        columns.put(debezium("es", DebeziumType.ENUM_SET), "a,c");
        columns.put(debezium("vsd", DebeziumType.VARIABLE_SCALE_DECIMAL), new org.apache.kafka.connect.data.Struct(
                DebeziumSchemas.variableScaleDecimal()).put("scale", 4).put("value", java.math.BigInteger.valueOf(-1_234_567).toByteArray()));
        columns.put(debezium("bits", DebeziumType.BITS), new byte[] {0x05, 0x02});
        columns.put(debezium("yr", DebeziumType.YEAR), 2024);
        columns.put(debezium("idt", DebeziumType.ISO_DATE), "2024-03-01Z");
        columns.put(debezium("itm", DebeziumType.ISO_TIME), "12:34:56.789012Z");
        columns.put(debezium("its", DebeziumType.ISO_TIMESTAMP), "2024-03-01T12:34:56.789012Z");
        columns.put(debezium("eod", DebeziumType.MICRO_TIME), 86_400_000_000L);
        columns.put(debezium("pt", DebeziumType.POINT), DebeziumSchemas.point(1.5, -2));
        return columns;
    }

    private static ColumnSpec debezium(String name, DebeziumType type) {
        return new ColumnSpec(name, DebeziumSchemas.of(type), false);
    }

    /** Every Debezium semantic type, stored and read back as {@link #storeAndReadAsText} says. */
    void shouldStoreEveryDebeziumTypeAsTheColumnItStandsFor(java.util.function.BiFunction<String, String, String> select,
            List<String> expected) throws Exception {
        storeAndReadAsText(dialect.parseTableId("debezium_types"), everyDebeziumType(), select, expected);
    }

    /**
     * Debezium's zoneless timestamps of dates before the Gregorian calendar began (1582-10-15), such as the
     * 0001-01-01 some applications store for "no date", are the proleptic calendar's date-times, as the
     * databases' are: they are stored as they are, not moved by the days a Julian calendar differs.
     */
    void shouldStoreDebeziumTimestampsBeforeTheGregorianCalendarAsTheyAre(java.util.function.BiFunction<String, String, String> select,
            List<String> expected) throws Exception {
        Map<ColumnSpec, Object> columns = new LinkedHashMap<>();
        columns.put(new ColumnSpec("id", Schema.INT64_SCHEMA, true), 1L);
        columns.put(debezium("ts", DebeziumType.TIMESTAMP), epochMicros("0001-01-01T00:00:00") / 1_000L);
        columns.put(debezium("mts", DebeziumType.MICRO_TIMESTAMP), epochMicros("1000-06-15T12:34:56.789012"));
        columns.put(debezium("last", DebeziumType.MICRO_TIMESTAMP), epochMicros("1582-10-04T23:59:59.999999"));
        storeAndReadAsText(dialect.parseTableId("debezium_old_timestamps"), columns, select, expected);
    }

    /**
     * Connect's Dates and Timestamps and Debezium's ZonedTimestamps before the Gregorian calendar began (and, where
     * the database has them, before year 1) stand for java.time's proleptic calendar, as their epoch milliseconds
     * do in Avro and JSON. Written with {@code db.timezone} {@code zone}, each column holds the original date or
     * local date-time (the zone's local mean time where java.time gives one, before the zone's standard time), and
     * read back through the dialect's column mappings in {@code zone} each is the proleptic epoch value again.
     * {@code select} reads a column's text; {@code expected} lists, per value, the texts of day, ts and zts.
     */
    void shouldWriteAndReadDatesAndTimestampsBeforeTheGregorianCalendar(ZoneId zone, List<LocalDateTime> values,
            java.util.function.BiFunction<String, String, String> select, List<List<String>> expected) throws Exception {
        TableId table = dialect.parseTableId("ancient_" + zone.getId().replaceAll("\\W", "_").toLowerCase(java.util.Locale.ROOT));
        List<ColumnSpec> specs = List.of(new ColumnSpec("id", Schema.INT64_SCHEMA, true),
                new ColumnSpec("day", Date.builder().optional().build(), false),
                new ColumnSpec("ts", Timestamp.builder().optional().build(), false),
                debezium("zts", DebeziumType.ZONED_TIMESTAMP));
        List<String> names = specs.stream().map(ColumnSpec::name).toList();
        WriteOptions write = new WriteOptions(zone);
        try (Connection connection = connect()) {
            execute(connection, dialect.createTable(table, specs, write));
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table, names, 1))) {
                for (int i = 0; i < values.size(); i++) {
                    LocalDateTime local = values.get(i);
                    dialect.bind(insert, 1, Schema.INT64_SCHEMA, (long) i, write);
                    dialect.bind(insert, 2, specs.get(1).schema(), new java.util.Date(epochDayMillis(local)), write);
                    dialect.bind(insert, 3, specs.get(2).schema(), new java.util.Date(local.atZone(zone).toInstant().toEpochMilli()), write);
                    dialect.bind(insert, 4, specs.get(3).schema(), local.atZone(zone).toOffsetDateTime().toString(), write);
                    assertThat(insert.executeUpdate()).isEqualTo(1);
                }
            }
            List<List<String>> labelled = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                labelled.add(List.of("id=" + i, "day=" + expected.get(i).get(0), "ts=" + expected.get(i).get(1),
                        "zts=" + expected.get(i).get(2)));
            }
            assertThat(readAsText(connection, table, names, select)).containsExactlyElementsOf(labelled);
            assertThat(readThroughMappings(connection, table, zone)).containsExactlyElementsOf(values.stream()
                    .map(local -> List.<Object>of(epochDayMillis(local), local.atZone(zone).toInstant().toEpochMilli(),
                            local.atZone(zone).toInstant()))
                    .toList());
        }
    }

    private static long epochDayMillis(LocalDateTime local) {
        return local.toLocalDate().toEpochDay() * 86_400_000L;
    }

    /** Per row: the day's epoch milliseconds, the timestamp's epoch milliseconds, the zoned timestamp's instant. */
    private List<List<Object>> readThroughMappings(Connection connection, TableId table, ZoneId zone) throws Exception {
        ReadOptions read = new ReadOptions(zone, ReadOptions.NumericMapping.NONE);
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT " + dialect.quote("day") + ", " + dialect.quote("ts")
                + ", " + dialect.quote("zts") + " FROM " + dialect.qualified(table) + " ORDER BY " + dialect.quote("id"));
             ResultSet result = query.executeQuery()) {
            List<ColumnMapping> mappings = dialect.describeResult(result).stream()
                    .map(column -> dialect.columnMapping(column, read).orElseThrow()).toList();
            while (result.next()) {
                rows.add(List.of(((java.util.Date) mappings.get(0).read(result, 1)).getTime(),
                        ((java.util.Date) mappings.get(1).read(result, 2)).getTime(),
                        TemporalValues.instant((java.util.Date) mappings.get(2).read(result, 3))));
            }
        }
        return rows;
    }

    private static long epochMicros(String localDateTime) {
        java.time.LocalDateTime dateTime = java.time.LocalDateTime.parse(localDateTime);
        return dateTime.toEpochSecond(java.time.ZoneOffset.UTC) * 1_000_000L + dateTime.getNano() / 1_000;
    }

    /**
     * Creates the table of the columns (Debezium's semantic types), inserts a full row (in {@code db.timezone} Paris) and a
     * row of NULLs, and reads each column back as the database's text ({@code select} may wrap a column's quoted
     * name, as MariaDB's BIT needs); {@code expected} lists the texts by column, the key first.
     */
    private void storeAndReadAsText(TableId table, Map<ColumnSpec, Object> columns,
            java.util.function.BiFunction<String, String, String> select, List<String> expected) throws Exception {
        List<String> names = columns.keySet().stream().map(ColumnSpec::name).toList();
        try (Connection connection = connect()) {
            createWithFullAndNullRows(connection, table, columns);
            List<List<String>> rows = readAsText(connection, table, names, select);
            List<String> labelled = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                labelled.add(names.get(i) + "=" + expected.get(i));
            }
            assertThat(rows).hasSize(2);
            assertThat(rows.get(0)).containsExactlyElementsOf(labelled);
            assertThat(rows.get(1).subList(1, names.size())).allMatch(text -> text.endsWith("=null"));
        }
    }

    /** The rows ordered by {@code id}, each column as {@code name=text}, the text as {@code select} reads the column. */
    private List<List<String>> readAsText(Connection connection, TableId table, List<String> names,
            java.util.function.BiFunction<String, String, String> select) throws Exception {
        String sql = "SELECT " + String.join(", ", names.stream().map(name -> select.apply(name, dialect.quote(name))).toList())
                + " FROM " + dialect.qualified(table) + " ORDER BY " + dialect.quote("id");
        List<List<String>> rows = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql); ResultSet result = query.executeQuery()) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 0; i < names.size(); i++) {
                    row.add(names.get(i) + "=" + result.getString(i + 1));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Creates the table of the columns, inserts their values as row 1 and NULLs (but the key) as row 2. */
    private void createWithFullAndNullRows(Connection connection, TableId table, Map<ColumnSpec, Object> columns) throws Exception {
        List<ColumnSpec> specs = new ArrayList<>(columns.keySet());
        execute(connection, dialect.createTable(table, specs));
        try (PreparedStatement insert = connection.prepareStatement(
                dialect.insert(table, specs.stream().map(ColumnSpec::name).toList(), 2))) {
            int index = 1;
            for (Map.Entry<ColumnSpec, Object> column : columns.entrySet()) {
                dialect.bind(insert, index++, column.getKey().schema(), column.getValue(), WRITE);
            }
            for (ColumnSpec spec : specs) {
                dialect.bind(insert, index++, spec.schema(), spec.primaryKey() ? 2L : null, WRITE);
            }
            assertThat(insert.executeUpdate()).isEqualTo(2);
        }
    }

    /**
     * Creates a table whose columns default to each Debezium semantic type's value (Debezium gives a schema the
     * source column's default), inserts only the key and reads each column back as the database's text, as
     * {@link #storeAndReadAsText} does; {@code expected} lists the texts by column, the key first. Struct-typed
     * values (VariableScaleDecimal, Point) are left out: a Struct default must be of the schema being built.
     */
    void shouldFillDebeziumColumnsWithTheirDefaults(java.util.function.BiFunction<String, String, String> select,
            List<String> expected) throws Exception {
        TableId table = dialect.parseTableId("debezium_defaults");
        List<ColumnSpec> specs = new ArrayList<>();
        List<String> labelled = new ArrayList<>();
        int i = 0;
        for (Map.Entry<ColumnSpec, Object> column : everyDebeziumType().entrySet()) {
            Schema schema = column.getKey().schema();
            String text = expected.get(i++);
            if (schema.type() == Schema.Type.STRUCT) {
                continue;
            }
            specs.add(column.getKey().primaryKey() ? column.getKey() : new ColumnSpec(column.getKey().name(),
                    new SchemaBuilder(schema.type()).name(schema.name()).version(schema.version())
                            .parameters(schema.parameters() == null ? Map.of() : schema.parameters())
                            .optional().defaultValue(column.getValue()).build(), false));
            labelled.add(column.getKey().name() + "=" + text);
        }
        try (Connection connection = connect()) {
            execute(connection, dialect.createTable(table, specs, WRITE));
            run(connection, dialect.insert(table, List.of("id"), 1), new Schema[] {Schema.INT64_SCHEMA}, 1L);
            assertThat(readAsText(connection, table, specs.stream().map(ColumnSpec::name).toList(), select))
                    .containsExactly(labelled);
        }
    }

    /** Creates a table whose columns default to every type's value, inserts only the key, reads the defaults. */
    void shouldFillColumnsWithTheSchemaDefaults() throws Exception {
        TableId table = dialect.parseTableId("defaults");
        List<ColumnSpec> specs = new ArrayList<>();
        List<Object> expected = new ArrayList<>();
        for (Map.Entry<ColumnSpec, Object> column : everyType().entrySet()) {
            ColumnSpec spec = column.getKey();
            Schema schema = spec.primaryKey() ? spec.schema()
                    : new SchemaBuilder(spec.schema().type()).name(spec.schema().name())
                            .parameters(spec.schema().parameters() == null ? Map.of() : spec.schema().parameters())
                            .optional().defaultValue(column.getValue()).build();
            specs.add(new ColumnSpec(spec.name(), schema, spec.primaryKey()));
            expected.add(comparable(column.getValue()));
        }
        try (Connection connection = connect()) {
            execute(connection, dialect.createTable(table, specs, WRITE));
            run(connection, dialect.insert(table, List.of("id"), 1), new Schema[] {Schema.INT64_SCHEMA}, 1L);
            assertThat(read(connection, table, specs.stream().map(ColumnSpec::name).toList())).containsExactly(expected);
        }
    }

    /** The rows of the table ordered by its first column, read through describeTable and columnMapping. */
    List<List<Object>> read(Connection connection, TableId table, List<String> names) throws Exception {
        TableDefinition definition = dialect.describeTable(connection, table).orElseThrow();
        List<ColumnMapping> mappings = new ArrayList<>();
        for (String name : names) {
            ColumnDefinition column = definition.column(name).orElseThrow();
            mappings.add(dialect.columnMapping(column, READ).orElseThrow(() -> new AssertionError("unmapped " + column)));
        }
        String sql = "SELECT " + String.join(", ", names.stream().map(dialect::quote).toList()) + " FROM "
                + dialect.qualified(table) + " ORDER BY " + dialect.quote(names.get(0));
        List<List<Object>> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 0; i < mappings.size(); i++) {
                    row.add(comparable(mappings.get(i).read(result, i + 1)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** As {@link TypeCase#comparable}, with whole numbers as long and floating ones as double. */
    static Object comparable(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> element == null ? "null" : comparable(element)).toList();
        }
        return value instanceof ByteBuffer ? value : TypeCase.comparable(value);
    }

    static void execute(Connection connection, String... sql) throws Exception {
        try (var statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Binds rows of plain values (Connect types by Java class) to a statement and runs it. */
    int run(Connection connection, String sql, Schema[] schemas, Object... values) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                dialect.bind(statement, i + 1, schemas[i % schemas.length], values[i], WRITE);
            }
            return statement.executeUpdate();
        }
    }

    /** A table (a, b) keyed on both with a value column v. */
    TableId compositeKeyTable(Connection connection, String name) throws Exception {
        TableId table = dialect.parseTableId(name);
        execute(connection, dialect.createTable(table, List.of(
                new ColumnSpec("a", Schema.INT32_SCHEMA, true),
                new ColumnSpec("b", Schema.STRING_SCHEMA, true),
                new ColumnSpec("v", SchemaBuilder.string().optional().defaultValue("none").build(), false))));
        return table;
    }

    static final Schema[] PAIR = {Schema.INT32_SCHEMA, Schema.STRING_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA};
    static final Schema[] KEY = {Schema.INT32_SCHEMA, Schema.STRING_SCHEMA};

    void shouldUpsertInsertingThenUpdating() throws Exception {
        try (Connection connection = connect()) {
            TableId table = compositeKeyTable(connection, "upserted");
            String upsert = dialect.upsert(table, List.of("a", "b"), List.of("v"), 2);
            run(connection, upsert, PAIR, 1, "x", "first", 2, "y", "first");
            run(connection, upsert, PAIR, 1, "x", "second", 3, "z", "first");
            assertThat(read(connection, table, List.of("a", "b", "v"))).containsExactly(
                    List.of(1L, "x", "second"), List.of(2L, "y", "first"), List.of(3L, "z", "first"));
        }
    }

    void shouldUpsertKeysOnlyWithoutFailingOnExistingRows() throws Exception {
        try (Connection connection = connect()) {
            TableId table = compositeKeyTable(connection, "keys_only");
            execute(connection, "INSERT INTO " + dialect.qualified(table) + " (a, b, v) VALUES (1, 'x', 'kept')");
            run(connection, dialect.upsert(table, List.of("a", "b"), List.of(), 2), KEY, 1, "x", 2, "y");
            assertThat(read(connection, table, List.of("a", "b", "v")))
                    .containsExactly(List.of(1L, "x", "kept"), List.of(2L, "y", "none"));
        }
    }

    void shouldUpdateAndDeleteByCompositeKey() throws Exception {
        try (Connection connection = connect()) {
            TableId table = compositeKeyTable(connection, "updated");
            run(connection, dialect.insert(table, List.of("a", "b", "v"), 4), PAIR,
                    1, "x", "a", 1, "y", "b", 2, "x", "c", 2, "y", "d");
            Schema[] update = {Schema.OPTIONAL_STRING_SCHEMA, Schema.INT32_SCHEMA, Schema.STRING_SCHEMA};
            assertThat(run(connection, dialect.update(table, List.of("a", "b"), List.of("v")), update, "B", 1, "y")).isEqualTo(1);
            assertThat(run(connection, dialect.delete(table, List.of("a", "b"), 2), KEY, 1, "x", 2, "y")).isEqualTo(2);
            assertThat(read(connection, table, List.of("a", "b", "v")))
                    .containsExactly(List.of(1L, "y", "B"), List.of(2L, "x", "c"));
            TableId single = dialect.parseTableId("singles");
            execute(connection, dialect.createTable(single, List.of(new ColumnSpec("k", Schema.STRING_SCHEMA, true))));
            Schema[] text = {Schema.STRING_SCHEMA};
            run(connection, dialect.insert(single, List.of("k"), 3), text, "p", "q", "r");
            run(connection, dialect.delete(single, List.of("k"), 2), text, "p", "r");
            assertThat(read(connection, single, List.of("k"))).containsExactly(List.of("q"));
        }
    }

    void shouldAddColumnsThenInsertIntoThem() throws Exception {
        try (Connection connection = connect()) {
            TableId table = compositeKeyTable(connection, "widened");
            run(connection, dialect.insert(table, List.of("a", "b"), 1), KEY, 1, "x");
            List<ColumnSpec> added = List.of(
                    new ColumnSpec("n", SchemaBuilder.int32().defaultValue(42).build(), false),
                    new ColumnSpec("s", Schema.OPTIONAL_STRING_SCHEMA, false));
            execute(connection, dialect.addColumns(table, added).toArray(String[]::new));
            run(connection, dialect.insert(table, List.of("a", "b", "n", "s"), 1),
                    new Schema[] {Schema.INT32_SCHEMA, Schema.STRING_SCHEMA, Schema.INT32_SCHEMA, Schema.OPTIONAL_STRING_SCHEMA},
                    2, "y", 7, "new");
            assertThat(read(connection, table, List.of("a", "n", "s")))
                    .containsExactly(Arrays.asList(1L, 42L, null), List.of(2L, 7L, "new"));
            TableDefinition definition = dialect.describeTable(connection, table).orElseThrow();
            assertThat(definition.column("n").orElseThrow().nullable()).isFalse();
            assertThat(definition.primaryKey()).extracting(ColumnDefinition::name).containsExactly("a", "b");
        }
    }

    void shouldAcceptAsManyBindParametersAsItAdvertises() throws Exception {
        TableId table = dialect.parseTableId("wide");
        int rows = dialect.maxBindParameters();
        try (Connection connection = connect()) {
            execute(connection, dialect.createTable(table, List.of(new ColumnSpec("v", Schema.INT32_SCHEMA, false))));
            try (PreparedStatement insert = connection.prepareStatement(dialect.insert(table, List.of("v"), rows))) {
                for (int i = 1; i <= rows; i++) {
                    insert.setInt(i, i);
                }
                assertThat(insert.executeUpdate()).isEqualTo(rows);
            }
        }
    }

    /** Every scenario as a test, each on its own tables of the one database. */
    Stream<DynamicTest> all() {
        Map<String, Executable> scenarios = new LinkedHashMap<>();
        scenarios.put("shouldRoundTripEveryConnectType", this::shouldRoundTripEveryConnectType);
        scenarios.put("shouldFillColumnsWithTheSchemaDefaults", this::shouldFillColumnsWithTheSchemaDefaults);
        scenarios.put("shouldUpsertInsertingThenUpdating", this::shouldUpsertInsertingThenUpdating);
        scenarios.put("shouldUpsertKeysOnlyWithoutFailingOnExistingRows", this::shouldUpsertKeysOnlyWithoutFailingOnExistingRows);
        scenarios.put("shouldUpdateAndDeleteByCompositeKey", this::shouldUpdateAndDeleteByCompositeKey);
        scenarios.put("shouldAddColumnsThenInsertIntoThem", this::shouldAddColumnsThenInsertIntoThem);
        scenarios.put("shouldAcceptAsManyBindParametersAsItAdvertises", this::shouldAcceptAsManyBindParametersAsItAdvertises);
        return scenarios.entrySet().stream().map(scenario -> DynamicTest.dynamicTest(scenario.getKey(), scenario.getValue()));
    }
}
