package io.ferry.protobuf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
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

/**
 * The one catalogue of the {@code .proto} files a schema may import without a reference, by import path, as
 * Confluent Schema Registry and its clients build them in: every {@code google/protobuf/*.proto} protobuf-java
 * carries, {@code confluent/meta.proto}, {@code confluent/type/decimal.proto}, and the {@code google/type} date
 * and time-of-day files. For each: its {@link FileDescriptor} and its {@code .proto} source text, which describe
 * the same types. Immutable and thread-safe.
 */
public final class KnownProtoFiles {
    public static final String META = "confluent/meta.proto";
    public static final String DECIMAL = "confluent/type/decimal.proto";
    public static final String DATE = "google/type/date.proto";
    public static final String TIME_OF_DAY = "google/type/timeofday.proto";
    /** The field number of Confluent's {@code field_meta}, {@code message_meta}, … options. */
    public static final int META_OPTION = 1088;

    /** Where the texts of the files protobuf-java does not carry are, on the class path. */
    private static final String RESOURCES = "io/ferry/protobuf/known/";

    private static final Map<String, FileDescriptor> FILES = build();

    /** Read once each, on first use: most processes never need most of them. */
    private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

    private KnownProtoFiles() {
    }

    /** The import paths of every known file. */
    public static Set<String> paths() {
        return FILES.keySet();
    }

    /** Whether an import of this path needs no reference, in Ferry's registry as in Confluent's. */
    public static boolean contains(String importPath) {
        return FILES.containsKey(importPath);
    }

    /** The descriptor of a known file, or {@code null}. */
    public static FileDescriptor get(String importPath) {
        return FILES.get(importPath);
    }

    /** The descriptor of a known file; empty when the path is not one. */
    public static Optional<FileDescriptor> descriptor(String importPath) {
        return Optional.ofNullable(FILES.get(importPath));
    }

    /**
     * The {@code .proto} source text of a known file; empty when the path is not one.
     *
     * @throws UncheckedIOException if the text cannot be read from the class path, which would be a packaging defect
     */
    public static Optional<String> text(String importPath) {
        if (!contains(importPath)) {
            return Optional.empty();
        }
        return Optional.of(TEXTS.computeIfAbsent(importPath, KnownProtoFiles::load));
    }

    private static String load(String importPath) {
        // protobuf-java ships the source of its own files next to its generated classes; Ferry ships the others.
        String resource = importPath.startsWith("google/protobuf/") ? importPath : RESOURCES + importPath;
        try (InputStream in = KnownProtoFiles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no text of " + importPath + " on the class path at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text of " + importPath, e);
        }
    }

    private static Map<String, FileDescriptor> build() {
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        for (FileDescriptor file : List.of(DescriptorProtos.getDescriptor(), AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
                SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
                TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
            files.put(file.getName(), file);
        }
        files.putAll(ConfluentProtoFiles.build());
        return Collections.unmodifiableMap(files);
    }
}
