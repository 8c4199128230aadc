package io.ferry.connectors.jdbc.dialect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.postgresql.PGResultSetMetaData;

/**
 * What PostgreSQL's catalog knows about a table's column types and the driver's column metadata does not
 * say: the base type of a domain (the driver reports a domain as {@link Types#DISTINCT} by its own name,
 * while a query's result already carries the base type), the dimensions an array column declares,
 * which neither the driver's column metadata nor a result's says, and what the elements of an array of a
 * user-defined type are (domain, enum or composite type), which both name by the array type alone.
 */
final class PostgresColumnTypes {
    private PostgresColumnTypes() {
    }

    /** The table with its domains resolved to their base types and its arrays' declared dimensions. */
    static TableDefinition resolve(Connection connection, TableDefinition table, SqlIdentifiers identifiers) throws SQLException {
        List<ColumnDefinition> columns = resolveDomains(connection, table, identifiers);
        Map<String, Integer> dimensions = arrayDimensions(connection, table, identifiers, columns);
        if (!dimensions.isEmpty()) {
            columns = columns.stream()
                    .map(column -> column.withArrayDimensions(dimensions.getOrDefault(column.name(), 0)))
                    .toList();
        }
        return new TableDefinition(table.id(), table.type(), resolveElements(connection, columns));
    }

    /**
     * A result's array columns with the dimensions their table declares, for the columns that come straight
     * from a table column (the driver names it); computed columns keep one dimension.
     */
    static List<ColumnDefinition> resolveArrays(ResultSet result, List<ColumnDefinition> columns, SqlIdentifiers identifiers)
            throws SQLException {
        if (columns.stream().noneMatch(PostgresArrays::isArray)) {
            return columns;
        }
        Connection connection = result.getStatement().getConnection();
        PGResultSetMetaData metadata = result.getMetaData().unwrap(PGResultSetMetaData.class);
        List<ColumnDefinition> resolved = new ArrayList<>(columns.size());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT attndims FROM pg_catalog.pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped")) {
            for (int i = 0; i < columns.size(); i++) {
                ColumnDefinition column = columns.get(i);
                String table = PostgresArrays.isArray(column) ? metadata.getBaseTableName(i + 1) : "";
                if (table.isEmpty()) {
                    resolved.add(column);
                    continue;
                }
                String schema = metadata.getBaseSchemaName(i + 1);
                statement.setString(1, identifiers.qualified(new TableId(null, schema.isEmpty() ? null : schema, table)));
                statement.setString(2, metadata.getBaseColumnName(i + 1));
                try (ResultSet rows = statement.executeQuery()) {
                    resolved.add(rows.next() && rows.getInt(1) > 1 ? column.withArrayDimensions(rows.getInt(1)) : column);
                }
            }
        }
        return resolveElements(connection, resolved);
    }

    /**
     * Array columns whose element type is not one of PostgreSQL's own with the element type described as
     * a column of it would be: the server describes a value of a domain as the domain's base type with its
     * modifiers, an enum as VARCHAR and a composite type as STRUCT. Other columns are kept as they are.
     */
    static List<ColumnDefinition> resolveElements(Connection connection, List<ColumnDefinition> columns) throws SQLException {
        if (columns.stream().noneMatch(PostgresColumnTypes::hasUserDefinedElements)) {
            return columns;
        }
        List<ColumnDefinition> resolved = new ArrayList<>(columns.size());
        try (PreparedStatement elementOf = connection.prepareStatement(
                "SELECT typelem::regtype::text FROM pg_catalog.pg_type WHERE oid = to_regtype(?) AND typelem <> 0")) {
            for (ColumnDefinition column : columns) {
                resolved.add(hasUserDefinedElements(column) ? withElement(connection, elementOf, column) : column);
            }
        }
        return resolved;
    }

    private static boolean hasUserDefinedElements(ColumnDefinition column) {
        return PostgresArrays.isArray(column) && column.element() == null
                && !PostgresArrays.isBuiltInElement(column.typeName().substring(1));
    }

    private static ColumnDefinition withElement(Connection connection, PreparedStatement elementOf, ColumnDefinition column)
            throws SQLException {
        String elementType;
        elementOf.setString(1, column.typeName());
        try (ResultSet rows = elementOf.executeQuery()) {
            if (!rows.next()) {
                return column; // not an array type the catalog knows by this name: left unmapped
            }
            elementType = rows.getString(1);
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT NULL::" + elementType + " WHERE false")) {
            ResultSetMetaData metadata = result.getMetaData();
            return column.withElement(new ColumnDefinition(column.name(), metadata.getColumnType(1),
                    metadata.getColumnTypeName(1), metadata.getPrecision(1), metadata.getScale(1), true, false, false, false));
        }
    }

    /** The table's schema-qualified name: the database part would make to_regclass refuse it. */
    private static String localName(TableDefinition table, SqlIdentifiers identifiers) {
        return identifiers.qualified(new TableId(null, table.id().schema(), table.id().table()));
    }

    /**
     * Domain columns take the type, precision and scale the server reports for them in a result: the base
     * type with the domain's modifier ({@code numeric(10,2)}), through any domain over a domain.
     */
    private static List<ColumnDefinition> resolveDomains(Connection connection, TableDefinition table,
            SqlIdentifiers identifiers) throws SQLException {
        List<ColumnDefinition> domains = table.columns().stream().filter(c -> c.jdbcType() == Types.DISTINCT).toList();
        if (domains.isEmpty()) {
            return table.columns();
        }
        String select = "SELECT " + domains.stream().map(c -> identifiers.quote(c.name())).collect(Collectors.joining(", "))
                + " FROM " + localName(table, identifiers) + " WHERE false";
        Map<String, ColumnDefinition> resolved = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(select)) {
            ResultSetMetaData metadata = result.getMetaData();
            for (int i = 0; i < domains.size(); i++) {
                ColumnDefinition domain = domains.get(i);
                resolved.put(domain.name(), domain.withType(metadata.getColumnType(i + 1), metadata.getColumnTypeName(i + 1),
                        metadata.getPrecision(i + 1), metadata.getScale(i + 1)));
            }
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            columns.add(resolved.getOrDefault(column.name(), column));
        }
        return columns;
    }

    /** The declared dimensions of the array columns that declare more than one ({@code pg_attribute.attndims}). */
    private static Map<String, Integer> arrayDimensions(Connection connection, TableDefinition table,
            SqlIdentifiers identifiers, List<ColumnDefinition> columns) throws SQLException {
        if (columns.stream().noneMatch(PostgresArrays::isArray)) {
            return Map.of();
        }
        Map<String, Integer> dimensions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT attname, attndims FROM pg_catalog.pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped AND attndims > 1")) {
            statement.setString(1, localName(table, identifiers));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    dimensions.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return dimensions;
    }
}
