package io.ferry.cli.connect;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Targets of a JDBC sink on this machine's databases: a MariaDB database ({@code 127.0.0.1:3306}, user
 * {@code root}) and a PostgreSQL schema in database {@code test}, both named {@code dbzsink_<random>} and
 * dropped on close. Where MariaDB is not reachable the test is skipped, or fails under
 * {@code FERRY_REQUIRE_DATABASES=1}, as {@link ReplicatedPostgresTable} does for PostgreSQL.
 */
final class SinkDatabases implements AutoCloseable {
    private static final String MARIADB = "jdbc:mariadb://127.0.0.1:3306/";
    private static final String POSTGRES = "jdbc:postgresql://" + ReplicatedPostgresTable.HOST + ":" + ReplicatedPostgresTable.PORT
            + "/" + ReplicatedPostgresTable.DATABASE;

    private final String name;
    private final Connection mariaDb;
    private final Connection postgres;

    private SinkDatabases(String name, Connection mariaDb, Connection postgres) {
        this.name = name;
        this.mariaDb = mariaDb;
        this.postgres = postgres;
    }

    static SinkDatabases create() throws SQLException {
        String name = "dbzsink_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Connection mariaDb;
        try {
            mariaDb = DriverManager.getConnection(MARIADB + "?user=root&password=");
        } catch (SQLException e) {
            throw ReplicatedPostgresTable.unavailable("MariaDB is not available at " + MARIADB + ": " + e.getMessage(), e);
        }
        Connection postgres = null;
        try {
            postgres = DriverManager.getConnection(POSTGRES, ReplicatedPostgresTable.USER, "");
            execute(mariaDb, "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
            execute(postgres, "CREATE SCHEMA " + name);
            return new SinkDatabases(name, mariaDb, postgres);
        } catch (SQLException | RuntimeException e) {
            mariaDb.close();
            if (postgres != null) {
                postgres.close();
            }
            throw e;
        }
    }

    /** The sink's {@code connection.url} of the MariaDB database. */
    String mariaDbUrl() {
        return MARIADB + name + "?user=root&password=";
    }

    /** The sink's {@code connection.url} of PostgreSQL; tables go in {@link #postgresSchema()}. */
    String postgresUrl() {
        return POSTGRES + "?user=" + ReplicatedPostgresTable.USER;
    }

    String postgresSchema() {
        return name;
    }

    /**
     * A table's rows as {@link ColumnTypesTable#rows} reads them: MariaDB's table in the database, or PostgreSQL's;
     * while the table cannot be read (the sink has not created it yet), one row saying why.
     */
    List<List<String>> rows(boolean fromMariaDb, String table) {
        try {
            return fromMariaDb ? ColumnTypesTable.rows(mariaDb, name + "." + table, true) : ColumnTypesTable.rows(postgres, table, false);
        } catch (SQLException e) {
            return List.of(List.of("unreadable: " + e.getMessage()));
        }
    }

    /** {@code "<column> <data_type>"} of a table in the PostgreSQL schema, in the columns' order. */
    List<String> postgresColumnTypes(String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (PreparedStatement statement = postgres.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position")) {
            statement.setString(1, name);
            statement.setString(2, table);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    columns.add(rows.getString(1) + " " + rows.getString(2));
                }
            }
        }
        return columns;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        try (mariaDb; postgres) {
            execute(mariaDb, "DROP DATABASE IF EXISTS " + name);
            execute(postgres, "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }
}
