package io.ferry.connectors.jdbc.dialect;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * A table's name: catalog (the database in MariaDB, the database in PostgreSQL), schema (PostgreSQL's
 * schema; none in MariaDB and SQLite) and table. Absent parts are {@code null}.
 */
public record TableId(String catalog, String schema, String table) {
    public TableId {
        Objects.requireNonNull(table, "table");
    }

    /** A table named by its table part only. */
    public static TableId of(String table) {
        return new TableId(null, null, table);
    }

    /** The parts that are present, joined with dots and unquoted: {@code shop.public.orders}. */
    @Override
    public String toString() {
        StringJoiner joined = new StringJoiner(".");
        if (catalog != null) {
            joined.add(catalog);
        }
        if (schema != null) {
            joined.add(schema);
        }
        return joined.add(table).toString();
    }
}
