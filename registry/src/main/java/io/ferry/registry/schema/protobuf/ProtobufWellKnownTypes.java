package io.ferry.registry.schema.protobuf;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ferry.protobuf.KnownProtoFiles;

/**
 * The files a schema may import without a reference, as in Confluent Schema Registry: those of
 * {@link KnownProtoFiles} ({@code google/protobuf/*.proto}, {@code confluent/meta.proto},
 * {@code confluent/type/decimal.proto}, Google's common {@code google/type} files). Their descriptors and
 * texts come from that catalogue, which Ferry's serializers share, so that the parsed file and the descriptor
 * describe the same types.
 */
final class ProtobufWellKnownTypes {

    /** Parsed once each, on first import: most registries never see most of them. */
    private static final Map<String, ProtoFileElement> FILES = new ConcurrentHashMap<>();

    private ProtobufWellKnownTypes() {
    }

    /** The import paths built in. */
    static Set<String> paths() {
        return KnownProtoFiles.paths();
    }

    static boolean contains(String importPath) {
        return KnownProtoFiles.contains(importPath);
    }

    /** The descriptor of a built-in file; empty when the path is not one. */
    static Optional<FileDescriptor> descriptor(String importPath) {
        return KnownProtoFiles.descriptor(importPath);
    }

    /** The parsed text of a built-in file; empty when the path is not one. */
    static Optional<ProtoFileElement> file(String importPath) {
        return KnownProtoFiles.text(importPath).map(text ->
                FILES.computeIfAbsent(importPath, path -> ProtoParser.Companion.parse(Location.get(path), text)));
    }
}
