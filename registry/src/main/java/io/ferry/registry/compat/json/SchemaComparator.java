package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Criterion;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * Lists the differences from a writer's schema (the "original") to a reader's schema (the "update"), as
 * Confluent Schema Registry's JSON Schema diff does, handing each kind of schema to its keyword group. Keeps
 * the pairs being compared, so that a recursive schema stops where it comes back to a pair, and remembers the
 * pairs compared, so that schemas whose parts refer to one another many times over are compared once per
 * pair. One instance per check; not thread-safe.
 */
final class SchemaComparator {

    private final JsonCompatibilityPolicy policy;
    private final Set<List<Object>> inProgress = new HashSet<>();
    private final Map<List<Object>, List<JsonDifference>> compared = new HashMap<>();

    SchemaComparator(JsonCompatibilityPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    /** Whether a reader tolerates every one of these differences under the policy. */
    boolean tolerates(List<JsonDifference> differences) {
        return differences.stream().allMatch(difference -> policy.tolerates(difference.type()));
    }

    /** Compares two keyword values that may be absent: a schema only the reader has is added, and so on. */
    List<JsonDifference> compareOptional(SchemaNode originalHolder, JsonNode original, SchemaNode updateHolder,
            JsonNode update) {
        if (original == null && update == null) {
            return List.of();
        }
        if (original == null) {
            return List.of(JsonDifference.here(JsonDifferenceType.SCHEMA_ADDED));
        }
        if (update == null) {
            return List.of(JsonDifference.here(JsonDifferenceType.SCHEMA_REMOVED));
        }
        return compare(originalHolder.child(original), updateHolder.child(update));
    }

    /** The differences, with paths relative to the two schemas. */
    List<JsonDifference> compare(SchemaNode original, SchemaNode update) {
        List<Object> pair = List.of(original.identity(), update.identity());
        List<JsonDifference> known = compared.get(pair);
        if (known != null) {
            return known;
        }
        if (!inProgress.add(pair)) {
            // Back at a pair being compared further up: what differs there is reported there.
            return List.of();
        }
        try {
            List<JsonDifference> found = List.copyOf(compareOnce(original, update));
            compared.put(pair, found);
            return found;
        } finally {
            inProgress.remove(pair);
        }
    }

    private List<JsonDifference> compareOnce(SchemaNode original, SchemaNode update) {
        List<JsonDifference> acrossCombination = acrossCombination(original, update);
        if (acrossCombination != null) {
            return acrossCombination;
        }
        if (original.kind() != update.kind()) {
            // Anything may be read with a schema that allows anything, and nothing was written with false.
            return original.is(Kind.FALSE) || update.is(Kind.EMPTY)
                    ? List.of() : List.of(JsonDifference.here(JsonDifferenceType.TYPE_CHANGED));
        }
        return sameKind(original, update);
    }

    /**
     * A combined schema against a plain one: a single part stands for the whole; a plain schema may become
     * one branch of an {@code anyOf}/{@code oneOf}, and an {@code allOf} may shrink to one of its parts.
     * {@code null} when neither applies.
     */
    private List<JsonDifference> acrossCombination(SchemaNode original, SchemaNode update) {
        boolean originalCombined = original.is(Kind.COMBINED);
        boolean updateCombined = update.is(Kind.COMBINED);
        if (!originalCombined && updateCombined) {
            List<SchemaNode> parts = update.parts();
            if (parts.size() == 1) {
                return ifTolerated(compare(original, parts.get(0)), null);
            }
            if (update.criterion() != Criterion.ALL_OF) {
                return firstTolerated(original, parts, true, JsonDifferenceType.SUM_TYPE_EXTENDED);
            }
        } else if (originalCombined && !updateCombined) {
            List<SchemaNode> parts = original.parts();
            if (parts.size() == 1) {
                return ifTolerated(compare(parts.get(0), update), null);
            }
            if (original.criterion() == Criterion.ALL_OF) {
                return firstTolerated(update, parts, false, JsonDifferenceType.PRODUCT_TYPE_NARROWED);
            }
        }
        return null;
    }

    private List<JsonDifference> firstTolerated(SchemaNode plain, List<SchemaNode> parts, boolean plainIsOriginal,
            JsonDifferenceType marker) {
        for (SchemaNode part : parts) {
            List<JsonDifference> found = plainIsOriginal ? compare(plain, part) : compare(part, plain);
            List<JsonDifference> tolerated = ifTolerated(found, marker);
            if (tolerated != null) {
                return tolerated;
            }
        }
        return null;
    }

    private List<JsonDifference> ifTolerated(List<JsonDifference> found, JsonDifferenceType marker) {
        if (!tolerates(found)) {
            return null;
        }
        List<JsonDifference> result = new ArrayList<>(found);
        if (marker != null) {
            result.add(JsonDifference.here(marker));
        }
        return result;
    }

    private List<JsonDifference> sameKind(SchemaNode original, SchemaNode update) {
        return switch (original.kind()) {
            case STRING -> ScalarKeywordsDiff.string(original, update);
            case NUMBER -> ScalarKeywordsDiff.number(original, update);
            case ENUM -> ValueKeywordsDiff.enumValues(original, update);
            case CONST -> ValueKeywordsDiff.constValue(original, update);
            case NOT -> ValueKeywordsDiff.not(this, original, update);
            case COMBINED -> new CombinedDiff(this).compare(original, update);
            case OBJECT -> ObjectDiff.compare(this, original, update);
            case ARRAY -> ArrayDiff.compare(this, original, update);
            case EMPTY, FALSE, NULL, BOOLEAN -> List.of();
        };
    }
}
