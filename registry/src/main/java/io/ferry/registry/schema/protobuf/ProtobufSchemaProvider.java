package io.ferry.registry.schema.protobuf;

import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaProvider;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * Parses Protobuf schemas: {@code .proto} text, proto2 or proto3, with Wire's parser, then builds its
 * protobuf-java descriptor. Stateless and thread-safe.
 *
 * <p>Each import must be the name of one of the schema's references, or one of the well-known
 * {@code google/protobuf/*.proto} files, which are built in. A new schema must make a valid descriptor (every
 * type it uses resolves); a stored one is parsed leniently, see {@link ProtobufParsedSchema}.
 */
public final class ProtobufSchemaProvider implements SchemaProvider {

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    /**
     * Parses a Protobuf schema. The message of the {@link InvalidSchemaException} is Wire's for a syntax error
     * ({@code Syntax error in :3:12: expected ';'}), protobuf-java's for a descriptor it cannot build
     * ({@code acme.Order.customer: "Customer" is not defined.}), {@code Empty schema} for a blank text,
     * {@code No schema reference found for subject "s" and version n} for a reference without a resolved
     * schema, or names the import that is neither a reference nor a well-known type.
     */
    @Override
    public ProtobufParsedSchema parse(String schemaText, List<SchemaReference> references,
            List<ResolvedReference> resolved, ParseOptions options) throws InvalidSchemaException {
        return ProtobufParsedSchema.parse(schemaText, references, resolved, options);
    }
}
