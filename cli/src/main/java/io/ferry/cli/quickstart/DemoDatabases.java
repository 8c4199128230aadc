package io.ferry.cli.quickstart;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The quickstart's two SQLite databases: {@code shop.db}, whose {@code customers} table the source
 * reads, and {@code warehouse.db}, where the sink creates and fills its copy.
 */
final class DemoDatabases {
    private static final String[] CITIES = {"Lisbon", "Oslo", "Kyoto", "Lima", "Accra", "Perth", "Quebec", "Tallinn"};
    private static final String COLUMNS = "id, name, email, city, balance";

    private final Path shop;
    private final Path warehouse;

    private DemoDatabases(Path shop, Path warehouse) {
        this.shop = shop;
        this.warehouse = warehouse;
    }

    /** Creates {@code shop.db} with {@code rows} customers and an empty {@code warehouse.db} in {@code dir}. */
    static DemoDatabases create(Path dir, int rows) throws SQLException {
        DemoDatabases demo = new DemoDatabases(dir.resolve("shop.db"), dir.resolve("warehouse.db"));
        try (Connection connection = DriverManager.getConnection(demo.shopUrl()); Statement sql = connection.createStatement()) {
            sql.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT NOT NULL, email TEXT NOT NULL,"
                    + " city TEXT, balance DOUBLE NOT NULL DEFAULT 0)");
        }
        demo.insertCustomers(1, rows, null);
        try (Connection connection = DriverManager.getConnection(demo.warehouseUrl())) {
            Objects.requireNonNull(connection);
        }
        return demo;
    }

    String shopUrl() {
        return "jdbc:sqlite:" + shop;
    }

    String warehouseUrl() {
        return "jdbc:sqlite:" + warehouse;
    }

    /** Adds customers {@code first} to {@code first + count - 1}; with a tier when the column exists and one is given. */
    void insertCustomers(int first, int count, String tier) throws SQLException {
        String sql = "INSERT INTO customers (" + COLUMNS + (tier != null ? ", tier" : "") + ") VALUES (?, ?, ?, ?, ?"
                + (tier != null ? ", ?" : "") + ")";
        try (Connection connection = DriverManager.getConnection(shopUrl())) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(sql)) {
                for (int id = first; id < first + count; id++) {
                    insert.setInt(1, id);
                    insert.setString(2, "Customer " + id);
                    insert.setString(3, "customer" + id + "@example.com");
                    insert.setString(4, CITIES[id % CITIES.length]);
                    insert.setDouble(5, (id * 37 % 10_000) / 4.0);
                    if (tier != null) {
                        insert.setString(6, tier);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
        }
    }

    /** Runs one statement on the shop database. */
    void alterShop(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(shopUrl()); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** How many customers the warehouse holds; 0 before the sink created its table. */
    long warehouseCount() {
        try (Connection connection = DriverManager.getConnection(warehouseUrl());
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT COUNT(*) FROM customers")) {
            return result.next() ? result.getLong(1) : 0;
        } catch (SQLException noTableYet) {
            return 0;
        }
    }

    /** Whether the warehouse's customers table has the column. */
    boolean warehouseHasColumn(String column) {
        try (Connection connection = DriverManager.getConnection(warehouseUrl());
             ResultSet columns = connection.getMetaData().getColumns(null, null, "customers", column)) {
            return columns.next();
        } catch (SQLException e) {
            return false;
        }
    }

    /** The customers of both databases, row by row, on the columns the quickstart started with. */
    boolean tablesEqual() throws SQLException {
        return rows(shopUrl()).equals(rows(warehouseUrl()));
    }

    private static List<List<String>> rows(String url) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url);
             Statement sql = connection.createStatement();
             ResultSet result = sql.executeQuery("SELECT " + COLUMNS + " FROM customers ORDER BY id")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= 5; i++) {
                    Object value = result.getObject(i);
                    row.add(value instanceof Number number ? Double.toString(number.doubleValue()) : String.valueOf(value));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
