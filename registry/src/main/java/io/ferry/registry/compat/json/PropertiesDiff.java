package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.compat.json.SchemaNode.Kind;

/**
 * Properties added and removed, judged by the content model: open (any other property allowed, with any
 * value), closed ({@code additionalProperties: false}) or partially open (other properties allowed when they
 * match {@code patternProperties} or an {@code additionalProperties} schema). A property the reader lacks is
 * judged by the reader's model; one the writer lacks, by the writer's. Paths are the property names.
 */
final class PropertiesDiff {

    private PropertiesDiff() {
    }

    static List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        Map<String, JsonNode> before = ObjectDiff.properties(original);
        Map<String, JsonNode> after = ObjectDiff.properties(update);
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<JsonDifference> out = new ArrayList<>();
        for (String name : names) {
            List<JsonDifference> found;
            if (!after.containsKey(name)) {
                found = ContentModel.PROPERTIES.removed(comparator, original, before.get(name), update,
                        isOpen(update), coveringSchema(update, name));
            } else if (!before.containsKey(name)) {
                found = added(comparator, original, update, after.get(name), name);
            } else {
                found = comparator.compareOptional(original, before.get(name), update, after.get(name));
            }
            out.addAll(JsonDifference.under(name, found));
        }
        return out;
    }

    private static List<JsonDifference> added(SchemaComparator comparator, SchemaNode original, SchemaNode update,
            JsonNode property, String name) {
        boolean required = ObjectDiff.required(update).contains(name);
        boolean withDefault = ObjectDiff.hasDefault(property);
        if (isOpen(original)) {
            JsonDifferenceType type;
            if (update.child(property).is(Kind.EMPTY)) {
                type = JsonDifferenceType.PROPERTY_WITH_EMPTY_SCHEMA_ADDED_TO_OPEN_CONTENT_MODEL;
            } else if (!required) {
                type = JsonDifferenceType.OPTIONAL_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
            } else {
                type = withDefault ? JsonDifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_OPEN_CONTENT_MODEL
                        : JsonDifferenceType.REQUIRED_PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL;
            }
            return List.of(JsonDifference.here(type));
        }
        List<JsonDifference> out = new ArrayList<>();
        JsonNode covering = coveringSchema(original, name);
        if (covering != null) {
            out.addAll(ContentModel.PROPERTIES.addedUnderCovering(comparator, original, covering, update, property));
        }
        // Closed and partially open models alike: old data never has the property, so a reader that
        // requires it needs a default.
        JsonDifferenceType type;
        if (!required) {
            type = JsonDifferenceType.OPTIONAL_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
        } else {
            type = withDefault ? JsonDifferenceType.REQUIRED_PROPERTY_WITH_DEFAULT_ADDED_TO_UNOPEN_CONTENT_MODEL
                    : JsonDifferenceType.REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL;
        }
        out.add(JsonDifference.here(type));
        return out;
    }

    /** Any other property, with any value, is allowed. */
    private static boolean isOpen(SchemaNode schema) {
        return ObjectDiff.entries(schema.keyword("patternProperties")).isEmpty()
                && ContentModel.PROPERTIES.isOpen(schema);
    }

    /** The schema a partially open model gives a property it does not declare, or {@code null}. */
    private static JsonNode coveringSchema(SchemaNode schema, String name) {
        for (Map.Entry<String, JsonNode> pattern : ObjectDiff.entries(schema.keyword("patternProperties")).entrySet()) {
            if (matches(pattern.getKey(), name)) {
                return pattern.getValue();
            }
        }
        return ContentModel.PROPERTIES.additionalSchema(schema);
    }

    private static boolean matches(String regex, String name) {
        try {
            return Pattern.compile(regex).matcher(name).find();
        } catch (PatternSyntaxException e) {
            return false;
        }
    }
}
