package io.ferry.registry.compat.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The keywords of objects, in Confluent Schema Registry's order: {@code required}, {@code properties}
 * (see {@link PropertiesDiff}), {@code dependencies} (with the 2019-09 {@code dependentRequired} and
 * {@code dependentSchemas}, reported at {@code dependencies/<name>} too), {@code additionalProperties},
 * {@code unevaluatedProperties}, then {@code maxProperties} and {@code minProperties}.
 */
final class ObjectDiff {

    private static final KeywordBounds.Types MAX_PROPERTIES = KeywordBounds.Types.named("MAX_PROPERTIES");
    private static final KeywordBounds.Types MIN_PROPERTIES = KeywordBounds.Types.named("MIN_PROPERTIES");

    private ObjectDiff() {
    }

    static List<JsonDifference> compare(SchemaComparator comparator, SchemaNode original, SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        required(out, original, update);
        out.addAll(JsonDifference.under("properties", PropertiesDiff.compare(comparator, original, update)));
        out.addAll(JsonDifference.under("dependencies", dependencies(comparator, original, update)));
        out.addAll(JsonDifference.under("additionalProperties",
                ContentModel.PROPERTIES.compare(comparator, original, update)));
        out.addAll(ContentModel.PROPERTIES.compareUnevaluated(comparator, original, update));
        KeywordBounds.compare(out, "maxProperties", original, update, MAX_PROPERTIES);
        KeywordBounds.compare(out, "minProperties", original, update, MIN_PROPERTIES);
        return out;
    }

    /** A property both schemas declare that became required or optional; at {@code required/<name>}. */
    private static void required(List<JsonDifference> out, SchemaNode original, SchemaNode update) {
        Map<String, JsonNode> after = properties(update);
        for (String name : properties(original).keySet()) {
            if (!after.containsKey(name)) {
                continue;
            }
            boolean wasRequired = required(original).contains(name);
            boolean isRequired = required(update).contains(name);
            if (wasRequired && !isRequired) {
                out.add(JsonDifference.at("required/" + name, JsonDifferenceType.REQUIRED_ATTRIBUTE_REMOVED));
            } else if (!wasRequired && isRequired) {
                out.add(JsonDifference.at("required/" + name, hasDefault(after.get(name))
                        ? JsonDifferenceType.REQUIRED_ATTRIBUTE_WITH_DEFAULT_ADDED
                        : JsonDifferenceType.REQUIRED_ATTRIBUTE_ADDED));
            }
        }
    }

    /**
     * Property dependencies, then schema dependencies: a name may have one of each in 2019-09
     * ({@code dependentRequired} and {@code dependentSchemas}), so the two are compared apart.
     */
    private static List<JsonDifference> dependencies(SchemaComparator comparator, SchemaNode original,
            SchemaNode update) {
        List<JsonDifference> out = new ArrayList<>();
        Map<String, JsonNode> arraysBefore = dependencies(original, true);
        Map<String, JsonNode> arraysAfter = dependencies(update, true);
        for (String name : union(arraysBefore, arraysAfter)) {
            propertyDependency(out, name, arraysBefore.get(name), arraysAfter.get(name));
        }
        Map<String, JsonNode> schemasBefore = dependencies(original, false);
        Map<String, JsonNode> schemasAfter = dependencies(update, false);
        for (String name : union(schemasBefore, schemasAfter)) {
            JsonNode was = schemasBefore.get(name);
            JsonNode is = schemasAfter.get(name);
            if (is == null) {
                out.add(JsonDifference.at(name, JsonDifferenceType.DEPENDENCY_SCHEMA_REMOVED));
            } else if (was == null) {
                out.add(JsonDifference.at(name, JsonDifferenceType.DEPENDENCY_SCHEMA_ADDED));
            } else {
                out.addAll(JsonDifference.under(name, comparator.compareOptional(original, was, update, is)));
            }
        }
        return out;
    }

    private static Set<String> union(Map<String, JsonNode> before, Map<String, JsonNode> after) {
        Set<String> names = new LinkedHashSet<>(before.keySet());
        names.addAll(after.keySet());
        return names;
    }

    /** Fewer properties a present one depends on is easier for the reader; more is harder. */
    private static void propertyDependency(List<JsonDifference> out, String name, JsonNode was, JsonNode is) {
        if (is == null) {
            out.add(JsonDifference.at(name, JsonDifferenceType.DEPENDENCY_ARRAY_REMOVED));
            return;
        }
        if (was == null) {
            out.add(JsonDifference.at(name, JsonDifferenceType.DEPENDENCY_ARRAY_ADDED));
            return;
        }
        Set<String> before = strings(was);
        Set<String> after = strings(is);
        if (before.equals(after)) {
            return;
        }
        JsonDifferenceType type = after.containsAll(before) ? JsonDifferenceType.DEPENDENCY_ARRAY_EXTENDED
                : before.containsAll(after) ? JsonDifferenceType.DEPENDENCY_ARRAY_NARROWED
                : JsonDifferenceType.DEPENDENCY_ARRAY_CHANGED;
        out.add(JsonDifference.at(name, type));
    }

    static Map<String, JsonNode> properties(SchemaNode schema) {
        return entries(schema.keyword("properties"));
    }

    static Set<String> required(SchemaNode schema) {
        return strings(schema.keyword("required"));
    }

    static boolean hasDefault(JsonNode property) {
        return property.isObject() && property.has("default");
    }

    /**
     * {@code dependencies} of one form (arrays of property names, or schemas), with the 2019-09 keyword of
     * that form merged in.
     */
    private static Map<String, JsonNode> dependencies(SchemaNode schema, boolean arrays) {
        Map<String, JsonNode> all = new LinkedHashMap<>();
        entries(schema.keyword("dependencies")).forEach((name, value) -> {
            if (value.isArray() == arrays) {
                all.put(name, value);
            }
        });
        all.putAll(entries(schema.keyword(arrays ? "dependentRequired" : "dependentSchemas")));
        return all;
    }

    static Map<String, JsonNode> entries(JsonNode object) {
        Map<String, JsonNode> entries = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(entry -> entries.put(entry.getKey(), entry.getValue()));
        }
        return entries;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> strings = new LinkedHashSet<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> strings.add(value.asText()));
        }
        return strings;
    }
}
