package io.ferry.connectors.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
import org.postgresql.core.QueryExecutor;

import io.ferry.connectors.jdbc.dialect.SchemalessValues.ColumnKind;

/**
 * PostgreSQL: {@code "quoted"} identifiers; tables named database (catalog) . schema . table, the schema
 * defaulting to {@code current_schema()}; uuid, json, jsonb, composite types and the types of
 * {@link PostgresTypes} read as strings (money as a Decimal), domains as their base types, arrays as Connect
 * arrays as deep as the column declares; {@code INSERT … ON CONFLICT} upserts.
 */
public final class PostgresDialect extends SqlTextDialect {
    /** The protocol counts a statement's parameters in an unsigned 16-bit field. */
    static final int MAX_BIND_PARAMETERS = 65_535;
    private static final int MAX_NUMERIC_PRECISION = 1000;
    /** The most bits a bit string may declare. */
    private static final int MAX_BIT_LENGTH = 83_886_080;
    private static final Set<String> SYSTEM_SCHEMAS = Set.of("pg_catalog", "information_schema");

    public PostgresDialect() {
        super('"', SqlLiterals.POSTGRES);
    }

    @Override
    public String name() {
        return "PostgreSQL";
    }

    @Override
    public TableId parseTableId(String name) {
        return SqlIdentifiers.toTableId(name, identifiers.split(name), true, true);
    }

    /**
     * Has the driver receive {@code point} and {@code box} values as text, as it receives the other
     * geometric types: it switches a statement it has run a few times to binary values, and would then
     * render these from Java doubles ({@code (1.0,2.0)}, {@code 1.0E-300}) instead of the server's text.
     */
    @Override
    public void initializeSession(Connection connection) throws SQLException {
        if (connection.isWrapperFor(BaseConnection.class)) {
            QueryExecutor executor = connection.unwrap(BaseConnection.class).getQueryExecutor();
            executor.removeBinaryReceiveOid(Oid.POINT);
            executor.removeBinaryReceiveOid(Oid.BOX);
        }
    }

    @Override
    public int maxBindParameters() {
        return MAX_BIND_PARAMETERS;
    }

    /**
     * As {@link JdbcDialect#listTables}; asking for {@code TABLE} lists partitioned tables too, and leaves
     * out their partitions, whose rows a query of the partitioned table already returns.
     */
    @Override
    public List<TableId> listTables(Connection connection, Set<String> tableTypes) throws SQLException {
        Set<String> types = new HashSet<>();
        tableTypes.forEach(type -> types.add(type.toUpperCase(Locale.ROOT)));
        if (types.contains("TABLE")) {
            types.add("PARTITIONED TABLE");
        }
        String database = connection.getCatalog();
        List<TableId> tables = CatalogReader.listTables(connection, null, types,
                schema -> SYSTEM_SCHEMAS.contains(schema) || schema.startsWith("pg_toast") || schema.startsWith("pg_temp"),
                table -> false, (catalog, schema, table) -> new TableId(database, schema, table));
        Set<TableId> partitions = partitions(connection, database);
        return tables.stream().filter(table -> !partitions.contains(table)).toList();
    }

