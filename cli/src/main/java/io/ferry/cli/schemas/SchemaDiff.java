package io.ferry.cli.schemas;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A structural diff of two schema documents (Avro or JSON Schema, as JSON). Objects are compared
 * key by key; arrays whose elements all have a {@code name} (Avro fields, enum-like lists of
 * records) are compared by that name, so a field added in the middle shows as one addition and a
 * field whose type changed as one change at {@code fields[NAME].type}; other arrays by position.
 * Pure and thread-safe.
 */
final class SchemaDiff {

    /** The kind of a difference. */
    enum Kind { ADDED, REMOVED, CHANGED }

    /**
     * One difference.
     *
     * @param path where, e.g. {@code fields[email]} or {@code fields[age].type}; empty for the whole document
     * @param before the old value, {@code null} for an addition
     * @param after the new value, {@code null} for a removal
     */
    record Change(Kind kind, String path, JsonNode before, JsonNode after) {
    }

    private SchemaDiff() {
    }

    /** The differences from {@code before} to {@code after}, in document order; empty when they are equal. */
    static List<Change> diff(JsonNode before, JsonNode after) {
        List<Change> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<Change> changes) {
        if (before.equals(after)) {
            return;
        }
        if (before.isObject() && after.isObject()) {
            compareEntries(path, entries(before), entries(after), changes);
        } else if (before.isArray() && after.isArray() && named(before) && named(after)) {
            compareEntries(path, byName(before), byName(after), changes);
        } else if (before.isArray() && after.isArray()) {
            compareEntries(path, byIndex(before), byIndex(after), changes);
        } else {
            changes.add(new Change(Kind.CHANGED, path, before, after));
        }
    }

    private static void compareEntries(String path, Map<String, JsonNode> before, Map<String, JsonNode> after, List<Change> changes) {
        Set<String> keys = new LinkedHashSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            String at = key.startsWith("[") || path.isEmpty() ? path + key : path + "." + key;
            JsonNode old = before.get(key);
            JsonNode now = after.get(key);
            if (old == null) {
                changes.add(new Change(Kind.ADDED, at, null, now));
            } else if (now == null) {
                changes.add(new Change(Kind.REMOVED, at, old, null));
            } else {
                compare(at, old, now, changes);
            }
        }
    }

    private static Map<String, JsonNode> entries(JsonNode object) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            entries.put(field.getKey(), field.getValue());
        }
        return entries;
    }

    private static boolean named(JsonNode array) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode element : array) {
            if (!element.path("name").isTextual() || !names.add(element.path("name").asText())) {
                return false;
            }
        }
        return !array.isEmpty();
    }

    private static Map<String, JsonNode> byName(JsonNode array) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        array.forEach(element -> entries.put("[" + element.path("name").asText() + "]", element));
        return entries;
    }

    private static Map<String, JsonNode> byIndex(JsonNode array) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        for (int i = 0; i < array.size(); i++) {
            entries.put("[" + i + "]", array.get(i));
        }
        return entries;
    }
}
