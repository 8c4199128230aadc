package io.ferry.connectors.jdbc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A fresh, empty database on this machine's PostgreSQL (127.0.0.1:5432, user postgres) or MariaDB
 * (127.0.0.1:3306, user root), or in an SQLite file, dropped again on {@link #close()}.
 *
 * <p>Where a server is not reachable the test is skipped with a message on stderr, unless
 * {@code FERRY_REQUIRE_DATABASES=1} (set by {@code .ci/run}), which makes it fail.
 */
public final class TestDatabase implements AutoCloseable {

    /** The databases the connectors are tested on. */
    public enum Engine {
        POSTGRES, MARIADB, SQLITE
    }

    private static final String POSTGRES_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String MARIADB_SERVER = "jdbc:mariadb://127.0.0.1:3306/";

    private final Engine engine;
    private final String name;
    private final String url;
    private final String user;

    private TestDatabase(Engine engine, String name, String url, String user) {
        this.engine = engine;
        this.name = name;
        this.url = url;
        this.user = user;
    }

    /** A new database of the engine; SQLite's file goes in {@code dir}. */
    public static TestDatabase create(Engine engine, Path dir) {
        String name = "ferry_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        switch (engine) {
            case POSTGRES -> {
                adminExecute(engine, POSTGRES_SERVER + "postgres", "postgres", "CREATE DATABASE " + name);
                return new TestDatabase(engine, name, POSTGRES_SERVER + name, "postgres");
            }
            case MARIADB -> {
                adminExecute(engine, MARIADB_SERVER, "root", "CREATE DATABASE " + name);
                return new TestDatabase(engine, name, MARIADB_SERVER + name, "root");
            }
            case SQLITE -> {
                try {
                    Files.createDirectories(dir);
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
                return new TestDatabase(engine, name, "jdbc:sqlite:" + dir.resolve(name + ".db"), "");
            }
            default -> throw new IllegalArgumentException(engine.toString());
        }
    }

    private static void adminExecute(Engine engine, String url, String user, String sql) {
        try (Connection connection = DriverManager.getConnection(url, user, "");
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            unavailable(engine, url, e);
        }
    }

    private static void unavailable(Engine engine, String url, SQLException cause) {
        String message = engine.name().toLowerCase(Locale.ROOT) + " is not available at " + url + ": " + cause.getMessage();
        if ("1".equals(System.getenv("FERRY_REQUIRE_DATABASES"))) {
            Assertions.fail(message + " (FERRY_REQUIRE_DATABASES=1 requires it)", cause);
        }
        System.err.println("SKIPPED: " + message);
        Assumptions.abort(message);
    }

    public Engine engine() {
        return engine;
    }

    /** The database's name (for SQLite, the file's base name). */
    public String name() {
        return name;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    /** Always empty: the test servers trust local users. */
    public String password() {
        return "";
    }

    /** {@code connection.url}, {@code connection.user} and {@code connection.password} for a connector. */
    public Map<String, String> connectionSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("connection.url", url);
        if (!user.isEmpty()) {
            settings.put("connection.user", user);
            settings.put("connection.password", "");
        }
        return settings;
    }

    /** A new auto-commit connection; the caller closes it. */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url, user, "");
    }

    /** Runs each statement in order, auto-committed. */
    public void execute(String... sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        }
    }

    /** Every row of a query, each as its column values in order (as the driver returns them). */
    public List<List<Object>> query(String sql) throws SQLException {
        try (Connection connection = connect();
             Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            List<List<Object>> rows = new ArrayList<>();
            while (result.next()) {
                List<Object> row = new ArrayList<>(columns);
                for (int i = 1; i <= columns; i++) {
                    row.add(result.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /** The one value of a single-row, single-column query. */
    public Object queryValue(String sql) throws SQLException {
        List<List<Object>> rows = query(sql);
        Assertions.assertEquals(1, rows.size(), "rows of " + sql);
        return rows.get(0).get(0);
    }

    @Override
    public void close() throws SQLException {
        switch (engine) {
            case POSTGRES -> adminExecute(engine, POSTGRES_SERVER + "postgres", "postgres", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            case MARIADB -> adminExecute(engine, MARIADB_SERVER, "root", "DROP DATABASE IF EXISTS " + name);
            case SQLITE -> {
                try {
                    Files.deleteIfExists(Path.of(url.substring("jdbc:sqlite:".length())));
                } catch (java.io.IOException e) {
                    throw new SQLException(e);
                }
            }
            default -> throw new IllegalArgumentException(engine.toString());
        }
    }
}
