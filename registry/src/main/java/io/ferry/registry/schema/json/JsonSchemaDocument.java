package io.ferry.registry.schema.json;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.registry.schema.ParsedSchema;

/**
 * A JSON Schema that parsed, as the compatibility checker reads it: the schema's own document and the
 * documents of the schemas it refers to.
 */
public interface JsonSchemaDocument extends ParsedSchema {

    /** The schema's root, as given (not normalised). Never modified. */
    JsonNode root();

    /**
     * The roots of the referenced schemas, transitively, keyed by the name each reference was declared
     * with — the URI a {@code $ref} uses to point into that document. Empty when there are no references.
     */
    Map<String, JsonNode> referencedRoots();
}
