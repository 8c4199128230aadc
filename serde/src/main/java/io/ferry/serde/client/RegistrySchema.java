package io.ferry.serde.client;

import java.util.List;
import java.util.Objects;

/**
 * A schema as the registry stores it: type, text and references. The client parses nothing; equality is
 * textual, which is what the client's caches need. Immutable.
 *
 * @param schemaType {@code AVRO}, {@code JSON} or {@code PROTOBUF}
 * @param schema     the schema text
 * @param references the schemas it refers to, in order
 */
public record RegistrySchema(String schemaType, String schema, List<SchemaReference> references) {
    public static final String AVRO = "AVRO";
    public static final String JSON = "JSON";

    public RegistrySchema {
        Objects.requireNonNull(schemaType, "schemaType");
        Objects.requireNonNull(schema, "schema");
        references = List.copyOf(references);
    }

    /** An Avro schema without references. */
    public static RegistrySchema avro(String schemaText) {
        return new RegistrySchema(AVRO, schemaText, List.of());
    }

    /** A JSON Schema without references. */
    public static RegistrySchema json(String schemaText) {
        return new RegistrySchema(JSON, schemaText, List.of());
    }
}
