package io.ferry.connectors.jdbc.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The statement text the dialects share: CREATE TABLE, ALTER TABLE … ADD COLUMN, multi-row INSERT,
 * UPDATE and DELETE, and the {@code INSERT … ON CONFLICT} upsert of PostgreSQL and SQLite. The column
 * types come from the dialect, through {@code columnType}: a column spec as its type, NOT NULL and DEFAULT.
 */
final class SqlStatements {
    private final SqlIdentifiers identifiers;
    private final Function<ColumnSpec, String> columnType;

    SqlStatements(SqlIdentifiers identifiers, Function<ColumnSpec, String> columnType) {
        this.identifiers = identifiers;
        this.columnType = columnType;
    }

    String createTable(TableId table, List<ColumnSpec> columns) {
        List<String> lines = new ArrayList<>();
        for (ColumnSpec column : columns) {
            lines.add(identifiers.quote(column.name()) + " " + columnType.apply(column));
        }
        List<String> keys = columns.stream().filter(ColumnSpec::primaryKey).map(ColumnSpec::name).toList();
        if (!keys.isEmpty()) {
            lines.add("PRIMARY KEY (" + columnList(keys) + ")");
        }
        return "CREATE TABLE IF NOT EXISTS " + identifiers.qualified(table) + " (\n  " + String.join(",\n  ", lines) + "\n)";
    }

    List<String> addColumns(TableId table, List<ColumnSpec> columns) {
        return columns.stream()
                .map(column -> "ALTER TABLE " + identifiers.qualified(table) + " ADD COLUMN "
                        + identifiers.quote(column.name()) + " " + columnType.apply(column))
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
            where = String.join(" OR ", java.util.Collections.nCopies(rows, match));
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
        return String.join(", ", java.util.Collections.nCopies(rows, row));
    }

    private String keyMatch(List<String> keys) {
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("Key columns are required");
        }
        return keys.stream().map(column -> identifiers.quote(column) + " = ?").collect(Collectors.joining(" AND "));
    }

    private static String placeholders(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
