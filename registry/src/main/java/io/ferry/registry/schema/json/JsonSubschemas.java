package io.ferry.registry.schema.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where a schema holds subschemas with a {@code $ref}: the JSON pointers of those subschemas, found by
 * following the keywords that hold subschemas in drafts 4 to 2020-12. Values of other keywords
 * ({@code enum}, {@code const}, {@code default}, {@code examples}, unknown keywords) are data, so a
 * {@code $ref} inside them is not followed.
 */
final class JsonSubschemas {

    /** Keywords whose value is one subschema. */
    private static final Set<String> SINGLE = Set.of("additionalItems", "additionalProperties", "contains",
            "contentSchema", "else", "if", "items", "not", "propertyNames", "then", "unevaluatedItems",
            "unevaluatedProperties");

    /** Keywords whose value is an array of subschemas ({@code items} may be either, before 2020-12). */
    private static final Set<String> ARRAYS = Set.of("allOf", "anyOf", "items", "oneOf", "prefixItems");

    /** Keywords whose value maps names to subschemas ({@code dependencies} may also map to arrays of names). */
    private static final Set<String> MAPS = Set.of("$defs", "definitions", "dependencies", "dependentSchemas",
            "patternProperties", "properties");

    private JsonSubschemas() {
    }

    /** The JSON pointers (as {@code /definitions/a}, the root as the empty text) of subschemas with a {@code $ref}. */
    static List<String> withRefs(JsonNode root) {
        List<String> pointers = new ArrayList<>();
        collect(root, "", pointers);
        return pointers;
    }

    private static void collect(JsonNode schema, String pointer, List<String> pointers) {
        if (!schema.isObject()) {
            return;
        }
        if (schema.path("$ref").isTextual()) {
            pointers.add(pointer);
        }
        schema.properties().forEach(entry -> {
            String keyword = entry.getKey();
            JsonNode value = entry.getValue();
            String at = pointer + "/" + escape(keyword);
            if (SINGLE.contains(keyword) && value.isObject()) {
                collect(value, at, pointers);
            } else if (ARRAYS.contains(keyword) && value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    collect(value.get(i), at + "/" + i, pointers);
                }
            } else if (MAPS.contains(keyword) && value.isObject()) {
                value.properties().forEach(named -> collect(named.getValue(), at + "/" + escape(named.getKey()), pointers));
            }
        });
    }

    /** A JSON pointer's reference token: {@code ~} and {@code /} escaped. */
    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
