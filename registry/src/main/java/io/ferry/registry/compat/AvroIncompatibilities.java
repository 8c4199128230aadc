package io.ferry.registry.compat;

import org.apache.avro.SchemaCompatibility;

/**
 * Turns Avro's incompatibilities into {@link Incompatibility} values, with the descriptions Confluent
 * Schema Registry gives each type. A description names the reading schema and the writing one as
 * {@code new} and {@code old}: under a backward check the new schema reads, under a forward check the
 * old one does.
 */
final class AvroIncompatibilities {

    private AvroIncompatibilities() {
    }

    static Incompatibility describe(SchemaCompatibility.Incompatibility found, SchemaRole readerRole) {
        String type = found.getType().name();
        String path = found.getLocation();
        String info = found.getMessage();
        return Incompatibility.of(type, path, description(found.getType(), path, info, readerRole), info);
    }

    private static String description(SchemaCompatibility.SchemaIncompatibilityType type, String path,
            String info, SchemaRole readerRole) {
        String reader = readerRole.label();
        String writer = readerRole.other().label();
        return switch (type) {
            case FIXED_SIZE_MISMATCH -> "The size of FIXED type field at path '" + path + "' in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case TYPE_MISMATCH -> "The type (path '" + path + "') of a field in the " + reader
                    + " schema does not match with the " + writer + " schema";
            case NAME_MISMATCH -> "The name of the schema has changed (path '" + path + "')";
            case MISSING_ENUM_SYMBOLS -> "The " + reader + " schema is missing enum symbols '" + info
                    + "' at path '" + path + "' in the " + writer + " schema";
            case MISSING_UNION_BRANCH -> "The " + reader + " schema is missing a type inside a union field at path '"
                    + path + "' in the " + writer + " schema";
            case READER_FIELD_MISSING_DEFAULT_VALUE -> "The field '" + info + "' at path '" + path + "' in the "
                    + reader + " schema has no default value and is missing in the " + writer + " schema";
            // A type a later Avro adds has no description yet, as in Confluent Schema Registry.
            default -> "";
        };
    }
}
