package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.registry.compat.json.SchemaNode.Criterion;

/**
 * {@code allOf}, {@code anyOf} and {@code oneOf} against each other: the criterion may only widen, and the
 * parts must pair up one to one, each writer's part with a reader's part that can read it, for as many parts
 * as the smaller side has. Parts are compared under {@code <criterion>/<index of the writer's part>}.
 */
final class CombinedDiff {

    private final SchemaComparator comparator;

    CombinedDiff(SchemaComparator comparator) {
        this.comparator = comparator;
    }

    List<JsonDifference> compare(SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        JsonDifferenceType criteria = criteria(original, update);
        if (criteria != null) {
            out.add(JsonDifference.here(criteria));
            if (criteria == JsonDifferenceType.COMBINED_TYPE_CHANGED) {
                return out;
            }
        }
        List<SchemaNode> before = distinct(original.parts());
        List<SchemaNode> after = distinct(update.parts());
        boolean product = update.criterion() == Criterion.ALL_OF;
        if (before.size() < after.size()) {
            out.add(JsonDifference.here(product
                    ? JsonDifferenceType.PRODUCT_TYPE_EXTENDED : JsonDifferenceType.SUM_TYPE_EXTENDED));
        } else if (before.size() > after.size()) {
            out.add(JsonDifference.here(product
                    ? JsonDifferenceType.PRODUCT_TYPE_NARROWED : JsonDifferenceType.SUM_TYPE_NARROWED));
        }
        SubschemaMatching matching = new SubschemaMatching(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            String segment = original.criterion().keyword() + "/" + i;
            for (int j = 0; j < after.size(); j++) {
                List<JsonDifference> found = comparator.compare(before.get(i), after.get(j));
                if (comparator.tolerates(found)) {
                    matching.allow(i, j, JsonDifference.under(segment, found));
                }
            }
        }
        List<List<JsonDifference>> matched = matching.maximum();
        matched.forEach(out::addAll);
        if (matched.size() < Math.min(before.size(), after.size())) {
            out.add(JsonDifference.here(JsonDifferenceType.COMBINED_TYPE_SUBSCHEMAS_CHANGED));
        }
        return out;
    }

    /** {@code null} for the same criterion. */
    private static JsonDifferenceType criteria(SchemaNode original, SchemaNode update) {
        Criterion before = original.criterion();
        Criterion after = update.criterion();
        if (before == after) {
            return null;
        }
        boolean widens = switch (after) {
            case ANY_OF -> true;
            case ONE_OF -> original.parts().size() == 1;
            case ALL_OF -> original.parts().size() == 1 && update.parts().size() == 1;
        };
        return widens ? JsonDifferenceType.COMBINED_TYPE_EXTENDED : JsonDifferenceType.COMBINED_TYPE_CHANGED;
    }

    /** Repeated parts count once. */
    private static List<SchemaNode> distinct(List<SchemaNode> parts) {
        Map<Object, SchemaNode> byContent = new LinkedHashMap<>();
        parts.forEach(part -> byContent.putIfAbsent(part.content(), part));
        return List.copyOf(byContent.values());
    }
}