    private static Set<TableId> partitions(Connection connection, String database) throws SQLException {
        Set<TableId> partitions = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT n.nspname, c.relname FROM pg_catalog.pg_class c "
                     + "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE c.relispartition")) {
            while (rows.next()) {
                partitions.add(new TableId(database, rows.getString(1), rows.getString(2)));
            }
        }
        return partitions;
    }

    /**
     * Looks the table up in the id's schema or {@code current_schema()}; when no table has the exact
     * name, in lower case too, since PostgreSQL folds unquoted names to lower case. Domain columns are
     * described as their base types and array columns with their declared dimensions
     * ({@link PostgresColumnTypes}).
     */
    @Override
    public Optional<TableDefinition> describeTable(Connection connection, TableId table) throws SQLException {
        String catalog = table.catalog() != null ? table.catalog() : connection.getCatalog();
        String schema = table.schema() != null ? table.schema() : currentSchema(connection);
        if (schema == null) {
            return Optional.empty(); // an empty search_path: no schema to find an unqualified table in
        }
        Optional<TableDefinition> found = CatalogReader.describeTable(connection, new TableId(catalog, schema, table.table()));
        if (found.isEmpty() && !(table.table().equals(table.table().toLowerCase(Locale.ROOT))
                && schema.equals(schema.toLowerCase(Locale.ROOT)))) {
            found = CatalogReader.describeTable(connection, new TableId(catalog, schema.toLowerCase(Locale.ROOT),
                    table.table().toLowerCase(Locale.ROOT)));
        }
        return found.isEmpty() ? found : Optional.of(PostgresColumnTypes.resolve(connection, found.get(), identifiers));
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT current_schema()")) {
            row.next();
            return row.getString(1);
        }
    }

    @Override
    public List<ColumnDefinition> describeResult(ResultSet result) throws SQLException {
        return PostgresColumnTypes.resolveArrays(result, CatalogReader.describeResult(result.getMetaData()), identifiers);
    }

    /**
     * {@code clock_timestamp()}: the wall clock when the query runs. {@code now()} would be the start of
     * the caller's transaction, and a source streams with auto-commit off, so a watermark taken from it
     * could lag by the length of a transaction, or freeze while one stays open.
     */
    @Override
    public Instant currentTimestamp(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT clock_timestamp()")) {
            row.next();
            return row.getTimestamp(1, ColumnReaders.calendar(ZoneOffset.UTC)).toInstant();
        }
    }

    @Override
    public Optional<ColumnMapping> columnMapping(ColumnDefinition column, ReadOptions options) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        if (PostgresArrays.isArray(column)) {
            return PostgresArrays.mapping(column, options);
        }
        Optional<ColumnMapping> specific = PostgresTypes.mapping(type, column);
        if (specific.isPresent()) {
            return specific;
        }
        if (column.jdbcType() == Types.STRUCT) {
            // a composite type, as its row literal: (1,"a b",), nested composites and arrays quoted within
            return Optional.of(ColumnReaders.string(column));
        }
        return switch (type) {
            case "uuid", "json", "jsonb", "citext" -> Optional.of(ColumnReaders.string(column));
            case "bit" -> Optional.of(ColumnReaders.bool(column));
            case "numeric" -> Optional.of(NumericMapper.mapping(unconstrainedAsZero(column), options.numericMapping()));
            case "timestamptz" -> Optional.of(ColumnReaders.instantTimestamp(column));
            default -> ColumnReaders.standard(column, options);
        };
    }

    /**
     * The driver reports an unconstrained NUMERIC with precision 1000 or more and scale 0 from the catalog
     * (0 from a result); both mean "no declared precision" to {@link NumericMapper}.
     */
    private static ColumnDefinition unconstrainedAsZero(ColumnDefinition column) {
        if (column.precision() < MAX_NUMERIC_PRECISION || column.scale() != 0) {
            return column;
        }
        return column.withType(column.jdbcType(), column.typeName(), 0, 0);
    }

    /** Turns auto-commit off (the driver uses a cursor only inside a transaction) and sets the fetch size. */
    @Override
    public void prepareForStreaming(Connection connection, PreparedStatement statement, int fetchSize) throws SQLException {
        if (connection.getAutoCommit()) {
            connection.setAutoCommit(false);
        }
        statement.setFetchSize(fetchSize);
    }

    /** {@code TRUNCATE TABLE}, which PostgreSQL runs inside the transaction (and undoes with it). */
    @Override
    public String truncate(TableId table) {
        return "TRUNCATE TABLE " + qualified(table);
    }

    /**
     * INT8 and INT16 → SMALLINT, INT32 → INTEGER, INT64 → BIGINT, FLOAT32 → REAL, FLOAT64 → DOUBLE PRECISION,
     * BOOLEAN → BOOLEAN, STRING → TEXT, BYTES → BYTEA, Decimal → NUMERIC(p, scale) with p the schema's
     * {@code connect.decimal.precision} parameter or else PostgreSQL's maximum 1000 (a NUMERIC's storage
     * depends on its value, not its declaration, and a declared scale reads back as the same Decimal),
     * Date → DATE, Time → TIME, Timestamp → TIMESTAMP (both microseconds, PostgreSQL's default), ARRAY of
     * any of these → its element type followed by {@code []}, one pair per level of nested ARRAYs. Debezium's
     * semantic types as {@link #semanticType} says.
     *
     * @throws DataException for MAP and STRUCT
     */
    @Override
    public String sqlType(Schema schema) {
        DebeziumType semantic = DebeziumType.of(schema);
        if (semantic != DebeziumType.NONE) {
            return semanticType(semantic, schema);
        }
        switch (LogicalType.of(schema)) {
            case DECIMAL -> {
                return "NUMERIC(" + decimalPrecision(schema) + ", " + LogicalType.scale(schema) + ")";
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
            case INT8, INT16 -> "SMALLINT";
            case INT32 -> "INTEGER";
            case INT64 -> "BIGINT";
            case FLOAT32 -> "REAL";
            case FLOAT64 -> "DOUBLE PRECISION";
            case BOOLEAN -> "BOOLEAN";
            case STRING -> "TEXT";
            case BYTES -> "BYTEA";
            case ARRAY -> arrayType(schema.valueSchema());
            default -> throw new DataException("PostgreSQL has no column type for Connect " + schema.type());
        };
    }

    /**
     * Debezium's types as the PostgreSQL types they come from: Date → DATE, Time, MicroTime and NanoTime →
     * TIME, Timestamp, MicroTimestamp and NanoTimestamp → TIMESTAMP, ZonedTimestamp → TIMESTAMPTZ (all with
     * microseconds, PostgreSQL's precision), ZonedTime → TIMETZ, MicroDuration and Interval → INTERVAL, Uuid
     * → UUID, Json → JSON (JSONB when the schema says its source column was jsonb), Xml → XML, Enum and
     * EnumSet → TEXT, VariableScaleDecimal → NUMERIC, Bits → BIT VARYING of the schema's length, Year → INTEGER,
     * Point → POINT; IsoDate, IsoTime and IsoTimestamp as Date, Time and Timestamp.
     */
    private static String semanticType(DebeziumType semantic, Schema schema) {
        return switch (semantic.kind()) {
            case DATE -> "DATE";
            case YEAR -> "INTEGER";
            case POINT -> "POINT";
            case TIME -> "TIME";
            case LOCAL_TIMESTAMP -> "TIMESTAMP";
            case INSTANT -> "TIMESTAMPTZ";
            case ZONED_TIME -> "TIMETZ";
            case DURATION_MICROS, INTERVAL -> "INTERVAL";
            case UUID -> "UUID";
            case JSON -> DebeziumType.fromJsonb(schema) ? "JSONB" : "JSON";
            case XML -> "XML";
            case DECIMAL -> "NUMERIC";
            case BITS -> {
                int length = DebeziumType.bitLength(schema);
                // an unbounded bit varying arrives with length 2^31 - 1, beyond PostgreSQL's limit
                yield length > 0 && length <= MAX_BIT_LENGTH ? "BIT VARYING(" + length + ")" : "BIT VARYING";
            }
            case TEXT, NONE -> "TEXT";
        };
    }

    /** The precision of a created NUMERIC: the schema's, when it says, else the most PostgreSQL allows. */
    private static int decimalPrecision(Schema schema) {
        Integer precision = LogicalType.precision(schema);
        int scale = LogicalType.scale(schema);
        if (scale < 0 || scale > MAX_NUMERIC_PRECISION) {
            throw new DataException("PostgreSQL NUMERIC cannot hold a Decimal of scale " + scale);
        }
        return precision == null ? MAX_NUMERIC_PRECISION : Math.max(precision, Math.max(scale, 1));
    }

    /** The element's type followed by {@code []}: a nested array adds a dimension ({@code INTEGER[][]}). */
    private String arrayType(Schema element) {
        return sqlType(element) + "[]";
    }

    /**
     * As {@link JdbcDialect#bind}; a STRING (and a NULL STRING) binds untyped, so the server takes it as
     * the type of the column it goes into: the same STRING can fill a text, json, jsonb, uuid, enum, inet,
     * interval, timetz, bit string, xml, range, geometric or composite column (the types the source reads as
     * STRING), where a varchar parameter would be refused. An ARRAY of STRING binds as untyped array text likewise.
     * Debezium's MicroDuration binds as untyped interval text ({@code 90000000 microseconds}), its Bits as untyped
     * bit string text, its Point as untyped point text, a time of 24:00:00 as untyped time text, its ZonedTimestamp
     * as an instant (as a Timestamp does), its IsoDate, IsoTime and IsoTimestamp as the values they name.
     */
    @Override
    public void bind(PreparedStatement statement, int index, Schema schema, Object value, WriteOptions options) throws SQLException {
        DebeziumType semantic = DebeziumType.of(schema);
        if (schema.type() == Schema.Type.ARRAY && value != null) {
            PostgresArrays.bind(statement, index, schema, (List<?>) value, options.timeZone());
        } else if (semantic.kind() == DebeziumType.Kind.DURATION_MICROS) {
            Object micros = semantic.value(schema, value);
            statement.setObject(index, micros == null ? null : micros + " microseconds", Types.OTHER);
        } else if (semantic.kind() == DebeziumType.Kind.BITS) {
            statement.setObject(index, semantic.value(schema, value), Types.OTHER);
        } else if (semantic.kind() == DebeziumType.Kind.POINT || semantic.kind() == DebeziumType.Kind.TIME
                && DebeziumType.END_OF_DAY.equals(semantic.value(schema, value))) {
            statement.setObject(index, semantic.value(schema, value), Types.OTHER);
        } else if (schema.type() == Schema.Type.STRING && LogicalType.of(schema) == LogicalType.NONE
                && semantic.bindsAsText()) {
            statement.setObject(index, value, Types.OTHER);
        } else if (value != null && (LogicalType.of(schema) == LogicalType.TIMESTAMP || semantic.kind() == DebeziumType.Kind.INSTANT)) {
            Instant instant = semantic.kind() == DebeziumType.Kind.INSTANT ? (Instant) semantic.value(schema, value)
                    : TemporalValues.instant((java.util.Date) value);
            bindInstant(statement, index, instant, options.timeZone());
        } else {
            ConnectValueBinder.bind(statement, index, schema, value, options.timeZone());
        }
    }

    /**
     * An instant as untyped text of its local date-time in {@code zone} with the offset, as COPY writes it: a
     * timestamp column takes the local date-time, a timestamptz the instant, whatever the session's zone. The
     * instants a PostgreSQL infinity is read as are written as that infinity.
     */
    static void bindInstant(PreparedStatement statement, int index, Instant instant, ZoneId zone) throws SQLException {
        String infinity = PostgresTemporalText.infinity(instant);
        statement.setObject(index, infinity != null ? infinity : PostgresTemporalText.dateTimeWithOffset(instant.atZone(zone)),
                Types.OTHER);
    }

    /** Whether the column holds a bit string ({@code bit(n)} or {@code varbit}), which takes a BOOLEAN as the text 1 or 0. */
    public static boolean isBitString(ColumnDefinition column) {
        return "bit".equalsIgnoreCase(column.typeName()) || "varbit".equalsIgnoreCase(column.typeName());
    }

    /**
     * As {@link #bind(PreparedStatement, int, Schema, Object, WriteOptions)}; a BOOLEAN into a bit column as
     * its one bit, an ARRAY into an array column as {@link PostgresArrays#bind(PreparedStatement, int,
     * ColumnDefinition, Schema, List, java.time.ZoneId)} says, a Debezium MicroDuration into a column other than
     * an interval as its number of microseconds.
     */
    @Override
    public void bind(PreparedStatement statement, int index, ColumnDefinition column, Schema schema, Object value,
            WriteOptions options) throws SQLException {
        if (schema.type() == Schema.Type.BOOLEAN && isBitString(column)) {
            // no cast leads from boolean to bit; the bit string's text does
            statement.setObject(index, value == null ? null : (Boolean) value ? "1" : "0", Types.OTHER);
        } else if (schema.type() == Schema.Type.ARRAY && value != null && PostgresArrays.isArray(column)) {
            PostgresArrays.bind(statement, index, column, schema, (List<?>) value, options.timeZone());
        } else if (DebeziumType.of(schema) == DebeziumType.MICRO_DURATION && !"interval".equalsIgnoreCase(column.typeName())) {
            ConnectValueBinder.bind(statement, index, schema, value, options.timeZone());
        } else {
            bind(statement, index, schema, value, options);
        }
    }

    /**
     * As the common conversions, and: json/jsonb take any value as JSON text, uuid a UUID string, arrays a
     * List; text, enum and the types PostgreSQL parses from text (network, interval, timetz, money, bit
     * strings, xml, text search, ranges, geometric and composite types, domains over them) take their
     * value as text, bound untyped as a STRING binds ({@link #bind(PreparedStatement, int, ColumnDefinition,
     * Schema, Object, WriteOptions)}), so that the column's input function parses it and a value it refuses
     * fails the row with PostgreSQL's message. A boolean into a bit string binds as a BOOLEAN does.
     */
    @Override
    public void bindForColumn(PreparedStatement statement, int index, ColumnDefinition column, Object value,
            WriteOptions options) throws SQLException {
        if (PostgresArrays.isArray(column)) {
            if (value == null) {
                statement.setNull(index, Types.ARRAY);
            } else if (value instanceof List<?> list) {
                PostgresArrays.bindList(statement, index, column, list, options.timeZone());
            } else {
                throw SchemalessValues.cannotConvert(column, value, null);
            }
            return;
        }
        if (value instanceof Boolean && isBitString(column)) {
            bind(statement, index, column, Schema.OPTIONAL_BOOLEAN_SCHEMA, value, options);
            return;
        }
        ColumnKind kind = schemalessKind(column);
        Object converted = SchemalessValues.convert(column, kind, value, options.timeZone());
        switch (kind) {
            case TEXT, JSON, PARSED_TEXT -> bind(statement, index, column, Schema.OPTIONAL_STRING_SCHEMA, converted, options);
            case UUID -> statement.setObject(index, converted);
            default -> SchemalessValues.bindConverted(statement, index, column, converted, options.timeZone());
        }
    }

    /**
     * The kind of a column of a table for a schemaless value: json/jsonb JSON, uuid UUID; money, timetz and
     * bit strings, which the JDBC codes would make a number, a time of day or a boolean, and every type
     * without a standard kind (OTHER, STRUCT, SQLXML …) PARSED_TEXT; the others by their JDBC code.
     */
    static ColumnKind schemalessKind(ColumnDefinition column) {
        String type = column.typeName().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "json", "jsonb" -> ColumnKind.JSON;
            case "uuid" -> ColumnKind.UUID;
            case "money", "timetz", "bit", "varbit" -> ColumnKind.PARSED_TEXT;
            default -> {
                ColumnKind standard = SchemalessValues.kindOf(column.jdbcType());
                yield standard == ColumnKind.UNSUPPORTED ? ColumnKind.PARSED_TEXT : standard;
            }
        };
    }
}
