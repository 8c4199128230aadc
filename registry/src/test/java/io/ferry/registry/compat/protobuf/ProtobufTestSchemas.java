package io.ferry.registry.compat.protobuf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ferry.registry.compat.VersionedSchema;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import io.ferry.registry.schema.protobuf.ProtobufSchemaDocument;

/**
 * Protobuf schemas for compatibility tests: {@code .proto} text parsed with wire, wrapped in a minimal
 * {@link ProtobufSchemaDocument} whose canonical text is the text given.
 */
final class ProtobufTestSchemas {

    private ProtobufTestSchemas() {
    }

    /** A schema that imports nothing. */
    static ProtobufSchemaDocument proto(String text) {
        return proto(text, Map.of());
    }

    /** A schema whose imports are the given files, by import path. */
    static ProtobufSchemaDocument proto(String text, Map<String, String> importsByPath) {
        Map<String, ProtoFileElement> dependencies = new LinkedHashMap<>();
        importsByPath.forEach((path, imported) -> dependencies.put(path, parse(imported)));
        return new TestDocument(text, parse(text), Map.copyOf(dependencies));
    }

    /** Versions 1, 2, ... of a subject, oldest first. */
    static List<VersionedSchema> history(String... oldestFirst) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < oldestFirst.length; i++) {
            versions.add(new VersionedSchema(i + 1, proto(oldestFirst[i])));
        }
        return versions;
    }

    private static ProtoFileElement parse(String text) {
        return ProtoParser.Companion.parse(Location.get(""), text);
    }

    private record TestDocument(String text, ProtoFileElement file, Map<String, ProtoFileElement> dependencies)
            implements ProtobufSchemaDocument {

        @Override
        public SchemaType type() {
            return SchemaType.PROTOBUF;
        }

        @Override
        public String canonicalString() {
            return text;
        }

        @Override
        public List<SchemaReference> references() {
            return List.of();
        }

        @Override
        public ParsedSchema normalize() {
            return this;
        }

        @Override
        public String name() {
            return file.getTypes().isEmpty() ? null : file.getTypes().get(0).getName();
        }

        @Override
        public Object rawSchema() {
            return file;
        }
    }
}
