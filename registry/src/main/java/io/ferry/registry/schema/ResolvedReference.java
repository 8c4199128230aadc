package io.ferry.registry.schema;

import java.util.List;

/**
 * A reference together with the text of the schema it points to, ready for parsing.
 *
 * @param reference  the reference as the referring schema declared it
 * @param schemaText the canonical text registered at that subject and version
 */
public record ResolvedReference(SchemaReference reference, String schemaText) {

    /**
     * Checks that every reference has its schema among the resolved ones.
     *
     * @throws InvalidSchemaException {@code No schema reference found for subject "s" and version n} for the
     *                                first reference without one, as Confluent Schema Registry words it
     */
    public static void requireAll(List<SchemaReference> references, List<ResolvedReference> resolved)
            throws InvalidSchemaException {
        for (SchemaReference reference : references) {
            boolean found = resolved.stream().anyMatch(r -> r.reference().equals(reference));
            if (!found) {
                throw new InvalidSchemaException("No schema reference found for subject \""
                        + reference.subject() + "\" and version " + reference.version());
            }
        }
    }
}
