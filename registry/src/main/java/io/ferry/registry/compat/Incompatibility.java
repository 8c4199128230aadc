package io.ferry.registry.compat;

import java.util.Objects;

/**
 * One reason a schema is not compatible with an earlier version. Immutable.
 *
 * @param type           the kind of problem: for Avro, the name of Avro's incompatibility type
 *                       ({@code READER_FIELD_MISSING_DEFAULT_VALUE}, {@code TYPE_MISMATCH},
 *                       {@code NAME_MISMATCH}, {@code FIXED_SIZE_MISMATCH}, {@code MISSING_ENUM_SYMBOLS},
 *                       {@code MISSING_UNION_BRANCH}); {@value #DIFFERENT_SCHEMA_TYPE} when the earlier
 *                       version is of another schema type; {@value #UNEXPECTED_ERROR} when the check itself
 *                       failed
 * @param location       where, as a JSON pointer into the reading schema ({@code /fields/1/type});
 *                       {@code /} for the schema as a whole
 * @param description    the problem in words, saying which of the new and the old schema reads
 * @param additionalInfo the detail the schema library gives: a field name, the missing symbols, the two
 *                       types that do not match; empty when there is none
 * @param message        the line the registry lists for this problem among its compatibility messages
 */
public record Incompatibility(String type, String location, String description, String additionalInfo,
        String message) {

    /** The type of the problem an earlier version of another schema type gives. */
    public static final String DIFFERENT_SCHEMA_TYPE = "DIFFERENT_SCHEMA_TYPE";

    /** The type of the problem a check that failed with an exception gives. */
    public static final String UNEXPECTED_ERROR = "UNEXPECTED_ERROR";

    public Incompatibility {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(additionalInfo, "additionalInfo");
        Objects.requireNonNull(message, "message");
    }

    /**
     * A problem the schema library reported, listed as Confluent Schema Registry lists it:
     * {@code {errorType:'TYPE', description:'DESCRIPTION', additionalInfo:'INFO'}}.
     */
    public static Incompatibility of(String type, String location, String description, String additionalInfo) {
        String message = "{errorType:'" + type + "', description:'" + description
                + "', additionalInfo:'" + additionalInfo + "'}";
        return new Incompatibility(type, location, description, additionalInfo, message);
    }

    /** The problem a check that failed with an exception gives, worded as Confluent Schema Registry words it. */
    public static Incompatibility unexpectedError(RuntimeException e) {
        return plain(UNEXPECTED_ERROR, "Unexpected exception during compatibility check: " + e.getMessage());
    }

    /** A problem listed by its description alone. */
    public static Incompatibility plain(String type, String description) {
        return new Incompatibility(type, "/", description, "", description);
    }
}
