package io.ferry.connectors.jdbc.dialect;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Tables and columns from {@link DatabaseMetaData} and {@link ResultSetMetaData}, shared by the dialects;
 * each dialect decides which catalog and schema to look in and how a listed table is named.
 */
final class CatalogReader {
    private CatalogReader() {
    }

    /** Names a listed table from the metadata's TABLE_CAT, TABLE_SCHEM and TABLE_NAME. */
    @FunctionalInterface
    interface TableNamer {
        TableId name(String catalog, String schema, String table);
    }

    /**
     * The tables of the given JDBC types in the catalog (null: any), leaving out those whose schema (or,
     * for databases without schemas, catalog) the predicate calls a system one, and those whose name does.
     */
    static List<TableId> listTables(Connection connection, String catalog, Set<String> tableTypes,
            Predicate<String> systemNamespace, Predicate<String> systemTable, TableNamer namer) throws SQLException {
        List<TableId> tables = new ArrayList<>();
        String[] types = tableTypes.stream().map(type -> type.toUpperCase(Locale.ROOT)).toArray(String[]::new);
        try (ResultSet rows = connection.getMetaData().getTables(catalog, null, "%", types)) {
            while (rows.next()) {
                String cat = rows.getString("TABLE_CAT");
                String schema = rows.getString("TABLE_SCHEM");
                String name = rows.getString("TABLE_NAME");
                String namespace = schema != null ? schema : cat;
                if ((namespace == null || !systemNamespace.test(namespace.toLowerCase(Locale.ROOT)))
                        && !systemTable.test(name.toLowerCase(Locale.ROOT))) {
                    tables.add(namer.name(cat, schema, name));
                }
            }
        }
        tables.sort(Comparator.comparing(TableId::toString));
        return tables;
    }

    /**
     * The table's definition, looked up with exactly the id's catalog and schema (null: not used to
     * narrow the search); empty when no such table exists.
     */
    static Optional<TableDefinition> describeTable(Connection connection, TableId id) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String escape = metadata.getSearchStringEscape();
        String schemaPattern = pattern(id.schema(), escape);
        String tablePattern = pattern(id.table(), escape);
        Optional<String> type = tableType(metadata, id, schemaPattern, tablePattern);
        if (type.isEmpty()) {
            return Optional.empty();
        }
        Set<String> keys = primaryKey(metadata, id);
        List<ColumnDefinition> columns = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        try (ResultSet rows = metadata.getColumns(id.catalog(), schemaPattern, tablePattern, "%")) {
            while (rows.next()) {
                if (!id.table().equals(rows.getString("TABLE_NAME"))) {
                    continue;
                }
                String name = rows.getString("COLUMN_NAME");
                columns.add(new ColumnDefinition(name, rows.getInt("DATA_TYPE"), rows.getString("TYPE_NAME"),
                        rows.getInt("COLUMN_SIZE"), rows.getInt("DECIMAL_DIGITS"),
                        rows.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        "YES".equalsIgnoreCase(rows.getString("IS_AUTOINCREMENT")), keys.contains(name),
                        rows.getString("COLUMN_DEF") != null));
                positions.add(rows.getInt("ORDINAL_POSITION"));
            }
        }
        List<ColumnDefinition> ordered = new ArrayList<>(columns);
        ordered.sort(Comparator.comparingInt(column -> positions.get(columns.indexOf(column))));
        return Optional.of(new TableDefinition(id, type.get(), ordered));
    }

    private static Optional<String> tableType(DatabaseMetaData metadata, TableId id, String schemaPattern,
            String tablePattern) throws SQLException {
        try (ResultSet rows = metadata.getTables(id.catalog(), schemaPattern, tablePattern, null)) {
            while (rows.next()) {
                if (id.table().equals(rows.getString("TABLE_NAME"))) {
                    return Optional.of(rows.getString("TABLE_TYPE"));
                }
            }
        }
        return Optional.empty();
    }

    private static Set<String> primaryKey(DatabaseMetaData metadata, TableId id) throws SQLException {
        Set<String> keys = new HashSet<>();
        try (ResultSet rows = metadata.getPrimaryKeys(id.catalog(), id.schema(), id.table())) {
            while (rows.next()) {
                keys.add(rows.getString("COLUMN_NAME"));
            }
        }
        return keys;
    }

    /** A metadata search pattern matching exactly the name: its {@code _} and {@code %} escaped. */
    private static String pattern(String name, String escape) {
        if (name == null || escape == null || escape.isEmpty()) {
            return name;
        }
        return name.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
    }

    /** The columns of a query's result, none of them a key. */
    static List<ColumnDefinition> describeResult(ResultSetMetaData metadata) throws SQLException {
        List<ColumnDefinition> columns = new ArrayList<>(metadata.getColumnCount());
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(new ColumnDefinition(metadata.getColumnLabel(i), metadata.getColumnType(i),
                    metadata.getColumnTypeName(i), metadata.getPrecision(i), metadata.getScale(i),
                    metadata.isNullable(i) != ResultSetMetaData.columnNoNulls, metadata.isAutoIncrement(i), false, false));
        }
        return columns;
    }
}
