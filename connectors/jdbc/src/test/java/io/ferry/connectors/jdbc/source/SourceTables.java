package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import io.ferry.connectors.jdbc.testing.TestDatabase;

/**
 * The test tables in each database's own SQL: {@code id} filled by the database, {@code name},
 * {@code amount} and a NOT NULL {@code updated_at} with microseconds (milliseconds in SQLite, as ISO text).
 */
final class SourceTables {
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private SourceTables() {
    }

    static void create(TestDatabase db, String table) throws SQLException {
        db.execute(switch (db.engine()) {
            case POSTGRES -> "CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, amount NUMERIC(10,2), "
                    + "updated_at TIMESTAMP(6) NOT NULL)";
            case MARIADB -> "CREATE TABLE " + table + " (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                    + "amount DECIMAL(10,2), updated_at DATETIME(6) NOT NULL)";
            case SQLITE -> "CREATE TABLE " + table + " (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, "
                    + "amount NUMERIC(10,2), updated_at TIMESTAMP NOT NULL)";
        });
    }

    /** A timestamp literal the engine compares as the connector binds it (UTC, db.timezone's default). */
    static String timestamp(TestDatabase db, Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return "'" + local.format(db.engine() == TestDatabase.Engine.SQLITE ? MILLIS : MICROS) + "'";
    }

    static String insertSql(TestDatabase db, String table, String name, Instant updatedAt) {
        return "INSERT INTO " + table + " (name, amount, updated_at) VALUES ('" + name + "', 12.50, " + timestamp(db, updatedAt) + ")";
    }

    static void insert(TestDatabase db, String table, String name, Instant updatedAt) throws SQLException {
        db.execute(insertSql(db, table, name, updatedAt));
    }

    /** Inserts rows named {@code prefix1..prefixN}, all stamped {@code updatedAt}, in one statement. */
    static void insertMany(TestDatabase db, String table, String prefix, int count, Instant updatedAt) throws SQLException {
        String ts = timestamp(db, updatedAt);
        db.execute(switch (db.engine()) {
            case POSTGRES -> "INSERT INTO " + table + " (name, amount, updated_at) SELECT '" + prefix + "' || g, g % 1000, "
                    + ts + " FROM generate_series(1, " + count + ") g ORDER BY g";
            case MARIADB -> "INSERT INTO " + table + " (name, amount, updated_at) SELECT CONCAT('" + prefix + "', seq), seq % 1000, "
                    + ts + " FROM seq_1_to_" + count + " ORDER BY seq";
            case SQLITE -> "WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < " + count + ") "
                    + "INSERT INTO " + table + " (name, amount, updated_at) SELECT '" + prefix + "' || n, n % 1000, " + ts + " FROM g";
        });
    }

    /** A connection in an open transaction, for commits in a chosen order. */
    static Connection begin(TestDatabase db) throws SQLException {
        Connection connection = db.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
