package io.ferry.registry.schema;

import java.util.List;

/** Parses schemas of one type. Implementations are stateless and thread-safe. */
public interface SchemaProvider {

    SchemaType type();

    /**
     * Parses a schema the registry already stores: the same as
     * {@link #parse(String, List, List, ParseOptions)} with {@link ParseOptions#STORED}.
     *
     * @param schemaText the schema as given by the client
     * @param references the schema's own references, in the order given
     * @param resolved   the schemas those references point to, transitively, each before the
     *                   schemas that refer to it
     * @throws InvalidSchemaException with the parser's message when the text is not a valid schema
     *                                of this type or a reference cannot be used
     */
    default ParsedSchema parse(String schemaText, List<SchemaReference> references, List<ResolvedReference> resolved)
            throws InvalidSchemaException {
        return parse(schemaText, references, resolved, ParseOptions.STORED);
    }

    /**
     * Parses a schema, as strictly as {@code options} call for.
     *
     * @param schemaText the schema as given by the client
     * @param references the schema's own references, in the order given
     * @param resolved   the schemas those references point to, transitively, each before the
     *                   schemas that refer to it
     * @param options    whether the schema is new and whether its normal form was asked for
     * @throws InvalidSchemaException with the parser's message when the text is not a valid schema
     *                                of this type or a reference cannot be used
     */
    ParsedSchema parse(String schemaText, List<SchemaReference> references, List<ResolvedReference> resolved,
            ParseOptions options) throws InvalidSchemaException;
}
