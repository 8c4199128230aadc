package io.ferry.registry.compat.json;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A number's upper or lower bound when either schema writes it the draft-4 way, with a boolean
 * {@code exclusiveMaximum}/{@code exclusiveMinimum} that modifies {@code maximum}/{@code minimum}. Each side's
 * bound is read as a value and whether it is exclusive (a later draft's numeric exclusive keyword, or the
 * tighter of the two keywords when a schema has both, so draft 4 may be compared with a later draft). The
 * value is compared as {@code maximum}/{@code minimum} are; only when the values are equal does a change of
 * exclusiveness count, at {@code exclusiveMaximum}/{@code exclusiveMinimum}, because a looser value already
 * decides whether the reader accepts every number the writer did.
 */
final class ModifierBounds {

    /** One direction: its keywords and its difference types. */
    enum Direction {
        UPPER("maximum", "exclusiveMaximum", KeywordBounds.Types.named("MAXIMUM"),
                KeywordBounds.Types.named("EXCLUSIVE_MAXIMUM")),
        LOWER("minimum", "exclusiveMinimum", KeywordBounds.Types.named("MINIMUM"),
                KeywordBounds.Types.named("EXCLUSIVE_MINIMUM"));

        private final String inclusiveKeyword;
        private final String exclusiveKeyword;
        private final KeywordBounds.Types valueTypes;
        private final KeywordBounds.Types exclusiveTypes;

        Direction(String inclusiveKeyword, String exclusiveKeyword, KeywordBounds.Types valueTypes,
                KeywordBounds.Types exclusiveTypes) {
            this.inclusiveKeyword = inclusiveKeyword;
            this.exclusiveKeyword = exclusiveKeyword;
            this.valueTypes = valueTypes;
            this.exclusiveTypes = exclusiveTypes;
        }

        /** Whether {@code candidate} is a tighter bound than {@code than} in this direction. */
        private boolean tighter(BigDecimal candidate, BigDecimal than) {
            int order = candidate.compareTo(than);
            return this == UPPER ? order < 0 : order > 0;
        }
    }

    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private ModifierBounds() {
    }

    /** Whether either schema writes this direction's exclusive keyword as a draft-4 boolean. */
    static boolean applies(Direction direction, SchemaNode original, SchemaNode update) {
        return isBoolean(original.keyword(direction.exclusiveKeyword))
                || isBoolean(update.keyword(direction.exclusiveKeyword));
    }

    static void compare(List<JsonDifference> out, Direction direction, SchemaNode original, SchemaNode update) {
        Bound before = bound(direction, original);
        Bound after = bound(direction, update);
        KeywordBounds.Types values = direction.valueTypes;
        if (before == null && after == null) {
            return;
        }
        if (before == null || after == null) {
            out.add(JsonDifference.at(direction.inclusiveKeyword, before == null ? values.added() : values.removed()));
        } else if (before.value().compareTo(after.value()) != 0) {
            out.add(JsonDifference.at(direction.inclusiveKeyword,
                    before.value().compareTo(after.value()) < 0 ? values.increased() : values.decreased()));
        } else if (before.exclusive() != after.exclusive()) {
            KeywordBounds.Types exclusive = direction.exclusiveTypes;
            out.add(JsonDifference.at(direction.exclusiveKeyword,
                    after.exclusive() ? exclusive.added() : exclusive.removed()));
        }
    }

    /** The schema's bound in this direction, or {@code null} when it has none. */
    private static Bound bound(Direction direction, SchemaNode schema) {
        BigDecimal inclusive = KeywordBounds.number(schema.keyword(direction.inclusiveKeyword));
        JsonNode exclusiveKeyword = schema.keyword(direction.exclusiveKeyword);
        if (isBoolean(exclusiveKeyword)) {
            return inclusive == null ? null : new Bound(inclusive, exclusiveKeyword.booleanValue());
        }
        BigDecimal exclusive = KeywordBounds.number(exclusiveKeyword);
        if (exclusive == null) {
            return inclusive == null ? null : new Bound(inclusive, false);
        }
        if (inclusive == null || !direction.tighter(inclusive, exclusive)) {
            return new Bound(exclusive, true);
        }
        return new Bound(inclusive, false);
    }

    private static boolean isBoolean(JsonNode keyword) {
        return keyword != null && keyword.isBoolean();
    }
}
