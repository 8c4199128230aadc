package io.ferry.serde.client;

import java.util.Objects;

/**
 * A schema's reference to another registered schema, as the registry's API carries it.
 *
 * @param name    how the referring schema names it (an Avro full name, a Protobuf import path, a JSON Schema URL)
 * @param subject the subject of the referenced schema
 * @param version its version in that subject
 */
public record SchemaReference(String name, String subject, int version) {
    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
