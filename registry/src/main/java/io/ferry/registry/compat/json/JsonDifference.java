package io.ferry.registry.compat.json;

import java.util.List;
import java.util.Objects;

/**
 * One change from a writer's schema to a reader's schema. Immutable.
 *
 * @param type the kind of change
 * @param path where, relative to the schemas being compared, as slash-separated keywords and names
 *             ({@code properties/foo}); empty for the compared schemas themselves
 */
record JsonDifference(JsonDifferenceType type, String path) {

    JsonDifference {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(path, "path");
    }

    static JsonDifference here(JsonDifferenceType type) {
        return new JsonDifference(type, "");
    }

    static JsonDifference at(String path, JsonDifferenceType type) {
        return new JsonDifference(type, path);
    }

    /** The same change seen from a schema that holds the compared ones under {@code segment}. */
    JsonDifference under(String segment) {
        return new JsonDifference(type, path.isEmpty() ? segment : segment + "/" + path);
    }

    static List<JsonDifference> under(String segment, List<JsonDifference> differences) {
        return differences.stream().map(difference -> difference.under(segment)).toList();
    }

    /** The path as Confluent Schema Registry writes it: {@code #/properties/foo}, or {@code #/} at the root. */
    String jsonPath() {
        return "#/" + path;
    }
}
