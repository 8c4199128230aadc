package io.ferry.registry.schema.protobuf;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ferry.registry.schema.InvalidSchemaException;

/** Parses {@code .proto} text with Wire's parser. */
final class ProtobufText {

    private ProtobufText() {
    }

    /**
     * @param path the file's import path, or {@code ""} for the schema being parsed; Wire names it in its
     *             messages ({@code Syntax error in :3:12: expected ';'})
     * @throws InvalidSchemaException with Wire's message when the text does not parse
     */
    static ProtoFileElement parse(String text, String path) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return ProtoParser.Companion.parse(Location.get(path), text);
        } catch (RuntimeException e) {
            // Wire reports syntax errors as IllegalStateException, some others as IllegalArgumentException.
            throw new InvalidSchemaException(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        }
    }
}
