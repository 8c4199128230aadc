package io.ferry.connectors.jdbc.source;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.TableId;

/**
 * The task key {@code tables}: fully named tables in one string. Tables are separated by {@code ,} and a
 * table's parts by {@code .}; {@code %}, {@code .} and {@code ,} inside a part are percent-escaped and an
 * absent part is empty, so any name survives the trip, whatever the database allows in identifiers.
 */
final class TableList {
    private TableList() {
    }

    static String encode(List<TableId> tables) {
        List<String> encoded = new ArrayList<>(tables.size());
        for (TableId table : tables) {
            encoded.add(part(table.catalog()) + "." + part(table.schema()) + "." + part(table.table()));
        }
        return String.join(",", encoded);
    }

    static List<TableId> decode(String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(value.split(",", -1)).map(TableList::table).toList();
    }

    private static TableId table(String encoded) {
        String[] parts = encoded.split("\\.", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException("not an encoded table: " + encoded);
        }
        return new TableId(unpart(parts[0]), unpart(parts[1]), unescape(parts[2]));
    }

    private static String part(String value) {
        return value == null ? "" : value.replace("%", "%25").replace(".", "%2E").replace(",", "%2C");
    }

    private static String unpart(String value) {
        return value.isEmpty() ? null : unescape(value);
    }

    private static String unescape(String value) {
        return value.replace("%2C", ",").replace("%2E", ".").replace("%25", "%");
    }
}
