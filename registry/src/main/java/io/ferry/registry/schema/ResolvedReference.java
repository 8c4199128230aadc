package io.ferry.registry.schema;

/**
 * A reference together with the text of the schema it points to, ready for parsing.
 *
 * @param reference  the reference as the referring schema declared it
 * @param schemaText the canonical text registered at that subject and version
 */
public record ResolvedReference(SchemaReference reference, String schemaText) {
}
