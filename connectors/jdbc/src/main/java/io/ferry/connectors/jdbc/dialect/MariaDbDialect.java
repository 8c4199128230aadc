package io.ferry.connectors.jdbc.dialect;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;

import io.ferry.connectors.jdbc.dialect.SchemalessValues.ColumnKind;

/**
 * MariaDB and MySQL through MariaDB Connector/J: {@code `quoted`} identifiers; tables named database
 * (catalog) . table; unsigned integers widened; {@code ON DUPLICATE KEY UPDATE} upserts.
 *
 * <p>Sessions run in UTC ({@link #initializeSession}): a TIMESTAMP column holds an instant that MariaDB
 * converts to and from the session zone, so in UTC it reads and writes exactly, whatever zone the server
 * has and without needing its time-zone tables. DATETIME holds a zoneless local time, read and written in
 * {@code db.timezone}.
 */
public final class MariaDbDialect extends SqlTextDialect {
    /** The protocol counts a prepared statement's parameters in 16 bits. */
    static final int MAX_BIND_PARAMETERS = 65_535;
    /** A key string's length: 256 utf8mb4 characters are 1,024 bytes, within InnoDB's 3,072-byte index key. */
    static final int KEY_VARCHAR_LENGTH = 256;
    static final int KEY_VARBINARY_LENGTH = 1024;
    private static final int MAX_DECIMAL_PRECISION = 65;
    private static final int MAX_DECIMAL_SCALE = 38;
    /** The scale of the DECIMAL created for a decimal whose scale varies: 35 digits before the point, 30 after. */
    private static final int VARIABLE_DECIMAL_SCALE = 30;
    private static final int MAX_FRACTION_DIGITS = 6;
    private static final int MAX_BIT_LENGTH = 64;
    private static final Duration ONE_DAY = Duration.ofDays(1);
    private static final Set<String> SYSTEM_DATABASES = Set.of("mysql", "information_schema", "performance_schema", "sys");

    public MariaDbDialect() {
        super('`', SqlLiterals.MARIADB);
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    /** A {@code jdbc:mysql:} URL with {@code permitMysqlScheme}, without which Connector/J refuses it. */
    @Override
    public String driverUrl(String url) {
        if (!url.regionMatches(true, 0, "jdbc:mysql:", 0, "jdbc:mysql:".length()) || url.contains("permitMysqlScheme")) {
            return url;
        }
        return url + (url.contains("?") ? "&" : "?") + "permitMysqlScheme";
    }

    @Override
    public void initializeSession(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET time_zone = '+00:00'");
        }
    }

    @Override
    public int maxBindParameters() {
        return MAX_BIND_PARAMETERS;
    }

    /** {@code table} or {@code database.table}. */
    @Override
    public TableId parseTableId(String name) {
        return SqlIdentifiers.toTableId(name, identifiers.split(name), false, true);
    }

    @Override
    public List<TableId> listTables(Connection connection, Set<String> tableTypes) throws SQLException {
        return CatalogReader.listTables(connection, connection.getCatalog(), tableTypes, SYSTEM_DATABASES::contains,
                table -> false, (catalog, schema, table) -> new TableId(catalog, null, table));
    }

    @Override
    public Optional<TableDefinition> describeTable(Connection connection, TableId table) throws SQLException {
        String catalog = table.catalog() != null ? table.catalog() : connection.getCatalog();
        return CatalogReader.describeTable(connection, new TableId(catalog, null, table.table()));
    }

    @Override
    public List<ColumnDefinition> describeResult(ResultSet result) throws SQLException {
        return CatalogReader.describeResult(result.getMetaData());
    }

