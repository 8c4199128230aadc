package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.connect.data.Schema;

import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One row of a type-mapping table: a column type, a literal of it, and the Connect schema and value the
 * dialect must read. {@link #check} creates a table with the column, inserts the literal and a NULL, and
 * reads both back through {@code columnMapping} of the column as {@code describeTable} and as
 * {@code describeResult} (the source's view) describe it; then, as the sink does with a
 * record of that schema, binds the value it read (and a NULL) into new rows of the same table and reads
 * them back unchanged (in PostgreSQL, unchanged as the server renders them as text too).
 *
 * @param sqlType    the column's declared type
 * @param literal    a SQL literal of the type
 * @param schema     the expected schema (optional: the column is nullable)
 * @param expected   the expected value, in comparable form (see {@link #comparable(Object)})
 * @param writesBack whether the sink can write the value back into such a column
 */
record TypeCase(String sqlType, String literal, Schema schema, Object expected, boolean writesBack) {

    TypeCase(String sqlType, String literal, Schema schema, Object expected) {
        this(sqlType, literal, schema, expected, true);
    }

    /** This case without the write-back, for a column the sink cannot fill from the value it reads. */
    TypeCase readOnly() {
        return new TypeCase(sqlType, literal, schema, expected, false);
    }

    @Override
    public String toString() {
        return sqlType + " " + literal;
    }

    void check(TestDatabase database, JdbcDialect dialect, ReadOptions options, int number) throws Exception {
        String table = "types_" + number;
        database.execute("CREATE TABLE " + table + " (id INTEGER PRIMARY KEY, v " + sqlType + ")",
                "INSERT INTO " + table + " (id, v) VALUES (1, " + literal + ")");
        if (schema.isOptional()) {
            database.execute("INSERT INTO " + table + " (id, v) VALUES (2, NULL)");
        }
        try (Connection connection = database.connect()) {
            dialect.initializeSession(connection);
            TableDefinition definition = dialect.describeTable(connection, TableId.of(table)).orElseThrow();
            ColumnDefinition column = definition.column("v").orElseThrow();
            ColumnMapping mapping = dialect.columnMapping(column, options)
                    .orElseThrow(() -> new AssertionError("no mapping for " + column));
            assertThat(mapping.schema()).as("schema of %s (%s)", this, column).isEqualTo(schema);
            List<Object> values = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement("SELECT v FROM " + table + " ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                // the source maps the columns of its query's result, which must agree with the table's
                ColumnDefinition resultColumn = dialect.describeResult(rows).get(0);
                ColumnMapping resultMapping = dialect.columnMapping(resultColumn, options)
                        .orElseThrow(() -> new AssertionError("no mapping for result column " + resultColumn));
                assertThat(resultMapping.schema()).as("schema of %s in a result (%s)", this, resultColumn).isEqualTo(schema);
                while (rows.next()) {
                    Object value = mapping.read(rows, 1);
                    assertThat(comparable(resultMapping.read(rows, 1))).as("result value of %s", this)
                            .isEqualTo(value == null ? null : comparable(value));
                    values.add(value);
                }
            }
            assertThat(comparable(values.get(0))).as("value of %s", this).isEqualTo(comparable(expected));
            if (org.apache.kafka.connect.data.Timestamp.LOGICAL_NAME.equals(schema.name())) {
                // the source's offsets and timestamp.granularity need the sub-millisecond digits
                assertThat(values.get(0)).as("class of %s", this).isInstanceOf(java.sql.Timestamp.class);
            }
            assertThat(values).as("rows of %s", this).hasSize(schema.isOptional() ? 2 : 1);
            if (schema.isOptional()) {
                assertThat(values.get(1)).as("NULL of %s", this).isNull();
            }
            if (writesBack) {
                checkWriteBack(connection, dialect, options, table, column, mapping, values);
            }
        }
    }

    /** Binds the values read (the literal's and the NULL) by the schema into rows 3 and 4 as the sink does, and reads them again. */
    private void checkWriteBack(Connection connection, JdbcDialect dialect, ReadOptions options, String table,
            ColumnDefinition column, ColumnMapping mapping, List<Object> values) throws Exception {
        WriteOptions write = new WriteOptions(options.timeZone());
        try (PreparedStatement insert = connection.prepareStatement(dialect.insert(TableId.of(table), List.of("id", "v"), 1))) {
            for (int i = 0; i < values.size(); i++) {
                dialect.bind(insert, 1, Schema.INT32_SCHEMA, i + 3, write);
                dialect.bind(insert, 2, column, mapping.schema(), values.get(i), write);
                insert.executeUpdate();
            }
        }
        List<Object> written = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT v FROM " + table + " WHERE id >= 3 ORDER BY id");
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                written.add(comparable(mapping.read(rows, 1)));
            }
        }
        assertThat(written).as("values of %s written back", this)
                .isEqualTo(values.stream().map(value -> value == null ? null : comparable(value)).toList());
        if (dialect instanceof PostgresDialect) {
            // the stored values themselves, as the server renders them: the literal's row and its copy agree
            try (PreparedStatement statement = connection.prepareStatement("SELECT v::text FROM " + table
                    + " WHERE id IN (1, 3) ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                List<String> texts = new ArrayList<>();
                while (rows.next()) {
                    texts.add(rows.getString(1));
                }
                assertThat(texts.get(1)).as("text of %s written back", this).isEqualTo(texts.get(0));
            }
        }
    }

    /**
     * A value in a form with value equality: timestamps as {@link Instant} (keeping nanoseconds), Connect
     * Dates and Times as {@link LocalDate}/{@link LocalTime}-like strings are left to the caller, bytes
     * as a {@link ByteBuffer}, lists element by element.
     */
    static Object comparable(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant();
        }
        if (value instanceof byte[] bytes) {
            return ByteBuffer.wrap(bytes);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> element == null ? "null" : comparable(element)).toList();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toString(); // equal value and scale
        }
        return value;
    }

    /** The Connect Date of a day, as {@link #comparable(Object)} shows it. */
    static Instant day(String isoDate) {
        return LocalDate.parse(isoDate).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }

    /** The Connect Time of a time of day, as {@link #comparable(Object)} shows it. */
    static Instant timeOfDay(String isoTime) {
        return Instant.ofEpochMilli(LocalTime.parse(isoTime).toNanoOfDay() / 1_000_000);
    }

    /** An optional Decimal schema with the declared precision in its parameter (0: none declared). */
    static Schema decimal(int precision, int scale) {
        org.apache.kafka.connect.data.SchemaBuilder builder = org.apache.kafka.connect.data.Decimal.builder(scale).optional();
        if (precision > 0) {
            builder.parameter("connect.decimal.precision", Integer.toString(precision));
        }
        return builder.build();
    }
}
