package io.ferry.cli.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A table of its own, in a schema of its own, on this machine's PostgreSQL (127.0.0.1:5432, database
 * {@code test}, user {@code postgres}), for a change-data-capture connector: with {@code REPLICA IDENTITY FULL},
 * so updates and deletes carry the whole old row. {@link #close()} drops the replication slot and the
 * publication the connector made — a slot left behind holds the server's WAL forever — and the schema.
 *
 * <p>Where PostgreSQL is not reachable or not at {@code wal_level=logical} the test is skipped with a message on
 * stderr, unless {@code FERRY_REQUIRE_DATABASES=1} (set by {@code .ci/run}), which makes it fail.
 */
final class ReplicatedPostgresTable implements AutoCloseable {
    static final String HOST = "127.0.0.1";
    static final int PORT = 5432;
    static final String DATABASE = "test";
    static final String USER = "postgres";
    private static final String URL = "jdbc:postgresql://" + HOST + ":" + PORT + "/" + DATABASE;
    private static final Duration SLOT_RELEASE = Duration.ofSeconds(30);

    private final Connection connection;
    private final String schema;
    private final String name;
    private final String slot;
    private final String publication;

    private ReplicatedPostgresTable(Connection connection, String schema, String name, String slot, String publication) {
        this.connection = connection;
        this.schema = schema;
        this.name = name;
        this.slot = slot;
        this.publication = publication;
    }

    /** Creates {@code <schema>.customers (id int primary key, name text, email text)} in a new schema. */
    static ReplicatedPostgresTable create() throws SQLException {
        return create("customers", "id int PRIMARY KEY, name text NOT NULL, email text");
    }

    /** Creates {@code <schema>.<name> (<columns>)} in a new schema. */
    static ReplicatedPostgresTable create(String name, String columns) throws SQLException {
        Connection connection = connect();
        try {
            requireLogicalWal(connection);
            String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            ReplicatedPostgresTable table = new ReplicatedPostgresTable(connection, "dbz_" + suffix, name, "ferry_slot_" + suffix,
                    "ferry_pub_" + suffix);
            table.execute("CREATE SCHEMA " + table.schema);
            table.execute("CREATE TABLE " + table.table() + " (" + columns + ")");
            table.execute("ALTER TABLE " + table.table() + " REPLICA IDENTITY FULL");
            return table;
        } catch (SQLException | RuntimeException | Error e) {
            connection.close();
            throw e;
        }
    }

    private static Connection connect() {
        try {
            return DriverManager.getConnection(URL, USER, "");
        } catch (SQLException e) {
            throw unavailable("PostgreSQL is not available at " + URL + ": " + e.getMessage(), e);
        }
    }

    private static void requireLogicalWal(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SHOW wal_level")) {
            rs.next();
            String level = rs.getString(1);
            if (!"logical".equals(level)) {
                throw unavailable("PostgreSQL at " + URL + " runs with wal_level=" + level + "; change data capture needs"
                        + " wal_level=logical: ALTER SYSTEM SET wal_level = 'logical', then restart PostgreSQL (.ci/run does both)",
                        null);
            }
        }
    }

    /**
     * Skips the test for a database this machine lacks, or fails it when {@code FERRY_REQUIRE_DATABASES=1}; never
     * returns normally.
     */
    static RuntimeException unavailable(String message, Throwable cause) {
        if ("1".equals(System.getenv("FERRY_REQUIRE_DATABASES"))) {
            Assertions.fail(message + " (FERRY_REQUIRE_DATABASES=1 requires it)", cause);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
        throw new IllegalStateException("unreachable");
    }

    /** {@code schema.customers}, or the name given to {@link #create(String, String)}. */
    String table() {
        return schema + "." + name;
    }

    /** The connection the table was made with, for reading it. */
    Connection connection() {
        return connection;
    }

    String schema() {
        return schema;
    }

    /** The replication slot name the connector is given; dropped on close. */
    String slot() {
        return slot;
    }

    /** The publication name the connector is given; dropped on close. */
    String publication() {
        return publication;
    }

    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Inserts one row in its own transaction. */
    void insert(int id, String name, String email) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table() + " VALUES (?, ?, ?)")) {
            statement.setInt(1, id);
            statement.setString(2, name);
            statement.setString(3, email);
            statement.executeUpdate();
        }
    }

    /** Whether the slot exists and a connector is streaming from it. */
    boolean slotActive() throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, slot);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The server's current WAL position, {@code pg_current_wal_lsn()}. */
    String currentWalLsn() throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT pg_current_wal_lsn()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Whether the connector confirmed to the slot that it has everything up to beyond {@code lsn}: the position
     * from which the server may recycle WAL, which only moves when the worker commits the connector's offsets.
     */
    boolean slotConfirmedBeyond(String lsn) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT confirmed_flush_lsn > ?::pg_lsn FROM pg_replication_slots WHERE slot_name = ?")) {
            statement.setString(1, lsn);
            statement.setString(2, slot);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /**
     * The slot's state and the transactions open for over ten seconds on the server, for a failure message: a
     * logical slot is only created once every transaction running at that moment has ended.
     */
    String diagnosis() {
        StringBuilder text = new StringBuilder("slot " + slot + ": ");
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery("SELECT active, confirmed_flush_lsn FROM pg_replication_slots"
                    + " WHERE slot_name = '" + slot + "'")) {
                text.append(rs.next() ? "active=" + rs.getBoolean(1) + ", confirmed_flush_lsn=" + rs.getString(2) : "not created");
            }
            try (ResultSet rs = statement.executeQuery("SELECT pid, datname, state, now() - xact_start, left(query, 100)"
                    + " FROM pg_stat_activity WHERE xact_start < now() - interval '10 seconds'")) {
                while (rs.next()) {
                    text.append("\nlong transaction: pid=").append(rs.getInt(1)).append(" db=").append(rs.getString(2))
                            .append(" state=").append(rs.getString(3)).append(" for ").append(rs.getString(4))
                            .append(": ").append(rs.getString(5));
                }
            }
        } catch (SQLException e) {
            text.append("(cannot read: ").append(e.getMessage()).append(')');
        }
        return text.toString();
    }

    /**
     * Drops the slot once no connector holds it (waiting up to {@link #SLOT_RELEASE} for a stopping worker to let
     * go), the publication and the schema.
     */
    @Override
    public void close() throws Exception {
        try (connection) {
            long deadline = System.nanoTime() + SLOT_RELEASE.toNanos();
            while (slotActive() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            try (PreparedStatement drop = connection.prepareStatement(
                    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
                drop.setString(1, slot);
                drop.execute();
            }
            execute("DROP PUBLICATION IF EXISTS " + publication);
            execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
