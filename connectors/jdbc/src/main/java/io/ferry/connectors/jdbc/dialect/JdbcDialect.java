package io.ferry.connectors.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.kafka.connect.data.Schema;

/**
 * What differs between databases, in one place: identifiers, catalog queries, the SQL-to-Connect type
 * mapping (reading) and the Connect-to-SQL mapping (writing), statements, and how a query streams.
 *
 * <p>Implementations are stateless and thread-safe; every method that touches the database takes the
 * caller's {@link Connection} and neither commits nor closes it. {@link JdbcDialects#forUrl(String)}
 * picks the dialect of a {@code connection.url}.
 */
public interface JdbcDialect {

    /** The database's name as users know it: {@code PostgreSQL}, {@code MariaDB}, {@code SQLite}. */
    String name();

    // ---- connections ----------------------------------------------------------------------------

    /**
     * The URL to hand the driver for a user's {@code connection.url}: the same URL, or one with the
     * options this dialect needs (MariaDB Connector/J accepts {@code jdbc:mysql:} only with
     * {@code permitMysqlScheme}). Never logged by the caller, since it may carry a password.
     */
    default String driverUrl(String url) {
        return url;
    }

    /**
     * Sets up a newly opened connection's session for this dialect's mappings (MariaDB: the session time
     * zone to UTC, so that TIMESTAMP columns read and write as UTC). {@link
     * io.ferry.connectors.jdbc.connection.ConnectionProvider} calls it on every connection it opens; code
     * that opens connections itself must call it too.
     */
    default void initializeSession(Connection connection) throws SQLException {
    }

    /**
     * The most bind parameters one statement may have (PostgreSQL and MariaDB 65,535, SQLite 32,766): a
     * multi-row statement of {@code c} columns holds at most {@code maxBindParameters() / c} rows.
     */
    int maxBindParameters();

    // ---- identifiers ----------------------------------------------------------------------------

    /** One identifier quoted for this database ({@code "a""b"}, {@code `a``b`}). */
    String quote(String identifier);

    /** The table's name as SQL text, each present part quoted: {@code "public"."orders"}. */
    String qualified(TableId table);

    /**
     * A table named by a user ({@code orders}, {@code public.orders}, {@code shop.public.orders}, quoted
     * parts allowed) as this database's {@link TableId}: the parts the name leaves out stay {@code null}.
     * PostgreSQL takes up to three parts (database.schema.table), MariaDB two (database.table), SQLite two
     * (attached-schema.table). Unquoted parts keep their case; quoted ones their dots too.
     *
     * @throws IllegalArgumentException for too many parts, an empty part or an unclosed quote
     */
    TableId parseTableId(String name);

    // ---- catalog --------------------------------------------------------------------------------

    /**
     * The tables (and, if asked, views) the connection's user can read in the connection's database,
     * leaving out the database's own system schemas. {@code tableTypes} holds JDBC table types such as
     * {@code TABLE} and {@code VIEW} (PostgreSQL's partitioned tables count as {@code TABLE}). Ids are
     * fully named: PostgreSQL (database, schema, table), MariaDB (database, null, table), SQLite (null,
     * null, table); sorted by name.
     */
    List<TableId> listTables(Connection connection, Set<String> tableTypes) throws SQLException;

    /**
     * The table's columns in their ordinal order, with their primary-key membership; empty when the
     * table does not exist. A partly named {@code table} is looked up in the connection's current
     * database and schema ({@code current_schema()} in PostgreSQL, where a name not found as written is
     * looked up in lower case, as PostgreSQL folds unquoted names); the returned definition carries the
     * fully named id.
     */
    Optional<TableDefinition> describeTable(Connection connection, TableId table) throws SQLException;

    /**
     * The columns of a query's result, from its metadata, as every source mode reads them; PostgreSQL asks
     * the catalog, over the result's connection, for the dimensions its array columns declare.
     */
    List<ColumnDefinition> describeResult(ResultSet result) throws SQLException;

    /**
     * The database clock with the database's full precision (PostgreSQL and MariaDB: microseconds; SQLite:
     * milliseconds), independent of the session's time zone and of the caller's open transaction.
     */
    Instant currentTimestamp(Connection connection) throws SQLException;

    // ---- reading --------------------------------------------------------------------------------

    /**
     * How a column becomes a Connect field: its schema (optional when the column is nullable) and the
     * reader of its value. Empty when the column's type has no mapping; the caller decides whether to
     * skip the column or fail, and names the column and {@link ColumnDefinition#typeName()} when it fails.
     */
    Optional<ColumnMapping> columnMapping(ColumnDefinition column, ReadOptions options);

    /**
     * Sets a statement up so its result streams in chunks of {@code fetchSize} rows instead of being
     * read whole into memory. Call before executing the statement. PostgreSQL: turns auto-commit off on
     * the connection (the driver uses a cursor only inside a transaction; the caller commits or rolls
     * back). MariaDB/MySQL: the driver reads rows off the socket as they are consumed, and the connection
     * can run nothing else until the result is read or closed. SQLite: nothing to do.
     */
    void prepareForStreaming(Connection connection, PreparedStatement statement, int fetchSize) throws SQLException;

    // ---- writing --------------------------------------------------------------------------------

    /**
     * The SQL column type a Connect schema is stored in when the connector creates or alters a table
     * (the type of a non-key column; see {@link #sqlType(Schema, boolean)}); for a Debezium semantic type
     * ({@link DebeziumType}), the type it stands for.
     *
     * @throws org.apache.kafka.connect.errors.DataException when the database has no type for the schema
     */
    String sqlType(Schema schema);

