package io.ferry.registry.schema;

import java.util.Objects;

/**
 * A reference from one schema to a schema registered under another subject.
 *
 * @param name    how the referring schema names it (for Avro, the full name of the referenced type)
 * @param subject the subject the referenced schema is registered under
 * @param version its version in that subject
 */
public record SchemaReference(String name, String subject, int version) {

    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }
}
