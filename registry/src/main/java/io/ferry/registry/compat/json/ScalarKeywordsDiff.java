package io.ferry.registry.compat.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** The keywords of strings ({@code maxLength}, {@code minLength}, {@code pattern}) and of numbers. */
final class ScalarKeywordsDiff {

    private static final KeywordBounds.Types MAX_LENGTH = KeywordBounds.Types.named("MAX_LENGTH");
    private static final KeywordBounds.Types MIN_LENGTH = KeywordBounds.Types.named("MIN_LENGTH");
    private static final KeywordBounds.Types MAXIMUM = KeywordBounds.Types.named("MAXIMUM");
    private static final KeywordBounds.Types MINIMUM = KeywordBounds.Types.named("MINIMUM");
    private static final KeywordBounds.Types EXCLUSIVE_MAXIMUM = KeywordBounds.Types.named("EXCLUSIVE_MAXIMUM");
    private static final KeywordBounds.Types EXCLUSIVE_MINIMUM = KeywordBounds.Types.named("EXCLUSIVE_MINIMUM");

    private ScalarKeywordsDiff() {
    }

    static List<JsonDifference> string(SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        KeywordBounds.compare(out, "maxLength", original, update, MAX_LENGTH);
        KeywordBounds.compare(out, "minLength", original, update, MIN_LENGTH);
        String before = text(original.keyword("pattern"));
        String after = text(update.keyword("pattern"));
        if (before == null && after != null) {
            out.add(JsonDifference.at("pattern", JsonDifferenceType.PATTERN_ADDED));
        } else if (before != null && after == null) {
            out.add(JsonDifference.at("pattern", JsonDifferenceType.PATTERN_REMOVED));
        } else if (before != null && !before.equals(after)) {
            out.add(JsonDifference.at("pattern", JsonDifferenceType.PATTERN_CHANGED));
        }
        return out;
    }

    static List<JsonDifference> number(SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        bounds(out, ModifierBounds.Direction.UPPER, original, update);
        bounds(out, ModifierBounds.Direction.LOWER, original, update);
        multipleOf(out, KeywordBounds.number(original.keyword("multipleOf")),
                KeywordBounds.number(update.keyword("multipleOf")));
        if (original.integer() != update.integer()) {
            // integer to number widens what a reader accepts; number to integer narrows it.
            out.add(JsonDifference.here(original.integer()
                    ? JsonDifferenceType.TYPE_EXTENDED : JsonDifferenceType.TYPE_NARROWED));
        }
        return out;
    }

    /**
     * Later drafts' bounds keyword by keyword, as Confluent Schema Registry compares them; a draft-4 boolean
     * exclusive keyword modifies its bound instead (see {@link ModifierBounds}).
     */
    private static void bounds(List<JsonDifference> out, ModifierBounds.Direction direction, SchemaNode original,
            SchemaNode update) {
        if (ModifierBounds.applies(direction, original, update)) {
            ModifierBounds.compare(out, direction, original, update);
        } else if (direction == ModifierBounds.Direction.UPPER) {
            KeywordBounds.compare(out, "maximum", original, update, MAXIMUM);
            KeywordBounds.compare(out, "exclusiveMaximum", original, update, EXCLUSIVE_MAXIMUM);
        } else {
            KeywordBounds.compare(out, "minimum", original, update, MINIMUM);
            KeywordBounds.compare(out, "exclusiveMinimum", original, update, EXCLUSIVE_MINIMUM);
        }
    }

    /** A reader whose divisor divides the writer's accepts every value the writer wrote. */
    private static void multipleOf(List<JsonDifference> out, BigDecimal before, BigDecimal after) {
        if (before == null && after == null || before != null && after != null && before.compareTo(after) == 0) {
            return;
        }
        JsonDifferenceType type;
        if (before == null) {
            type = JsonDifferenceType.MULTIPLE_OF_ADDED;
        } else if (after == null) {
            type = JsonDifferenceType.MULTIPLE_OF_REMOVED;
        } else if (divides(before, after)) {
            type = JsonDifferenceType.MULTIPLE_OF_EXPANDED;
        } else if (divides(after, before)) {
            type = JsonDifferenceType.MULTIPLE_OF_REDUCED;
        } else {
            type = JsonDifferenceType.MULTIPLE_OF_CHANGED;
        }
        out.add(JsonDifference.at("multipleOf", type));
    }

    private static boolean divides(BigDecimal divisor, BigDecimal dividend) {
        return divisor.signum() != 0 && dividend.remainder(divisor).signum() == 0;
    }

    private static String text(JsonNode value) {
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
