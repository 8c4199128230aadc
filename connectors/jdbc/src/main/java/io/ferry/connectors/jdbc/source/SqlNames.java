package io.ferry.connectors.jdbc.source;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;

/** Table and column names as SQL text, quoted or not as {@code quote.sql.identifiers} says. */
record SqlNames(JdbcDialect dialect, boolean quote) {

    String column(String name) {
        return quote ? dialect.quote(name) : name;
    }

    String table(TableId table) {
        return quote ? dialect.qualified(table) : table.toString();
    }

    /** {@code COALESCE(a, b)} of several columns, the bare column of one. */
    String coalesce(java.util.List<String> columns) {
        if (columns.size() == 1) {
            return column(columns.get(0));
        }
        return "COALESCE(" + String.join(", ", columns.stream().map(this::column).toList()) + ")";
    }
}
