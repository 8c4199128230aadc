package io.ferry.registry.service;

import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.schema.SchemaReference;

/**
 * A schema as a client submits it, to register, look up or test.
 *
 * @param schema     the schema text
 * @param schemaType the type's name as given; null or empty means AVRO
 * @param references references to other subjects' schemas; a version of -1 means the latest
 * @param metadata   stored and returned as given; may be null
 * @param ruleSet    stored and returned as given; may be null
 * @param id         an explicit id (IMPORT mode only); may be null
 * @param version    an explicit version (IMPORT mode, or the next version); may be null
 */
public record RegisterRequest(String schema, String schemaType, List<SchemaReference> references, ObjectNode metadata,
                              ObjectNode ruleSet, Integer id, Integer version) {

    public RegisterRequest {
        references = List.copyOf(references == null ? List.of() : references);
    }

    public static RegisterRequest of(String schema) {
        return new RegisterRequest(schema, null, List.of(), null, null, null, null);
    }
}
