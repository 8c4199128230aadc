package io.ferry.registry.compat.json;

import static io.ferry.registry.compat.json.JsonDifferenceType.MAX_ITEMS_ADDED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MAX_ITEMS_DECREASED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MAX_ITEMS_INCREASED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MAX_ITEMS_REMOVED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MIN_ITEMS_ADDED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MIN_ITEMS_DECREASED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MIN_ITEMS_INCREASED;
import static io.ferry.registry.compat.json.JsonDifferenceType.MIN_ITEMS_REMOVED;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * The keywords of arrays: {@code items} as one schema for every item, {@code items} as a tuple (judged by
 * the content model {@code additionalItems} gives, as properties are), {@code additionalItems}, then
 * {@code maxItems}, {@code minItems} and {@code uniqueItems}.
 */
final class ArrayDiff {

    private static final KeywordBounds.Types MAX_ITEMS = new KeywordBounds.Types(
            MAX_ITEMS_ADDED, MAX_ITEMS_REMOVED, MAX_ITEMS_INCREASED, MAX_ITEMS_DECREASED);
    private static final KeywordBounds.Types MIN_ITEMS = new KeywordBounds.Types(
            MIN_ITEMS_ADDED, MIN_ITEMS_REMOVED, MIN_ITEMS_INCREASED, MIN_ITEMS_DECREASED);

    private static final ContentModel.Types ADDITIONAL_ITEMS = new ContentModel.Types(
            JsonDifferenceType.ADDITIONAL_ITEMS_ADDED, JsonDifferenceType.ADDITIONAL_ITEMS_REMOVED,
            JsonDifferenceType.ADDITIONAL_ITEMS_EXTENDED, JsonDifferenceType.ADDITIONAL_ITEMS_NARROWED);

    private ArrayDiff() {
    }

    static List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        out.addAll(JsonDifference.under("items",
                comparator.compareOptional(original, allItems(original), update, allItems(update))));
        tuple(out, comparator, original, update);
        out.addAll(JsonDifference.under("additionalItems",
                ContentModel.ITEMS.compare(comparator, original, update, ADDITIONAL_ITEMS)));
        KeywordBounds.compare(out, "maxItems", original, update, MAX_ITEMS);
        KeywordBounds.compare(out, "minItems", original, update, MIN_ITEMS);
        boolean uniqueBefore = unique(original);
        boolean uniqueAfter = unique(update);
        if (uniqueBefore != uniqueAfter) {
            out.add(JsonDifference.at("uniqueItems", uniqueBefore
                    ? JsonDifferenceType.UNIQUE_ITEMS_REMOVED : JsonDifferenceType.UNIQUE_ITEMS_ADDED));
        }
        return out;
    }

    private static void tuple(List<JsonDifference> out, SchemaComparator comparator, SchemaNode original,
            SchemaNode update) {
        List<JsonNode> before = tupleItems(original);
        List<JsonNode> after = tupleItems(update);
        for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
            List<JsonDifference> found;
            if (i < before.size() && i < after.size()) {
                found = comparator.compareOptional(original, before.get(i), update, after.get(i));
            } else if (i < before.size()) {
                found = removed(comparator, original, before.get(i), update);
            } else {
                found = added(comparator, original, update, after.get(i));
            }
            out.addAll(JsonDifference.under("items/" + i, found));
        }
    }

    private static List<JsonDifference> removed(SchemaComparator comparator, SchemaNode original, JsonNode item,
            SchemaNode update) {
        if (ContentModel.ITEMS.isOpen(update)) {
            return List.of(JsonDifference.here(JsonDifferenceType.ITEM_REMOVED_FROM_OPEN_CONTENT_MODEL));
        }
        JsonNode covering = ContentModel.ITEMS.additionalSchema(update);
        if (covering != null) {
            return ContentModel.covered(comparator, comparator.compareOptional(original, item, update, covering),
                    JsonDifferenceType.ITEM_REMOVED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    JsonDifferenceType.ITEM_REMOVED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        return List.of(JsonDifference.here(original.child(item).is(Kind.FALSE)
                ? JsonDifferenceType.ITEM_WITH_FALSE_REMOVED_FROM_CLOSED_CONTENT_MODEL
                : JsonDifferenceType.ITEM_REMOVED_FROM_CLOSED_CONTENT_MODEL));
    }

    private static List<JsonDifference> added(SchemaComparator comparator, SchemaNode original, SchemaNode update,
            JsonNode item) {
        if (ContentModel.ITEMS.isOpen(original)) {
            return List.of(JsonDifference.here(update.child(item).is(Kind.EMPTY)
                    ? JsonDifferenceType.ITEM_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL
                    : JsonDifferenceType.ITEM_ADDED_TO_OPEN_CONTENT_MODEL));
        }
        JsonNode covering = ContentModel.ITEMS.additionalSchema(original);
        if (covering != null) {
            return ContentModel.covered(comparator, comparator.compareOptional(original, covering, update, item),
                    JsonDifferenceType.ITEM_ADDED_IS_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL,
                    JsonDifferenceType.ITEM_ADDED_NOT_COVERED_BY_PARTIALLY_OPEN_CONTENT_MODEL);
        }
        return List.of(JsonDifference.here(JsonDifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL));
    }

    /** {@code items} given as one schema (or a boolean), else {@code null}. */
    private static JsonNode allItems(SchemaNode schema) {
        JsonNode items = schema.keyword("items");
        return items != null && !items.isArray() ? items : null;
    }

    private static List<JsonNode> tupleItems(SchemaNode schema) {
        JsonNode items = schema.keyword("items");
        List<JsonNode> tuple = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(tuple::add);
        }
        return tuple;
    }

    private static boolean unique(SchemaNode schema) {
        JsonNode unique = schema.keyword("uniqueItems");
        return unique != null && unique.asBoolean(false);
    }
}
