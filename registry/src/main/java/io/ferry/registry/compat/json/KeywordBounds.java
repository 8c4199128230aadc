package io.ferry.registry.compat.json;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A numeric keyword (a length, a bound, a count) compared between the writer's and the reader's schema:
 * added, removed, increased or decreased. Whether that helps or hurts a reader is the difference type's.
 */
final class KeywordBounds {

    /** The four difference types of one keyword. */
    record Types(JsonDifferenceType added, JsonDifferenceType removed, JsonDifferenceType increased,
            JsonDifferenceType decreased) {

        /** The types named {@code <prefix>_ADDED}, {@code _REMOVED}, {@code _INCREASED}, {@code _DECREASED}. */
        static Types named(String prefix) {
            return new Types(JsonDifferenceType.valueOf(prefix + "_ADDED"),
                    JsonDifferenceType.valueOf(prefix + "_REMOVED"), JsonDifferenceType.valueOf(prefix + "_INCREASED"),
                    JsonDifferenceType.valueOf(prefix + "_DECREASED"));
        }
    }

    private KeywordBounds() {
    }

    static void compare(List<JsonDifference> out, String keyword, SchemaNode original, SchemaNode update,
            Types types) {
        BigDecimal before = number(original.keyword(keyword));
        BigDecimal after = number(update.keyword(keyword));
        if (before == null && after == null || before != null && after != null && before.compareTo(after) == 0) {
            return;
        }
        JsonDifferenceType type;
        if (before == null) {
            type = types.added();
        } else if (after == null) {
            type = types.removed();
        } else {
            type = before.compareTo(after) < 0 ? types.increased() : types.decreased();
        }
        out.add(JsonDifference.at(keyword, type));
    }

    /** The keyword's number; {@code null} when absent or not a number (a draft-4 boolean exclusive bound). */
    static BigDecimal number(JsonNode value) {
        return value != null && value.isNumber() ? value.decimalValue() : null;
    }
}
