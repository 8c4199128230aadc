package io.ferry.registry.compat.json;

import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.compat.SchemaRole;

/**
 * Turns differences into {@link Incompatibility} values worded as Confluent Schema Registry words them for
 * JSON Schema: {@code {errorType:"TYPE", description:"..."}}, the description naming the JSON path and which
 * of the {@code new} and {@code old} schema reads.
 */
final class JsonDifferenceDescriptions {

    private JsonDifferenceDescriptions() {
    }

    static Incompatibility describe(JsonDifference difference, SchemaRole readerRole) {
        String type = difference.type().name();
        String location = difference.jsonPath();
        String description = description(difference.type().wording(), location, readerRole.label(),
                readerRole.other().label());
        String message = "{errorType:\"" + type + "\", description:\"" + description + "\"}";
        return new Incompatibility(type, location, description, "", message);
    }

    private static String description(JsonDifferenceType.Wording wording, String path, String reader,
            String writer) {
        return switch (wording) {
            case KEYWORD_MISSING -> "The keyword at path '" + path + "' in the " + reader
                    + " schema is not present in the " + writer + " schema";
            case VALUE_MORE -> "The value at path '" + path + "' in the " + reader
                    + " schema is more than its value in the " + writer + " schema";
            case VALUE_LESS -> "The value at path '" + path + "' in the " + reader
                    + " schema is less than its value in the " + writer + " schema";
            case VALUE_DIFFERENT -> "The value at path '" + path + "' is different between the " + reader
                    + " and " + writer + " schema";
            case ELEMENTS_FEWER -> "An array or combined type at path '" + path + "' has fewer elements in the "
                    + reader + " schema than the " + writer + " schema";
            case ELEMENTS_MORE -> "An array or combined type at path '" + path + "' has more elements in the "
                    + reader + " schema than the " + writer + " schema";
            case TYPE_DIFFERENT -> "A type at path '" + path + "' is different between the " + reader
                    + " schema and the " + writer + " schema";
            case ADDED_TO_OPEN -> "The " + reader + " schema has an open content model and has a property or item at"
                    + " path '" + path + "' which is missing in the " + writer + " schema";
            case REQUIRED_ADDED_TO_UNOPEN -> "The " + reader + " schema has an unopen content model and has a"
                    + " required property at path '" + path + "' which is missing in the " + writer + " schema";
            case REMOVED_FROM_CLOSED -> "The " + reader + " schema has a closed content model and is missing a"
                    + " property or item present at path '" + path + "' in the " + writer + " schema";
            case REMOVED_NOT_COVERED -> "A property or item is missing in the " + reader + " schema but present at"
                    + " path '" + path + "' in the " + writer + " schema and is not covered by its partially open"
                    + " content model";
            case ADDED_NOT_COVERED -> "The " + reader + " schema has a property or item at path '" + path
                    + "' which is missing in the " + writer + " schema and is not covered by its partially open"
                    + " content model";
            case NONE -> "";
        };
    }
}
