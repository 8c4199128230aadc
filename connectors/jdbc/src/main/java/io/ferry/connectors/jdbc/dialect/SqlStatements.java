package io.ferry.connectors.jdbc.dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.time.ZoneId;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * The statement text the dialects share: CREATE TABLE, ALTER TABLE … ADD COLUMN, multi-row INSERT,
 * UPDATE and DELETE, and the {@code INSERT … ON CONFLICT} upsert of PostgreSQL and SQLite. The column
 * types come from the dialect's {@code sqlType(schema, keyColumn)}, NOT NULL and DEFAULT from its literals.
 */
final class SqlStatements {
    private final SqlIdentifiers identifiers;
    private final SqlLiterals literals;
    private final BiFunction<org.apache.kafka.connect.data.Schema, Boolean, String> sqlType;

    SqlStatements(SqlIdentifiers identifiers, SqlLiterals literals,
            BiFunction<org.apache.kafka.connect.data.Schema, Boolean, String> sqlType) {
        this.identifiers = identifiers;
        this.literals = literals;
        this.sqlType = sqlType;
    }

    /** A column's definition: name, type, NOT NULL and DEFAULT (a Timestamp default as local time in {@code zone}). */
    private String columnDefinition(ColumnSpec column, ZoneId zone) {
        return identifiers.quote(column.name()) + " " + sqlType.apply(column.schema(), column.primaryKey())
                + literals.constraints(column.schema(), zone);
    }

    String createTable(TableId table, List<ColumnSpec> columns, ZoneId zone) {
        List<String> lines = new ArrayList<>();
        for (ColumnSpec column : columns) {
            lines.add(columnDefinition(column, zone));
        }
        List<String> keys = columns.stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
        if (!keys.isEmpty()) {
            lines.add("PRIMARY KEY (" + columnList(keys) + ")");
        }
        return "CREATE TABLE IF NOT EXISTS " + identifiers.qualified(table) + " (\n  " + String.join(",\n  ", lines) + "\n)";
    }

    List<String> addColumns(TableId table, List<ColumnSpec> columns, ZoneId zone) {
        return columns.stream()
                .map(column -> "ALTER TABLE " + identifiers.qualified(table) + " ADD COLUMN " + columnDefinition(column, zone))
                .toList();
    }

    String insert(TableId table, List<String> columns, int rows) {
        return "INSERT INTO " + identifiers.qualified(table) + " (" + columnList(columns) + ") VALUES "
                + valueRows(columns.size(), rows);
    }

    /** {@code INSERT … ON CONFLICT (keys) DO UPDATE SET v = EXCLUDED.v}, or {@code DO NOTHING} without values. */
    String upsertOnConflict(TableId table, List<String> keys, List<String> values, int rows) {
        List<String> all = new ArrayList<>(keys);
        all.addAll(values);
        String action = values.isEmpty() ? "DO NOTHING"
                : "DO UPDATE SET " + values.stream()
                        .map(column -> identifiers.quote(column) + " = EXCLUDED." + identifiers.quote(column))
                        .collect(Collectors.joining(", "));
        return insert(table, all, rows) + " ON CONFLICT (" + columnList(keys) + ") " + action;
    }

    String update(TableId table, List<String> keys, List<String> values) {
        return "UPDATE " + identifiers.qualified(table) + " SET "
                + values.stream().map(column -> identifiers.quote(column) + " = ?").collect(Collectors.joining(", "))
                + " WHERE " + keyMatch(keys);
    }

    /**
     * {@code DELETE … WHERE k IN (?, …)} for a single key column; for a composite key an OR of
     * conjunctions, which every database's planner turns into index lookups (row-value IN lists are not
     * optimised everywhere).
     */
    String delete(TableId table, List<String> keys, int rows) {
        String where;
        if (keys.size() == 1) {
            where = identifiers.quote(keys.get(0)) + " IN (" + placeholders(rows) + ")";
        } else {
            String match = "(" + keyMatch(keys) + ")";
            where = String.join(" OR ", Collections.nCopies(rows, match));
        }
        return "DELETE FROM " + identifiers.qualified(table) + " WHERE " + where;
    }

    String columnList(List<String> columns) {
        return columns.stream().map(identifiers::quote).collect(Collectors.joining(", "));
    }

    String valueRows(int columns, int rows) {
        if (columns < 1 || rows < 1) {
            throw new IllegalArgumentException("A statement needs at least one column and one row");
        }
        String row = "(" + placeholders(columns) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }

    private String keyMatch(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Key columns are required");
        }
        return keys.stream().map(column -> identifiers.quote(column) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
