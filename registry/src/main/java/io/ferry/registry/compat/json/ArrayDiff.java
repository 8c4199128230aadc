package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * The keywords of arrays: {@code items} as one schema for every item; a tuple, given as an {@code items}
 * array (draft 4 to 2019-09) or as 2020-12 {@code prefixItems}, judged by the content model that
 * {@code additionalItems} (or, beside {@code prefixItems}, {@code items}) or else {@code unevaluatedItems}
 * gives, as properties are; {@code additionalItems}, {@code unevaluatedItems}, {@code contains}, then
 * {@code maxItems}, {@code minItems}, {@code uniqueItems}, {@code maxContains} and {@code minContains}. Both
 * tuple forms are reported at {@code items/<index>} and their additional items at {@code additionalItems}, so
 * a schema may move from one form to the other without a difference.
 */
final class ArrayDiff {

    private static final KeywordBounds.Types MAX_ITEMS = KeywordBounds.Types.named("MAX_ITEMS");
    private static final KeywordBounds.Types MIN_ITEMS = KeywordBounds.Types.named("MIN_ITEMS");
    private static final KeywordBounds.Types MAX_CONTAINS = KeywordBounds.Types.named("MAX_CONTAINS");
    private static final KeywordBounds.Types MIN_CONTAINS = KeywordBounds.Types.named("MIN_CONTAINS");

    private ArrayDiff() {
    }

    static List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        out.addAll(JsonDifference.under("items",
                comparator.compareOptional(original, allItems(original), update, allItems(update))));
        tuple(out, comparator, original, update);
        out.addAll(JsonDifference.under("additionalItems",
                ContentModel.ITEMS.compare(comparator, original, update)));
        out.addAll(ContentModel.ITEMS.compareUnevaluated(comparator, original, update));
        // The reader's contains schema must accept the item the writer's guaranteed.
        out.addAll(JsonDifference.under("contains", comparator.compareOptional(original,
                original.keyword("contains"), update, update.keyword("contains"))));
        KeywordBounds.compare(out, "maxItems", original, update, MAX_ITEMS);
        KeywordBounds.compare(out, "minItems", original, update, MIN_ITEMS);
        boolean uniqueBefore = unique(original);
        boolean uniqueAfter = unique(update);
        if (uniqueBefore != uniqueAfter) {
            out.add(JsonDifference.at("uniqueItems", uniqueBefore
                    ? JsonDifferenceType.UNIQUE_ITEMS_REMOVED : JsonDifferenceType.UNIQUE_ITEMS_ADDED));
        }
        KeywordBounds.compare(out, "maxContains", original, update, MAX_CONTAINS);
        KeywordBounds.compare(out, "minContains", original, update, MIN_CONTAINS);
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
                found = ContentModel.ITEMS.removed(comparator, original, before.get(i), update,
                        ContentModel.ITEMS.isOpen(update), ContentModel.ITEMS.additionalSchema(update));
            } else {
                found = added(comparator, original, update, after.get(i));
            }
            out.addAll(JsonDifference.under("items/" + i, found));
        }
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
            return ContentModel.ITEMS.addedUnderCovering(comparator, original, covering, update, item);
        }
        return List.of(JsonDifference.here(JsonDifferenceType.ITEM_ADDED_TO_CLOSED_CONTENT_MODEL));
    }

    /**
     * {@code items} given as one schema (or a boolean) for every item, else {@code null}; beside
     * {@code prefixItems} it covers only the items after the tuple.
     */
    private static JsonNode allItems(SchemaNode schema) {
        JsonNode items = schema.keyword("items");
        return items != null && !items.isArray() && schema.keyword("prefixItems") == null ? items : null;
    }

    private static List<JsonNode> tupleItems(SchemaNode schema) {
        JsonNode prefixItems = schema.keyword("prefixItems");
        JsonNode items = prefixItems != null ? prefixItems : schema.keyword("items");
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
