package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

/**
 * SQLite: {@code "quoted"} identifiers; a table is named by itself (or {@code schema.table} for an
 * attached database); columns map by declared type ({@link SqliteTypes}); {@code INSERT … ON CONFLICT}
 * upserts. Dates, times and timestamps are written as ISO-8601 text — SQLite's own date functions read it,
 * it sorts in time order, and a person can read it — zoneless, as local times in {@code db.timezone}.
 */
public final class SqliteDialect extends SqlTextDialect {
    /** SQLITE_MAX_VARIABLE_NUMBER's default since SQLite 3.32. */
    static final int MAX_BIND_PARAMETERS = 32_766;
    /** The precision written in a created DECIMAL column's type when the schema names none: SQLite ignores it. */
    private static final int DEFAULT_DECIMAL_PRECISION = 38;

    public SqliteDialect() {
        super('"', SqlLiterals.SQLITE);
    }

    @Override
    public String name() {
        return "SQLite";
    }

    @Override
    public int maxBindParameters() {
        return MAX_BIND_PARAMETERS;
    }

    /** {@code table} or {@code schema.table}, the schema being an attached database's name. */
    @Override
    public TableId parseTableId(String name) {
        return SqlIdentifiers.toTableId(name, identifiers.split(name), true, false);
    }

    @Override
    public List<TableId> listTables(Connection connection, Set<String> tableTypes) throws SQLException {
        return CatalogReader.listTables(connection, null, tableTypes, schema -> false,
                table -> table.startsWith("sqlite_"), (catalog, schema, table) -> TableId.of(table));
    }

    /**
     * The table's columns with their types as declared ({@code NUMERIC(10,2)}): the driver's catalog
     * strips the declaration and misreports its precision (as precision plus scale), so the declared text
     * comes from {@code PRAGMA table_info} and the precision and scale from it.
     */
    @Override
    public Optional<TableDefinition> describeTable(Connection connection, TableId table) throws SQLException {
        Optional<TableDefinition> found = CatalogReader.describeTable(connection, new TableId(null, null, table.table()));
        if (found.isEmpty()) {
            return found;
        }
        Map<String, String> declared = declaredTypes(connection, table);
        List<ColumnDefinition> columns = found.get().columns().stream()
                .map(column -> withDeclaredType(column, declared.getOrDefault(column.name(), column.typeName())))
                .toList();
        return Optional.of(new TableDefinition(new TableId(null, table.schema(), table.table()), found.get().type(), columns));
    }

