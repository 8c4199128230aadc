package io.ferry.registry.schema.protobuf;

import java.util.Map;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.ferry.registry.schema.ParsedSchema;

/**
 * A Protobuf schema that parsed, as the compatibility checker reads it: the schema's own {@code .proto} file
 * and the files it imports.
 */
public interface ProtobufSchemaDocument extends ParsedSchema {

    /** The schema's own file. */
    ProtoFileElement file();

    /**
     * The files it imports, transitively, keyed by import path ({@code "acme/address.proto"}), the
     * well-known {@code google/protobuf/*.proto} files included when imported. Empty when it imports nothing.
     */
    Map<String, ProtoFileElement> dependencies();
}
