package io.ferry.registry.schema.protobuf;

import java.util.Base64;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.InvalidProtocolBufferException;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * Reads a schema text: {@code .proto} text, parsed with Wire's parser, or else the base64 of a
 * {@code FileDescriptorProto} (the serialized form some clients register), as Confluent Schema Registry reads it.
 */
final class ProtobufText {

    private ProtobufText() {
    }

    /**
     * @param path the file's import path, or {@code ""} for the schema being parsed; Wire names it in its
     *             messages
     * @throws InvalidSchemaException when the text is neither: {@code Could not parse Protobuf - } and Wire's
     *                                message ({@code Syntax error in :3:12: expected ';'}), as Confluent Schema
     *                                Registry words it
     */
    static ProtoFileElement parse(String text, String path) throws InvalidSchemaException {
        if (text == null || text.isBlank()) {
            throw new InvalidSchemaException("Empty schema");
        }
        try {
            return ProtoParser.Companion.parse(Location.get(path), text);
        } catch (RuntimeException e) {
            // Wire reports syntax errors as IllegalStateException, some others as IllegalArgumentException.
            try {
                return ProtobufDescriptorReader.read(FileDescriptorProto.parseFrom(Base64.getDecoder().decode(text.strip())));
            } catch (IllegalArgumentException | InvalidProtocolBufferException notSerialized) {
                throw new InvalidSchemaException("Could not parse Protobuf - " + (e.getMessage() != null ? e.getMessage() : e), e);
            }
        }
    }
}