    private Map<String, String> declaredTypes(Connection connection, TableId table) throws SQLException {
        Map<String, String> types = new HashMap<>();
        String pragma = table.schema() == null ? "PRAGMA table_info(" + quote(table.table()) + ")"
                : "PRAGMA " + quote(table.schema()) + ".table_info(" + quote(table.table()) + ")";
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(pragma)) {
            while (rows.next()) {
                types.put(rows.getString("name"), rows.getString("type"));
            }
        }
        return types;
    }

    private static ColumnDefinition withDeclaredType(ColumnDefinition column, String declared) {
        ColumnDefinition bare = new ColumnDefinition(column.name(), column.jdbcType(), declared, 0, 0, column.nullable(),
                column.autoIncrement(), column.primaryKey(), column.hasDefault());
        return SqliteTypes.withDeclaredPrecision(bare);
    }

    @Override
    public List<ColumnDefinition> describeResult(ResultSet result) throws SQLException {
        return CatalogReader.describeResult(result.getMetaData());
    }

    /** SQLite's clock in UTC, which it keeps to the millisecond. */
    @Override
    public Instant currentTimestamp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT strftime('%Y-%m-%d %H:%M:%f', 'now')")) {
            row.next();
            return TemporalValues.parseInstant(row.getString(1), ZoneOffset.UTC);
        }
    }

    @Override
    public Optional<ColumnMapping> columnMapping(ColumnDefinition column, ReadOptions options) {
        return SqliteTypes.mapping(column, options);
    }

    /** Nothing to do: SQLite steps through a result row by row as it is read. */
    @Override
    public void prepareForStreaming(Connection connection, PreparedStatement statement, int fetchSize) {
    }

    /**
     * INT8 to INT64 → INTEGER, FLOAT32 and FLOAT64 → REAL, BOOLEAN → BOOLEAN, STRING → TEXT, BYTES → BLOB,
     * Decimal → DECIMAL(p,scale) (p the {@code connect.decimal.precision} parameter or 38; the declared scale
     * is how the Decimal reads back), Date → DATE, Time → TIME, Timestamp → TIMESTAMP. Debezium's semantic
     * types: Date → DATE, its times → TIME, its timestamps (ZonedTimestamp too) → TIMESTAMP, VariableScaleDecimal
     * → DECIMAL, MicroDuration and Year → INTEGER, the others (Uuid, Json, Xml, ZonedTime, Interval, Enum, EnumSet and
     * Bits, as its text of 0s and 1s, Point as {@code (x,y)}) → TEXT.
     *
     * @throws DataException for ARRAY, MAP and STRUCT
     */
    @Override
    public String sqlType(Schema schema) {
        switch (DebeziumType.of(schema).kind()) {
            case DATE -> {
                return "DATE";
            }
            case TIME -> {
                return "TIME";
            }
            case LOCAL_TIMESTAMP, INSTANT -> {
                return "TIMESTAMP";
            }
            case DECIMAL -> {
                return "DECIMAL";
            }
            case DURATION_MICROS, YEAR -> {
                return "INTEGER";
            }
            case NONE -> {
            }
            default -> {
                return "TEXT";
            }
        }
        switch (LogicalType.of(schema)) {
            case DECIMAL -> {
                Integer precision = LogicalType.precision(schema);
                int scale = LogicalType.scale(schema);
                return "DECIMAL(" + Math.max(precision == null ? DEFAULT_DECIMAL_PRECISION : precision, scale) + "," + scale + ")";
            }
            case DATE -> {
                return "DATE";
            }
            case TIME -> {
                return "TIME";
            }
            case TIMESTAMP -> {
                return "TIMESTAMP";
            }
            default -> {
            }
        }
        return switch (schema.type()) {
            case INT8, INT16, INT32, INT64 -> "INTEGER";
            case FLOAT32, FLOAT64 -> "REAL";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> "TEXT";
            case BYTES -> "BLOB";
            default -> throw new DataException("SQLite has no column type for Connect " + schema.type());
        };
    }

    /**
     * As {@link JdbcDialect#bind}, with Decimals as exact text and dates, times and timestamps as ISO-8601 text;
     * Debezium's types likewise, by their standard values (zoneless timestamps as they are, ZonedTimestamp in
     * {@code db.timezone}).
     */
    @Override
    public void bind(PreparedStatement statement, int index, Schema schema, Object value, WriteOptions options) throws SQLException {
        if (value == null) {
            statement.setNull(index, ConnectValueBinder.jdbcType(schema));
            return;
        }
        DebeziumType semantic = DebeziumType.of(schema);
        if (semantic != DebeziumType.NONE) {
            Object standard = semantic.value(schema, value);
            switch (semantic.kind()) {
                case DATE -> statement.setString(index, standard.toString());
                case TIME -> statement.setString(index, DebeziumType.timeText(standard));
                case LOCAL_TIMESTAMP -> statement.setString(index, TemporalValues.text((java.time.LocalDateTime) standard));
                case INSTANT -> statement.setString(index, text((Instant) standard, options.timeZone()));
                case DECIMAL -> statement.setString(index, ((BigDecimal) standard).toPlainString());
                default -> ConnectValueBinder.bindSemantic(statement, index, semantic.kind(), standard, options.timeZone());
            }
            return;
        }
        switch (LogicalType.of(schema)) {
            case DECIMAL -> statement.setString(index, ((BigDecimal) value).toPlainString());
            case DATE -> statement.setString(index, TemporalValues.localDate((java.util.Date) value).toString());
            case TIME -> statement.setString(index, TemporalValues.text(TemporalValues.localTime((java.util.Date) value)));
            case TIMESTAMP -> statement.setString(index, text(TemporalValues.instant((java.util.Date) value), options.timeZone()));
            case NONE -> ConnectValueBinder.bind(statement, index, schema, value, options.timeZone());
        }
    }

    @Override
    public void bindForColumn(PreparedStatement statement, int index, ColumnDefinition column, Object value,
            WriteOptions options) throws SQLException {
        Object converted = SchemalessValues.convert(column, SqliteTypes.kind(column), value, options.timeZone());
        if (converted instanceof BigDecimal decimal) {
            statement.setString(index, decimal.toPlainString());
        } else if (converted instanceof LocalDate date) {
            statement.setString(index, date.toString());
        } else if (converted instanceof LocalTime time) {
            statement.setString(index, TemporalValues.text(time));
        } else if (converted instanceof Instant instant) {
            statement.setString(index, text(instant, options.timeZone()));
        } else {
            SchemalessValues.bindConverted(statement, index, column, converted, options.timeZone());
        }
    }

    private static String text(Instant instant, ZoneId zone) {
        return TemporalValues.text(instant.atZone(zone).toLocalDateTime());
    }
}
