package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * What an object or array allows beyond the members (properties, tuple items) it declares: anything (open),
 * nothing (closed: {@code false}) or what a schema allows (partially open). The model is the
 * {@code additionalProperties} or additional-items keyword when present, else {@code unevaluatedProperties}
 * or {@code unevaluatedItems} (2019-09), which then play the same part for the members declared alongside;
 * absent or {@code true}, it is open. The difference types are named alike for both:
 * {@code PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL}, {@code ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL}.
 *
 * @param member             how difference types name a member: {@code PROPERTY} or {@code ITEM}
 * @param keywordPrefix      how difference types name the additional keyword: {@code ADDITIONAL_PROPERTIES}
 *                           or {@code ADDITIONAL_ITEMS}
 * @param additional         the additional keyword's value in a schema, or {@code null}
 * @param unevaluatedKeyword {@code unevaluatedProperties} or {@code unevaluatedItems}
 */
record ContentModel(String member, String keywordPrefix, Function<SchemaNode, JsonNode> additional,
        String unevaluatedKeyword) {

    static final ContentModel PROPERTIES = new ContentModel("PROPERTY", "ADDITIONAL_PROPERTIES",
            schema -> schema.keyword("additionalProperties"), "unevaluatedProperties");

    /**
     * Additional items are {@code additionalItems} beside a tuple given as an {@code items} array, and
     * {@code items} beside a 2020-12 {@code prefixItems} tuple.
     */
    static final ContentModel ITEMS = new ContentModel("ITEM", "ADDITIONAL_ITEMS",
            schema -> schema.keyword(schema.keyword("prefixItems") != null ? "items" : "additionalItems"),
            "unevaluatedItems");

    /** The keyword that decides the model: the additional keyword, else the unevaluated one. */
    private JsonNode model(SchemaNode schema) {
        JsonNode declared = additional.apply(schema);
        return declared != null ? declared : schema.keyword(unevaluatedKeyword);
    }

    boolean permitsAdditional(SchemaNode schema) {
        return permits(model(schema));
    }

    /** The model's schema, or {@code null} when it is absent or a boolean. */
    JsonNode additionalSchema(SchemaNode schema) {
        return schemaOf(model(schema));
    }

    /** Open: anything beyond the declared members is allowed. */
    boolean isOpen(SchemaNode schema) {
        return permitsAdditional(schema) && additionalSchema(schema) == null;
    }

    /** The additional keyword compared, under its own name in the path's caller. */
    List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        return compareKeyword(comparator, original, additional.apply(original), update, additional.apply(update),
                keywordPrefix);
    }

    /**
     * The unevaluated keyword compared, as the additional one is, with types named
     * {@code UNEVALUATED_<PROPERTIES|ITEMS>_...}; at its own path segment, and nothing when neither has it.
     */
    List<JsonDifference> compareUnevaluated(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        JsonNode before = original.keyword(unevaluatedKeyword);
        JsonNode after = update.keyword(unevaluatedKeyword);
        if (before == null && after == null) {
            return List.of();
        }
        String prefix = "UNEVALUATED_" + keywordPrefix.substring("ADDITIONAL_".length());
        return JsonDifference.under(unevaluatedKeyword,
                compareKeyword(comparator, original, before, update, after, prefix));
    }

    /** Allowed or not, then a schema appearing, disappearing or changing; absent reads as {@code true}. */
    private static List<JsonDifference> compareKeyword(SchemaComparator comparator, SchemaNode original,
            JsonNode before, SchemaNode update, JsonNode after, String prefix) {
        boolean permittedBefore = permits(before);
        boolean permittedAfter = permits(after);
        JsonNode schemaBefore = schemaOf(before);
        JsonNode schemaAfter = schemaOf(after);
        if (permittedBefore != permittedAfter) {
            return List.of(JsonDifference.here(type(prefix, permittedAfter ? "_ADDED" : "_REMOVED")));
        }
        if (schemaBefore == null && schemaAfter != null) {
            return List.of(JsonDifference.here(type(prefix, "_NARROWED")));
        }
        if (schemaBefore != null && schemaAfter == null) {
            return List.of(JsonDifference.here(type(prefix, "_EXTENDED")));
        }
        return comparator.compareOptional(original, schemaBefore, update, schemaAfter);
    }

    private static boolean permits(JsonNode keyword) {
        return keyword == null || !keyword.isBoolean() || keyword.booleanValue();
    }

    private static JsonNode schemaOf(JsonNode keyword) {
        return keyword != null && keyword.isObject() ? keyword : null;
    }

    /**
     * A member the writer declares and the reader does not, judged by the reader's model: fine when open;
     * when partially open, fine if the model's schema reads it; when closed, fine only if the writer's schema
     * for it was {@code false}.
     *
     * @param covering the schema the reader's partially open model gives the member, or {@code null}
     */
    List<JsonDifference> removed(SchemaComparator comparator, SchemaNode original, JsonNode declared,
            SchemaNode update, boolean readerOpen, JsonNode covering) {
        if (readerOpen) {
            return List.of(JsonDifference.here(type(member, "_REMOVED_FROM_OPEN_CONTENT_MODEL")));
        }
        if (covering != null) {
            return covered(comparator, comparator.compareOptional(original, declared, update, covering), "_REMOVED");
        }
        return List.of(JsonDifference.here(original.child(declared).is(Kind.FALSE)
                ? type(member, "_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL")
                : type(member, "_REMOVED_FROM_CLOSED_CONTENT_MODEL")));
    }

    /** A member the reader declares and the writer's partially open model covers with {@code covering}. */
    List<JsonDifference> addedUnderCovering(SchemaComparator comparator, SchemaNode original, JsonNode covering,
            SchemaNode update, JsonNode declared) {
        return covered(comparator, comparator.compareOptional(original, covering, update, declared), "_ADDED");
    }

    /** The comparison against the covering schema, then whether that schema covers the member. */
    private List<JsonDifference> covered(SchemaComparator comparator, List<JsonDifference> found, String change) {
        List<JsonDifference> out = new ArrayList<>(found);
        String verdict = comparator.tolerates(found) ? "_IS_COVERED" : "_NOT_COVERED";
        out.add(JsonDifference.here(type(member, change + verdict + "_BY_PARTIALLY_OPEN_CONTENT_MODEL")));
        return out;
    }

    private static JsonDifferenceType type(String prefix, String suffix) {
        return JsonDifferenceType.valueOf(prefix + suffix);
    }
}
