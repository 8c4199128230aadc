package io.ferry.registry.schema;

import java.util.Comparator;
import java.util.List;

/** Rules about references that every schema type follows, as Confluent Schema Registry applies them. */
public final class SchemaReferences {

    /** How references are ordered in the normal form: by subject, then version. */
    private static final Comparator<SchemaReference> NORMAL_ORDER =
            Comparator.comparing(SchemaReference::subject).thenComparingInt(SchemaReference::version);

    private SchemaReferences() {
    }

    /**
     * Checks that each reference has a resolved schema.
     *
     * @throws InvalidSchemaException {@code No schema reference found for subject "s" and version n} for the
     *                                first one that has none
     */
    public static void requireResolved(List<SchemaReference> references, List<ResolvedReference> resolved)
            throws InvalidSchemaException {
        for (SchemaReference reference : references) {
            if (resolved.stream().noneMatch(r -> r.reference().equals(reference))) {
                throw new InvalidSchemaException("No schema reference found for subject \""
                        + reference.subject() + "\" and version " + reference.version());
            }
        }
    }

    /** The references of a schema in normal form: sorted by subject and version, duplicates removed. */
    public static List<SchemaReference> inNormalOrder(List<SchemaReference> references) {
        return references.stream().sorted(NORMAL_ORDER).distinct().toList();
    }
}
