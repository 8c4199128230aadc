package io.ferry.connectors.jdbc.dialect;

import java.util.List;
import java.util.Optional;

/** A table and its columns in ordinal order. {@code type} is the JDBC table type ({@code TABLE}, {@code VIEW}). */
public record TableDefinition(TableId id, String type, List<ColumnDefinition> columns) {
    public TableDefinition {
        columns = List.copyOf(columns);
    }

    /** The column of that name, matched exactly first and then ignoring case. */
    public Optional<ColumnDefinition> column(String name) {
        for (ColumnDefinition column : columns) {
            if (column.name().equals(name)) {
                return Optional.of(column);
            }
        }
        return columns.stream().filter(column -> column.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The primary-key columns in ordinal order. */
    public List<ColumnDefinition> primaryKey() {
        return columns.stream().filter(ColumnDefinition::primaryKey).toList();
    }
}