    /** {@code UTC_TIMESTAMP(6)}: microseconds, and UTC whatever the session's zone. */
    @Override
    public Instant currentTimestamp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT UTC_TIMESTAMP(6)")) {
            row.next();
            return row.getTimestamp(1, ColumnReaders.calendar(ZoneOffset.UTC)).toInstant();
        }
    }

    @Override
    public Optional<ColumnMapping> columnMapping(ColumnDefinition column, ReadOptions options) {
        String type = column.typeName().toUpperCase(Locale.ROOT);
        return switch (type) {
            case "TINYINT UNSIGNED" -> Optional.of(ColumnReaders.int16(column));
            case "SMALLINT UNSIGNED", "MEDIUMINT", "MEDIUMINT UNSIGNED" -> Optional.of(ColumnReaders.int32(column));
            case "INT UNSIGNED", "INTEGER UNSIGNED" -> Optional.of(ColumnReaders.int64(column));
            case "BIGINT UNSIGNED" -> Optional.of(ColumnReaders.decimal(column, 0));
            case "BIT" -> Optional.of(column.precision() <= 1 ? ColumnReaders.bool(column) : ColumnReaders.int64(column));
            case "YEAR" -> Optional.of(ColumnReaders.int32(column));
            case "TIME" -> Optional.of(timeOfDay(column));
            case "TIMESTAMP" -> Optional.of(ColumnReaders.timestamp(column, ZoneOffset.UTC));
            case "JSON", "ENUM", "SET" -> Optional.of(ColumnReaders.string(column));
            default -> type.startsWith("GEOMETRY") || type.endsWith("POINT") || type.endsWith("POLYGON")
                    || type.endsWith("LINESTRING") ? Optional.empty() : ColumnReaders.standard(column, options);
        };
    }

    /**
     * A TIME as Connect's Time, a time of day. MariaDB's TIME is a duration from -838:59:59 to 838:59:59,
     * and the driver would read one outside a day as a time of day modulo 24 hours; such a value fails
     * with a message naming the column instead, since Connect's Time cannot hold it.
     */
    private static ColumnMapping timeOfDay(ColumnDefinition column) {
        return ColumnReaders.mapping(ColumnReaders.schema(org.apache.kafka.connect.data.Time.builder(), column), (row, i) -> {
            Duration value = row.getObject(i, Duration.class);
            if (value == null) {
                return null;
            }
            if (value.isNegative() || value.compareTo(ONE_DAY) >= 0) {
                throw new DataException("Column " + column.name() + " (TIME) holds " + row.getString(i)
                        + ", a duration outside a day that no Connect Time can hold; select it as a number "
                        + "(TIME_TO_SEC, or TIME_TO_SEC * 1000000 + MICROSECOND) in query mode to carry such values");
            }
            return TemporalValues.connectTime(LocalTime.ofNanoOfDay(value.toNanos()));
        });
    }

    /**
     * Sets the fetch size, with which Connector/J 3 reads the result from the socket as it is consumed
     * instead of loading it whole. The connection serves no other statement until the result is read or
     * closed (another statement would make the driver buffer the rest).
     */
    @Override
    public void prepareForStreaming(Connection connection, PreparedStatement statement, int fetchSize) throws SQLException {
        statement.setFetchSize(fetchSize);
    }

    /** As {@link #sqlType(Schema, boolean)} for a non-key column. */
    @Override
    public String sqlType(Schema schema) {
        return sqlType(schema, false);
    }

    /**
     * INT8 → TINYINT, INT16 → SMALLINT, INT32 → INT, INT64 → BIGINT, FLOAT32 → FLOAT, FLOAT64 → DOUBLE,
     * BOOLEAN → BOOLEAN (TINYINT(1)), STRING → TEXT (key: VARCHAR(256)), BYTES → BLOB (key: VARBINARY(1024)),
     * Decimal → DECIMAL(p, scale) with p the {@code connect.decimal.precision} parameter or else 65, Date →
     * DATE, Time → TIME(3), Timestamp → DATETIME(3): Connect's values have milliseconds. Debezium's semantic
     * types as {@link #semanticType} says.
     *
     * @throws DataException for ARRAY, MAP, STRUCT and a Decimal scale above 38
     */
    @Override
    public String sqlType(Schema schema, boolean keyColumn) {
        DebeziumType semantic = DebeziumType.of(schema);
        String semanticType = semantic == DebeziumType.NONE ? null : semanticType(semantic, schema);
        if (semanticType != null) {
            return semanticType;
        }
        switch (LogicalType.of(schema)) {
            case DECIMAL -> {
                return decimalType(schema);
            }
            case DATE -> {
                return "DATE";
            }
            case TIME -> {
                return "TIME(3)";
            }
            case TIMESTAMP -> {
                return "DATETIME(3)";
            }
            default -> {
            }
        }
        return switch (schema.type()) {
            case INT8 -> "TINYINT";
            case INT16 -> "SMALLINT";
            case INT32 -> "INT";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "FLOAT";
            case FLOAT64 -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> keyColumn ? "VARCHAR(" + KEY_VARCHAR_LENGTH + ")" : "TEXT";
            case BYTES -> keyColumn ? "VARBINARY(" + KEY_VARBINARY_LENGTH + ")" : "BLOB";
            default -> throw new DataException("MariaDB has no column type for Connect " + schema.type());
        };
    }

    /**
     * Debezium's types in MariaDB: Date → DATE, Time → TIME(3), MicroTime and NanoTime → TIME(6), Timestamp →
     * DATETIME(3), MicroTimestamp and NanoTimestamp → DATETIME(6), ZonedTimestamp → DATETIME(6) holding the
     * instant's local time in {@code db.timezone} (UTC unless set) as a Timestamp does, Uuid → CHAR(36), Json →
     * JSON, Xml → LONGTEXT, VariableScaleDecimal → DECIMAL(65, 30), Bits → BIT of the schema's length up to 64
     * (beyond: its text), MicroDuration → BIGINT microseconds, Year → YEAR, Point → TEXT holding PostgreSQL's
     * {@code (x,y)} (its WKB and SRID are not kept), IsoDate, IsoTime and IsoTimestamp as Date, MicroTime and
     * MicroTimestamp; null for the others, stored by their Connect type: ZonedTime, Interval, Enum and EnumSet as text.
     */
    private static String semanticType(DebeziumType semantic, Schema schema) {
        return switch (semantic.kind()) {
            case DATE -> "DATE";
            case YEAR -> "YEAR";
            case POINT -> "TEXT";
            case TIME -> "TIME(" + Math.min(semantic.fractionDigits(), MAX_FRACTION_DIGITS) + ")";
            case LOCAL_TIMESTAMP, INSTANT -> "DATETIME(" + Math.min(semantic.fractionDigits(), MAX_FRACTION_DIGITS) + ")";
            case UUID -> "CHAR(36)";
            case JSON -> "JSON";
            case XML -> "LONGTEXT";
            case DECIMAL -> "DECIMAL(" + MAX_DECIMAL_PRECISION + ", " + VARIABLE_DECIMAL_SCALE + ")";
            case BITS -> bitColumn(schema) ? "BIT(" + DebeziumType.bitLength(schema) + ")" : "LONGTEXT";
            default -> null;
        };
    }

    /** Whether a Debezium Bits schema's values fit a BIT column, which holds at most 64 bits. */
    static boolean bitColumn(Schema bits) {
        int length = DebeziumType.bitLength(bits);
        return length > 0 && length <= MAX_BIT_LENGTH;
    }

    private static String decimalType(Schema schema) {
        int scale = LogicalType.scale(schema);
        if (scale < 0 || scale > MAX_DECIMAL_SCALE) {
            throw new DataException("MariaDB DECIMAL cannot hold a Decimal of scale " + scale + " (at most "
                    + MAX_DECIMAL_SCALE + ")");
        }
        Integer precision = LogicalType.precision(schema);
        int declared = precision == null ? MAX_DECIMAL_PRECISION : Math.min(MAX_DECIMAL_PRECISION, Math.max(precision, scale));
        return "DECIMAL(" + Math.max(declared, 1) + ", " + scale + ")";
    }

    /**
     * {@code INSERT … ON DUPLICATE KEY UPDATE v = VALUES(v)}; with no value columns the first key is set
     * to itself, a no-op that still makes a duplicate key no error. A duplicate of any unique key, not only
     * the primary key, takes the update.
     */
    @Override
    public String upsert(TableId table, List<String> keyColumns, List<String> valueColumns, int rows) {
        List<String> all = new java.util.ArrayList<>(keyColumns);
        all.addAll(valueColumns);
        List<String> updated = valueColumns.isEmpty() ? keyColumns.subList(0, 1) : valueColumns;
        return statements.insert(table, all, rows) + " ON DUPLICATE KEY UPDATE " + updated.stream()
                .map(column -> quote(column) + " = VALUES(" + quote(column) + ")")
                .collect(Collectors.joining(", "));
    }

    /**
     * As {@link JdbcDialect#bind}; a Timestamp (and Debezium's ZonedTimestamp) binds in {@code db.timezone},
     * right for the DATETIME columns the sink creates. {@link #bindForColumn} binds a TIMESTAMP column in UTC
     * instead. Debezium's Bits bind as a number into the BIT column the sink creates for them.
     */
    @Override
    public void bind(PreparedStatement statement, int index, Schema schema, Object value, WriteOptions options) throws SQLException {
        if (DebeziumType.of(schema) == DebeziumType.BITS) {
            bindBits(statement, index, schema, value, bitColumn(schema));
        } else {
            ConnectValueBinder.bind(statement, index, schema, value, options.timeZone());
        }
    }

    /**
     * As {@link #bind(PreparedStatement, int, Schema, Object, WriteOptions)}; a Timestamp or ZonedTimestamp into a
     * TIMESTAMP column in UTC, Debezium's Bits into a BIT column as a number and into others as text.
     */
    @Override
    public void bind(PreparedStatement statement, int index, ColumnDefinition column, Schema schema, Object value,
            WriteOptions options) throws SQLException {
        if (DebeziumType.of(schema) == DebeziumType.BITS) {
            bindBits(statement, index, schema, value, "BIT".equalsIgnoreCase(column.typeName()));
            return;
        }
        if (DebeziumType.of(schema) == DebeziumType.VARIABLE_SCALE_DECIMAL && value != null) {
            requireFractionDigitsKept(column, (BigDecimal) DebeziumType.VARIABLE_SCALE_DECIMAL.value(schema, value));
        }
        boolean instant = LogicalType.of(schema) == LogicalType.TIMESTAMP || DebeziumType.of(schema).kind() == DebeziumType.Kind.INSTANT;
        boolean instantColumn = "TIMESTAMP".equalsIgnoreCase(column.typeName()) && instant;
        ConnectValueBinder.bind(statement, index, schema, value, instantColumn ? ZoneOffset.UTC : options.timeZone());
    }

    /**
     * Refuses a decimal whose scale varies (Debezium's VariableScaleDecimal) with more fraction digits than a
     * DECIMAL column keeps: MariaDB would round it with only a note, even in strict mode.
     */
    private static void requireFractionDigitsKept(ColumnDefinition column, BigDecimal decimal) {
        boolean decimalColumn = column.jdbcType() == java.sql.Types.DECIMAL || column.jdbcType() == java.sql.Types.NUMERIC;
        int digits = Math.max(0, decimal.stripTrailingZeros().scale());
        if (decimalColumn && digits > column.scale()) {
            throw new DataException("Cannot write the decimal " + decimal.toPlainString() + " to column " + column.name()
                    + " of type " + column.typeName() + "(" + column.precision() + ", " + column.scale() + "): it has " + digits
                    + " fraction digits and the column keeps " + column.scale() + ", so MariaDB would round it");
        }
    }

    private static void bindBits(PreparedStatement statement, int index, Schema schema, Object value, boolean asNumber)
            throws SQLException {
        String bits = (String) DebeziumType.BITS.value(schema, value);
        if (bits == null) {
            statement.setNull(index, asNumber ? java.sql.Types.BIGINT : java.sql.Types.VARCHAR);
        } else if (asNumber && bits.length() <= MAX_BIT_LENGTH) {
            statement.setLong(index, new java.math.BigInteger(bits, 2).longValue());
        } else {
            statement.setString(index, bits);
        }
    }

    /**
     * As the common conversions, and: a TIMESTAMP column in UTC; a List into a SET column as its members
     * joined by commas, as a SET reads.
     */
    @Override
    public void bindForColumn(PreparedStatement statement, int index, ColumnDefinition column, Object value,
            WriteOptions options) throws SQLException {
        String type = column.typeName().toUpperCase(Locale.ROOT);
        ZoneId zone = "TIMESTAMP".equals(type) ? ZoneOffset.UTC : options.timeZone();
        Object members = "SET".equals(type) && value instanceof List<?> list ? setMembers(column, list) : value;
        Object converted = SchemalessValues.convert(column, schemalessKind(column), members, zone);
        SchemalessValues.bindConverted(statement, index, column, converted, zone);
    }

    /**
     * The kind of a column of a table for a schemaless value, by the column types the source maps: JSON
     * (MySQL's own type) JSON; {@code BIGINT UNSIGNED} DECIMAL, since its values pass a long's; {@code YEAR}
     * (which the driver reports as DATE) and {@code BIT(n)} with n &gt; 1 INTEGER, as the source reads them;
     * the others by their JDBC code (ENUM and SET are text, {@code BIT(1)} boolean).
     */
    static ColumnKind schemalessKind(ColumnDefinition column) {
        return switch (column.typeName().toUpperCase(Locale.ROOT)) {
            case "JSON" -> ColumnKind.JSON;
            case "BIGINT UNSIGNED" -> ColumnKind.DECIMAL;
            case "YEAR" -> ColumnKind.INTEGER;
            case "BIT" -> column.precision() > 1 ? ColumnKind.INTEGER : ColumnKind.BOOLEAN;
            default -> SchemalessValues.kindOf(column.jdbcType());
        };
    }

    /** A SET's members as its text; a member that is a List or Map, or holds a comma, cannot be one. */
    private static String setMembers(ColumnDefinition column, List<?> members) {
        List<String> texts = new java.util.ArrayList<>(members.size());
        for (Object member : members) {
            if (!(member instanceof String text) || text.indexOf(',') >= 0) {
                throw new DataException("Cannot write a List value to column " + column.name() + " of type SET: its member "
                        + (member instanceof String ? "'" + member + "' holds a comma" : member + " is not a string"));
            }
            texts.add(text);
        }
        return String.join(",", texts);
    }
}