    /**
     * The SQL type of a key or non-key column: as {@link #sqlType(Schema)}, except where the database
     * cannot index that type (MariaDB: a key string is VARCHAR(256), key bytes VARBINARY(1024)).
     */
    default String sqlType(Schema schema, boolean keyColumn) {
        return sqlType(schema);
    }

    /**
     * {@code CREATE TABLE IF NOT EXISTS} with the columns in order and a primary key on the key columns,
     * if any (IF NOT EXISTS because several sink tasks may create the same table at once). A required
     * schema makes the column NOT NULL, a schema default its DEFAULT.
     *
     * @throws org.apache.kafka.connect.errors.DataException when a column's schema has no SQL type here
     */
    default String createTable(TableId table, List<ColumnSpec> columns) {
        return createTable(table, columns, new WriteOptions(java.time.ZoneOffset.UTC));
    }

    /**
     * As {@link #createTable(TableId, List)}, with a Timestamp DEFAULT written as its local date-time in
     * {@code options.timeZone()} ({@code db.timezone}), as bound Timestamps are; the two-argument form
     * writes it in UTC.
     */
    String createTable(TableId table, List<ColumnSpec> columns, WriteOptions options);

    /**
     * The statements that add columns to an existing table, one {@code ALTER TABLE … ADD COLUMN} per
     * column (SQLite takes only one column per statement; the others run them in order too). A required
     * column needs a schema default, or the database refuses it on a table that has rows.
     */
    default List<String> addColumns(TableId table, List<ColumnSpec> columns) {
        return addColumns(table, columns, new WriteOptions(java.time.ZoneOffset.UTC));
    }

    /** As {@link #addColumns(TableId, List)}, with Timestamp defaults in {@code options.timeZone()}. */
    List<String> addColumns(TableId table, List<ColumnSpec> columns, WriteOptions options);

    /** A multi-row {@code INSERT} of {@code rows} rows; parameters are row by row, in column order. */
    String insert(TableId table, List<String> columns, int rows);

    /**
     * A multi-row insert-or-update on the key columns ({@code ON CONFLICT … DO UPDATE},
     * {@code ON DUPLICATE KEY UPDATE}); with no value columns the conflict is ignored.
     * Parameters are row by row: key columns then value columns. PostgreSQL rejects a statement that
     * updates the same key twice, so the rows of one statement must have distinct keys.
     */
    String upsert(TableId table, List<String> keyColumns, List<String> valueColumns, int rows);

    /** A single-row {@code UPDATE … SET values WHERE keys}; parameters: value columns then key columns. */
    String update(TableId table, List<String> keyColumns, List<String> valueColumns);

    /** A {@code DELETE} of {@code rows} rows by key; parameters are row by row, key columns in order. */
    String delete(TableId table, List<String> keyColumns, int rows);

    /**
     * A statement that removes every row of the table inside the current transaction: {@code DELETE FROM}
     * here, as MariaDB's {@code TRUNCATE TABLE} commits the transaction (and SQLite has none); PostgreSQL's
     * {@code TRUNCATE} is transactional and used there.
     */
    default String truncate(TableId table) {
        return "DELETE FROM " + qualified(table);
    }

    /**
     * Binds a Connect value of the given schema (null allowed) to a statement parameter, converting
     * logical types for this database: Decimal as a BigDecimal, Date and Time as calendar values (no zone
     * applies), Timestamp as a local date-time in {@code options.timeZone()} (a {@link java.sql.Timestamp}
     * keeps its nanoseconds), bytes as {@code byte[]} or {@code ByteBuffer}, PostgreSQL arrays as List;
     * Debezium's semantic types ({@link DebeziumType}) by their standard values.
     *
     * @throws org.apache.kafka.connect.errors.DataException for a type the database cannot store
     */
    void bind(PreparedStatement statement, int index, Schema schema, Object value, WriteOptions options) throws SQLException;

    /**
     * As {@link #bind(PreparedStatement, int, Schema, Object, WriteOptions)}, for a column of an existing
     * table (as {@link #describeTable} returned it) whose type takes the value in another form than the
     * column the sink would create for the schema (PostgreSQL: a BOOLEAN into {@code bit(1)}; MariaDB: a
     * Timestamp into a TIMESTAMP column, which holds an instant in the session's UTC).
     */
    default void bind(PreparedStatement statement, int index, ColumnDefinition column, Schema schema, Object value,
            WriteOptions options) throws SQLException {
        bind(statement, index, schema, value, options);
    }

    /**
     * Binds a schemaless value (as JsonConverter produces without schemas: String, Long, Integer, Double,
     * Boolean, Map, List, byte[], null) to a parameter for a column of the target table (as
     * {@link #describeTable} returned it), converting it to the column's type: numbers and numeric strings
     * to numeric columns (no digits lost), ISO-8601 text or epoch milliseconds to date/time columns
     * (zoneless text in {@code options.timeZone()}), Map and List to JSON text for JSON and text columns,
     * UUID strings to PostgreSQL uuid, Lists to PostgreSQL arrays, base64 text to binary columns, and a
     * value's text to a column of a type the database parses from text (PostgreSQL's inet, interval, enums,
     * composite types …), whose refusal fails the statement with the database's message.
     *
     * @throws org.apache.kafka.connect.errors.DataException when the value does not convert, naming the
     *     column, its type and the value's type
     */
    void bindForColumn(PreparedStatement statement, int index, ColumnDefinition column, Object value, WriteOptions options) throws SQLException;
}
