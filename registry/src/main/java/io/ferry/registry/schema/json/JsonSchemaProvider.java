package io.ferry.registry.schema.json;

import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaProvider;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * Parses JSON Schemas (drafts 4, 6, 7, 2019-09 and 2020-12; draft 7 when {@code $schema} names none).
 * Stateless and thread-safe.
 *
 * <p>A schema being registered (or looked up) must be JSON, valid against its draft's meta-schema, and each
 * {@code $ref} must resolve, within the schema or into a referenced schema by the reference's name
 * ({@code "$ref": "address.json#/definitions/street"}). A schema the registry already stores is only read
 * as JSON with its references: it was checked when it was registered, perhaps by another registry that
 * wrote the same schemas topic, and a stricter check now must not make it unreadable.
 */
public final class JsonSchemaProvider implements SchemaProvider {

    @Override
    public SchemaType type() {
        return SchemaType.JSON;
    }

    /** Reads a JSON Schema the registry already stores: leniently, see the class description. */
    @Override
    public JsonParsedSchema parse(String schemaText, List<SchemaReference> references,
            List<ResolvedReference> resolved) throws InvalidSchemaException {
        return parse(schemaText, references, resolved, ParseOptions.STORED);
    }

    /**
     * Parses a JSON Schema, checking it when it is {@link ParseOptions#isNew() new}. The message of the
     * {@link InvalidSchemaException} is {@code Empty schema} for a blank text, {@code Invalid JSON: ...} with
     * the line and column for a text that is not JSON, {@code Not a valid draft-07 JSON Schema: #/type: ...}
     * listing what the meta-schema rejects, {@code Reference address.json cannot be resolved} (or the
     * validator's message) for a {@code $ref} that does not resolve, and
     * {@code No schema reference found for subject "s" and version n} for a reference without a resolved
     * schema.
     */
    @Override
    public JsonParsedSchema parse(String schemaText, List<SchemaReference> references,
            List<ResolvedReference> resolved, ParseOptions options) throws InvalidSchemaException {
        return JsonParsedSchema.parse(schemaText, references, resolved, options.isNew());
    }
}
