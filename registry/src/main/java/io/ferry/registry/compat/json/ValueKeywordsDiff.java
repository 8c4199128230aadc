package io.ferry.registry.compat.json;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/** The keywords that list allowed or forbidden values: {@code enum}, {@code const} and {@code not}. */
final class ValueKeywordsDiff {

    private ValueKeywordsDiff() {
    }

    /** More values for the reader extends the enum; fewer narrows it; some of each changes it. */
    static List<JsonDifference> enumValues(SchemaNode original, SchemaNode update) {
        Set<JsonNode> before = values(original.keyword("enum"));
        Set<JsonNode> after = values(update.keyword("enum"));
        if (before.equals(after)) {
            return List.of();
        }
        JsonDifferenceType type;
        if (after.containsAll(before)) {
            type = JsonDifferenceType.ENUM_ARRAY_EXTENDED;
        } else if (before.containsAll(after)) {
            type = JsonDifferenceType.ENUM_ARRAY_NARROWED;
        } else {
            type = JsonDifferenceType.ENUM_ARRAY_CHANGED;
        }
        return List.of(JsonDifference.at("enum", type));
    }

    static List<JsonDifference> constValue(SchemaNode original, SchemaNode update) {
        return original.keyword("const").equals(update.keyword("const"))
                ? List.of() : List.of(JsonDifference.at("const", JsonDifferenceType.ENUM_ARRAY_CHANGED));
    }

    /**
     * The reader may forbid less than the writer did: its {@code not} schema must be one the writer's could
     * read, so the two are compared the other way round. Only the verdict is reported.
     */
    static List<JsonDifference> not(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        List<JsonDifference> reversed =
                comparator.compare(update.child(update.keyword("not")), original.child(original.keyword("not")));
        return List.of(JsonDifference.at("not", comparator.tolerates(reversed)
                ? JsonDifferenceType.NOT_TYPE_NARROWED : JsonDifferenceType.NOT_TYPE_EXTENDED));
    }

    private static Set<JsonNode> values(JsonNode array) {
        Set<JsonNode> values = new LinkedHashSet<>();
        if (array != null) {
            array.forEach(values::add);
        }
        return values;
    }
}
