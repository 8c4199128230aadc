package io.ferry.registry.schema;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * A reference from one schema to a schema registered under another subject.
 *
 * @param name    how the referring schema names it (for Avro, the full name of the referenced type)
 * @param subject the subject the referenced schema is registered under
 * @param version its version in that subject
 */
public record SchemaReference(String name, String subject, int version) {

    /** How references are ordered in a normal form: by subject, then version, as Confluent orders them. */
    private static final Comparator<SchemaReference> NORMAL_ORDER =
            Comparator.comparing(SchemaReference::subject).thenComparingInt(SchemaReference::version);

    public SchemaReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(subject, "subject");
    }

    /**
     * References as a normal form ({@code normalize=true}) lists them: sorted by subject, then version
     * (references equal in both keep their order), repeats removed.
     */
    public static List<SchemaReference> normalOrder(List<SchemaReference> references) {
        return references.stream().sorted(NORMAL_ORDER).distinct().toList();
    }
}
