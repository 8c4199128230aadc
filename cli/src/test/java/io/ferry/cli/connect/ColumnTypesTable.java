package io.ferry.cli.connect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A PostgreSQL table with a column of each common type, for a change-data-capture pipeline into a JDBC sink: its
 * DDL, rows of it, and each column read as text that the source table, a PostgreSQL copy and a MariaDB copy give
 * alike when they hold the same value — microseconds, time zones (as UTC) and exact digits included.
 */
final class ColumnTypesTable {
    /**
     * One column: its PostgreSQL type, and SQL giving its value as comparable text in PostgreSQL and in MariaDB
     * ({@code %s} stands for the column's name).
     */
    record Column(String name, String postgresType, String postgresText, String mariaDbText) {
    }

    static final List<Column> COLUMNS = List.of(
            new Column("i", "int", "%s::text", "CAST(%s AS CHAR)"),
            new Column("s", "smallint", "%s::text", "CAST(%s AS CHAR)"),
            new Column("n", "numeric(12,3)", "%s::text", "CAST(%s AS CHAR)"),
            new Column("vn", "numeric", "%s::text", "TRIM(TRAILING '0' FROM CAST(%s AS CHAR))"),
            new Column("r", "real", "%s::text", "CAST(%s AS CHAR)"),
            new Column("d", "double precision", "%s::text", "CAST(%s AS CHAR)"),
            new Column("b", "boolean", "CASE WHEN %1$s THEN '1' WHEN NOT %1$s THEN '0' END", "CAST(%s AS CHAR)"),
            new Column("t", "text", "%s", "%s"),
            new Column("v", "varchar(20)", "%s", "%s"),
            new Column("dt", "date", "%s::text", "CAST(%s AS CHAR)"),
            new Column("tm", "time(6)", "to_char('2000-01-01'::date + %s, 'HH24:MI:SS.US')", "DATE_FORMAT(%s, '%%H:%%i:%%s.%%f')"),
            new Column("ts", "timestamp(6)", "to_char(%s, 'YYYY-MM-DD HH24:MI:SS.US')", "DATE_FORMAT(%s, '%%Y-%%m-%%d %%H:%%i:%%s.%%f')"),
            new Column("tstz", "timestamptz", "to_char(%s AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')",
                    "DATE_FORMAT(%s, '%%Y-%%m-%%d %%H:%%i:%%s.%%f')"),
            new Column("u", "uuid", "%s::text", "%s"),
            new Column("j", "json", "%s::text", "%s"),
            new Column("jb", "jsonb", "%s::text", "%s"),
            new Column("x", "xml", "%s::text", "%s"),
            new Column("by", "bytea", "encode(%s, 'hex')", "LOWER(HEX(%s))"),
            new Column("bt", "bit(10)", "%s::text", "LPAD(BIN(%s), 10, '0')"),
            new Column("iv", "interval", "(extract(epoch FROM %s) * 1000000)::bigint::text", "CAST(%s AS CHAR)"));

    private ColumnTypesTable() {
    }

    /** The column definitions of {@code CREATE TABLE}, after a {@code bigint} primary key {@code id}. */
    static String columnsDdl() {
        return "id bigint PRIMARY KEY, " + COLUMNS.stream().map(c -> c.name() + " " + c.postgresType()).collect(Collectors.joining(", "));
    }

    /** {@code INSERT} of a row whose every column holds a value, {@code variant} (1, 2, …) choosing which. */
    static String insert(String table, long id, int variant) {
        String values = String.join(", ",
                Integer.toString(-7 * variant), Integer.toString(300 + variant), "'123456789.12" + variant + "'",
                "'3.1415926535897932384" + variant + "'", variant + ".5", "2.718281828459045", variant % 2 == 0 ? "false" : "true",
                "E'line one\\nline\\ttwo ''quoted'' żółw " + variant + "'", "'v" + variant + "'", "'2024-02-2" + variant + "'",
                "'23:59:58.12345" + variant + "'", "'1969-07-20 20:17:40.00000" + variant + "'",
                "'2024-03-01 12:34:56.78901" + variant + "+05:30'", "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1" + variant + "'",
                "'{\"k\": [1, 2.50, \"x\"], \"n\": null, \"v\": " + variant + "}'", "'{\"b\": true, \"a\": " + variant + "}'",
                "'<a x=\"1\">" + variant + "</a>'", "'\\x00ff10" + variant + variant + "'::bytea", "B'100000010" + variant % 2 + "'",
                "'1 day 02:03:04.5" + variant + "'");
        return "INSERT INTO " + table + " (id, " + COLUMNS.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + id + ", " + values + ")";
    }

    /** {@code INSERT} of a row whose columns other than the key are NULL. */
    static String insertNulls(String table, long id) {
        return "INSERT INTO " + table + " (id) VALUES (" + id + ")";
    }

    /** The table's rows by id, each its id and columns as comparable text; {@code mariaDb} picks the dialect's SQL. */
    static List<List<String>> rows(Connection connection, String table, boolean mariaDb) throws SQLException {
        String columns = COLUMNS.stream()
                .map(c -> String.format(mariaDb ? c.mariaDbText() : c.postgresText(), (mariaDb ? "`" : "\"") + c.name() + (mariaDb ? "`" : "\"")))
                .collect(Collectors.joining(", "));
        List<List<String>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + (mariaDb ? "CAST(id AS CHAR)" : "id::text") + ", " + columns + " FROM " + table + " ORDER BY id")) {
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= COLUMNS.size() + 1; i++) {
                    String name = i == 1 ? "id" : COLUMNS.get(i - 2).name();
                    row.add(name + "=" + result.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
