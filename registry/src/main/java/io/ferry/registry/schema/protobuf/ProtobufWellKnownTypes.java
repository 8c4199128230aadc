package io.ferry.registry.schema.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DurationProto;
import com.google.protobuf.EmptyProto;
import com.google.protobuf.FieldMaskProto;
import com.google.protobuf.SourceContextProto;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.TypeProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;

/**
 * The {@code google/protobuf/*.proto} files a schema may import without a reference, as in Confluent Schema
 * Registry. Their descriptors are protobuf-java's own; their text is the {@code .proto} source protobuf-java
 * ships, so that the parsed file and the descriptor describe the same types.
 *
 * <p>Confluent Schema Registry also builds in the {@code google/type/*.proto} files and its own
 * {@code confluent/meta.proto} and {@code confluent/type/decimal.proto}; protobuf-java does not carry them, so
 * Ferry does not: a schema that imports them must reference them like any other file.
 */
final class ProtobufWellKnownTypes {

    private static final Map<String, FileDescriptor> DESCRIPTORS = Map.ofEntries(
            Map.entry("google/protobuf/any.proto", AnyProto.getDescriptor()),
            Map.entry("google/protobuf/api.proto", ApiProto.getDescriptor()),
            Map.entry("google/protobuf/descriptor.proto", DescriptorProtos.getDescriptor()),
            Map.entry("google/protobuf/duration.proto", DurationProto.getDescriptor()),
            Map.entry("google/protobuf/empty.proto", EmptyProto.getDescriptor()),
            Map.entry("google/protobuf/field_mask.proto", FieldMaskProto.getDescriptor()),
            Map.entry("google/protobuf/source_context.proto", SourceContextProto.getDescriptor()),
            Map.entry("google/protobuf/struct.proto", StructProto.getDescriptor()),
            Map.entry("google/protobuf/timestamp.proto", TimestampProto.getDescriptor()),
            Map.entry("google/protobuf/type.proto", TypeProto.getDescriptor()),
            Map.entry("google/protobuf/wrappers.proto", WrappersProto.getDescriptor()));

    /** Parsed once each, on first import: most registries never see most of them. */
    private static final Map<String, ProtoFileElement> FILES = new ConcurrentHashMap<>();

    private ProtobufWellKnownTypes() {
    }

    /** The import paths built in. */
    static Set<String> paths() {
        return DESCRIPTORS.keySet();
    }

    static boolean contains(String importPath) {
        return DESCRIPTORS.containsKey(importPath);
    }

    /** The descriptor of a built-in file; empty when the path is not one. */
    static Optional<FileDescriptor> descriptor(String importPath) {
        return Optional.ofNullable(DESCRIPTORS.get(importPath));
    }

    /** The parsed text of a built-in file; empty when the path is not one. */
    static Optional<ProtoFileElement> file(String importPath) {
        if (!contains(importPath)) {
            return Optional.empty();
        }
        return Optional.of(FILES.computeIfAbsent(importPath, ProtobufWellKnownTypes::load));
    }

    private static ProtoFileElement load(String importPath) {
        // protobuf-java ships each file's source next to its generated classes.
        try (InputStream in = TimestampProto.class.getClassLoader().getResourceAsStream(importPath)) {
            if (in == null) {
                throw new IllegalStateException("protobuf-java does not carry " + importPath);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return ProtoParser.Companion.parse(Location.get(importPath), text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + importPath + " from protobuf-java", e);
        }
    }
}
