package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * What an object or array allows beyond the members (properties, tuple items) it declares, through
 * {@code additionalProperties} or {@code additionalItems}: anything (open: absent or {@code true}), nothing
 * (closed: {@code false}) or what a schema allows (partially open). The difference types are named alike for
 * both: {@code PROPERTY_REMOVED_FROM_OPEN_CONTENT_MODEL}, {@code ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL}.
 *
 * @param keyword       {@code additionalProperties} or {@code additionalItems}
 * @param member        how difference types name a member: {@code PROPERTY} or {@code ITEM}
 * @param keywordPrefix how difference types name the keyword: {@code ADDITIONAL_PROPERTIES} or
 *                      {@code ADDITIONAL_ITEMS}
 */
record ContentModel(String keyword, String member, String keywordPrefix) {

    static final ContentModel PROPERTIES =
            new ContentModel("additionalProperties", "PROPERTY", "ADDITIONAL_PROPERTIES");
    static final ContentModel ITEMS = new ContentModel("additionalItems", "ITEM", "ADDITIONAL_ITEMS");

    boolean permitsAdditional(SchemaNode schema) {
        JsonNode additional = schema.keyword(keyword);
        return additional == null || !additional.isBoolean() || additional.booleanValue();
    }

    /** The keyword's schema, or {@code null} when it is absent or a boolean. */
    JsonNode additionalSchema(SchemaNode schema) {
        JsonNode additional = schema.keyword(keyword);
        return additional != null && additional.isObject() ? additional : null;
    }

    /** Open through this keyword alone. */
    boolean isOpen(SchemaNode schema) {
        return permitsAdditional(schema) && additionalSchema(schema) == null;
    }

    /** The keyword compared: allowed or not, then a schema appearing, disappearing or changing. */
    List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        boolean permittedBefore = permitsAdditional(original);
        boolean permittedAfter = permitsAdditional(update);
        JsonNode schemaBefore = additionalSchema(original);
        JsonNode schemaAfter = additionalSchema(update);
        if (permittedBefore != permittedAfter) {
            return List.of(JsonDifference.here(type(keywordPrefix, permittedAfter ? "_ADDED" : "_REMOVED")));
        }
        if (schemaBefore == null && schemaAfter != null) {
            return List.of(JsonDifference.here(type(keywordPrefix, "_NARROWED")));
        }
        if (schemaBefore != null && schemaAfter == null) {
            return List.of(JsonDifference.here(type(keywordPrefix, "_EXTENDED")));
        }
        return comparator.compareOptional(original, schemaBefore, update, schemaAfter);
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
