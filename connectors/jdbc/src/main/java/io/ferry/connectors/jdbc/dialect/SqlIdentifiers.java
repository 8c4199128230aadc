package io.ferry.connectors.jdbc.dialect;

import java.util.ArrayList;
import java.util.List;

/**
 * Quoting and splitting of identifiers for a database whose quoted identifiers are enclosed in one
 * character that is doubled inside them ({@code "a""b"} in PostgreSQL and SQLite, {@code `a``b`} in MariaDB).
 */
final class SqlIdentifiers {
    private final char quote;

    SqlIdentifiers(char quote) {
        this.quote = quote;
    }

    String quote(String identifier) {
        String doubled = String.valueOf(quote) + quote;
        return quote + identifier.replace(String.valueOf(quote), doubled) + quote;
    }

    /** The present parts of the id, each quoted, joined with dots. */
    String qualified(TableId table) {
        StringBuilder sql = new StringBuilder();
        if (table.catalog() != null) {
            sql.append(quote(table.catalog())).append('.');
        }
        if (table.schema() != null) {
            sql.append(quote(table.schema())).append('.');
        }
        return sql.append(quote(table.table())).toString();
    }

    /**
     * The dot-separated parts of a user's table name; quoted parts keep their dots and case, doubled
     * quotes inside them become one. Accepts the dialect's quote and the standard double quote.
     *
     * @throws IllegalArgumentException for an empty part or an unclosed quote
     */
    List<String> split(String name) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        int i = 0;
        boolean quotedPart = false;
        while (i < name.length()) {
            char c = name.charAt(i);
            if ((c == quote || c == '"') && part.isEmpty() && !quotedPart) {
                i = readQuoted(name, i, c, part);
                quotedPart = true;
            } else if (c == '.') {
                parts.add(checked(name, part, quotedPart));
                part.setLength(0);
                quotedPart = false;
                i++;
            } else if (quotedPart) {
                throw new IllegalArgumentException("Unexpected text after a quoted part in table name " + name);
            } else {
                part.append(c);
                i++;
            }
        }
        parts.add(checked(name, part, quotedPart));
        return parts;
    }

    /** Reads a quoted part starting at {@code start}; returns the index after its closing quote. */
    private static int readQuoted(String name, int start, char q, StringBuilder part) {
        int i = start + 1;
        while (i < name.length()) {
            char c = name.charAt(i);
            if (c == q) {
                if (i + 1 < name.length() && name.charAt(i + 1) == q) {
                    part.append(q);
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            part.append(c);
            i++;
        }
        throw new IllegalArgumentException("Unclosed quote in table name " + name);
    }

    private static String checked(String name, StringBuilder part, boolean quoted) {
        String text = quoted ? part.toString() : part.toString().strip();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("Empty part in table name '" + name + "'");
        }
        return text;
    }

    /**
     * Assigns up to three parsed parts to a table id from the right: table, then schema (when the
     * database has schemas), then catalog.
     */
    static TableId toTableId(String name, List<String> parts, boolean hasSchemas, boolean hasCatalogs) {
        int max = 1 + (hasSchemas ? 1 : 0) + (hasCatalogs ? 1 : 0);
        if (parts.size() > max) {
            throw new IllegalArgumentException("Table name '" + name + "' has " + parts.size()
                    + " parts; at most " + max + " here");
        }
        String table = parts.get(parts.size() - 1);
        String schema = null;
        String catalog = null;
        int next = parts.size() - 2;
        if (hasSchemas && next >= 0) {
            schema = parts.get(next--);
        }
        if (hasCatalogs && next >= 0) {
            catalog = parts.get(next);
        }
        return new TableId(catalog, schema, table);
    }
}
