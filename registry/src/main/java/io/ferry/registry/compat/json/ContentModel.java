package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an object or array allows beyond what it declares, through {@code additionalProperties} or
 * {@code additionalItems}: anything (open: absent or {@code true}), nothing (closed: {@code false}) or what a
 * schema allows (partially open).
 *
 * @param keyword {@code additionalProperties} or {@code additionalItems}
 */
record ContentModel(String keyword) {

    static final ContentModel PROPERTIES = new ContentModel("additionalProperties");
    static final ContentModel ITEMS = new ContentModel("additionalItems");

    /** The difference types of the keyword itself. */
    record Types(JsonDifferenceType added, JsonDifferenceType removed, JsonDifferenceType extended,
            JsonDifferenceType narrowed) {
    }

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
    List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update, Types types) {
        boolean permittedBefore = permitsAdditional(original);
        boolean permittedAfter = permitsAdditional(update);
        JsonNode schemaBefore = additionalSchema(original);
        JsonNode schemaAfter = additionalSchema(update);
        if (permittedBefore != permittedAfter) {
            return List.of(JsonDifference.here(permittedAfter ? types.added() : types.removed()));
        }
        if (schemaBefore == null && schemaAfter != null) {
            return List.of(JsonDifference.here(types.narrowed()));
        }
        if (schemaBefore != null && schemaAfter == null) {
            return List.of(JsonDifference.here(types.extended()));
        }
        return comparator.compareOptional(original, schemaBefore, update, schemaAfter);
    }

    /** The comparison against a partially open model's schema, then whether that schema covers the member. */
    static List<JsonDifference> covered(SchemaComparator comparator, List<JsonDifference> found,
            JsonDifferenceType covered, JsonDifferenceType notCovered) {
        List<JsonDifference> out = new ArrayList<>(found);
        out.add(JsonDifference.here(comparator.tolerates(found) ? covered : notCovered));
        return out;
    }
}
