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
import com.google.type.CalendarPeriodProto;
import com.google.type.ColorProto;
import com.google.type.DateProto;
import com.google.type.DateTimeProto;
import com.google.type.DayOfWeekProto;
import com.google.type.ExprProto;
import com.google.type.FractionProto;
import com.google.type.IntervalProto;
import com.google.type.LatLngProto;
import com.google.type.MoneyProto;
import com.google.type.MonthProto;
import com.google.type.PhoneNumberProto;
import com.google.type.PostalAddressProto;
import com.google.type.QuaternionProto;
import com.google.type.TimeOfDayProto;

/**
 * The one catalogue of the {@code .proto} files a schema may import without a reference, by import path, as
 * Confluent Schema Registry and its clients build them in: every {@code google/protobuf/*.proto} protobuf-java
 * carries, {@code confluent/meta.proto}, {@code confluent/type/decimal.proto}, and sixteen {@code google/type}
 * files of Google's common protos ({@code calendar_period}, {@code color}, {@code date}, {@code datetime},
 * {@code dayofweek}, {@code decimal}, {@code expr}, {@code fraction}, {@code interval}, {@code latlng},
 * {@code money}, {@code month}, {@code phone_number}, {@code postal_address}, {@code quaternion},
 * {@code timeofday}; not {@code localized_text}, which Confluent does not build in). For each: its
 * {@link FileDescriptor} and its {@code .proto} source text, which describe the same types. Immutable and
 * thread-safe.
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
        // protobuf-java and Google's common protos ship the source of their files next to their generated classes;
        // Ferry ships Confluent's.
        String resource = importPath.startsWith("google/") ? importPath : RESOURCES + importPath;
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
        // The generated classes of protobuf-java and of Google's common protos hold the descriptors protoc built.
        for (FileDescriptor file : List.of(DescriptorProtos.getDescriptor(), AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
                SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
                TypeProto.getDescriptor(), WrappersProto.getDescriptor(), CalendarPeriodProto.getDescriptor(),
                ColorProto.getDescriptor(), DateProto.getDescriptor(), DateTimeProto.getDescriptor(), DayOfWeekProto.getDescriptor(),
                com.google.type.DecimalProto.getDescriptor(), ExprProto.getDescriptor(), FractionProto.getDescriptor(),
                IntervalProto.getDescriptor(), LatLngProto.getDescriptor(), MoneyProto.getDescriptor(),
                MonthProto.getDescriptor(), PhoneNumberProto.getDescriptor(), PostalAddressProto.getDescriptor(),
                QuaternionProto.getDescriptor(), TimeOfDayProto.getDescriptor())) {
            files.put(file.getName(), file);
        }
        files.putAll(ConfluentProtoFiles.build());
        return Collections.unmodifiableMap(files);
    }
}
