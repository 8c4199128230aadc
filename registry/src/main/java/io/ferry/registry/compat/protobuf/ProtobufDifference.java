package io.ferry.registry.compat.protobuf;

import java.util.Objects;

import io.ferry.registry.compat.Incompatibility;
import io.ferry.registry.compat.SchemaRole;

/**
 * One difference between the schema data was written with and the schema that reads it.
 *
 * @param change what changed
 * @param path   where, as Confluent writes it: {@code #/} then the message, nested-message, oneof and field-number
 *               steps joined by {@code /} ({@code #/Order/lines/3}); {@code #/} for the file itself
 */
record ProtobufDifference(ProtobufChange change, String path) {

    ProtobufDifference {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(path, "path");
    }

    /**
     * This difference as a problem listed the way Confluent Schema Registry lists a Protobuf problem:
     * {@code {errorType:"TYPE", description:"DESCRIPTION"}}, without additional information.
     */
    Incompatibility toIncompatibility(SchemaRole readerRole) {
        String description = change.describe(path, readerRole.label(), readerRole.other().label());
        String message = "{errorType:\"" + change.name() + "\", description:\"" + description + "\"}";
        return new Incompatibility(change.name(), path, description, "", message);
    }
}
