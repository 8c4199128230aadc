package io.ferry.serde.protobuf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.AnyProto;
import com.google.protobuf.ApiProto;
import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
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
 * The well-known files, by import path: Protobuf's own (from protobuf-java), Confluent's
 * {@code confluent/meta.proto} and {@code confluent/type/decimal.proto}, and the {@code google/type} date and
 * time-of-day files the Connect mapping uses. A reader builds a descriptor that imports one of them without a
 * reference (as Confluent's clients write them) from here. Immutable and thread-safe.
 */
public final class KnownProtoFiles {
    public static final String META = "confluent/meta.proto";
    public static final String DECIMAL = "confluent/type/decimal.proto";
    public static final String DATE = "google/type/date.proto";
    public static final String TIME_OF_DAY = "google/type/timeofday.proto";
    /** The field number of Confluent's {@code field_meta}, {@code message_meta}, … options. */
    public static final int META_OPTION = 1088;

    private static final Map<String, FileDescriptor> FILES = build();

    private KnownProtoFiles() {
    }

    /**
     * Whether every registry resolves an import of this path without a reference: Protobuf's own
     * {@code google/protobuf/*.proto}. Confluent's registry also builds in {@code confluent/*} and
     * {@code google/type/*}, Ferry's does not, so those are registered as references even with
     * {@code skip.known.types}; both registries accept that.
     */
    public static boolean isBuiltIntoEveryRegistry(String importPath) {
        return importPath.startsWith("google/protobuf/");
    }

    /** The descriptor of a known file, or {@code null}. */
    public static FileDescriptor get(String importPath) {
        return FILES.get(importPath);
    }

    private static Map<String, FileDescriptor> build() {
        Map<String, FileDescriptor> files = new LinkedHashMap<>();
        for (FileDescriptor file : List.of(DescriptorProtos.getDescriptor(), AnyProto.getDescriptor(), ApiProto.getDescriptor(),
                DurationProto.getDescriptor(), EmptyProto.getDescriptor(), FieldMaskProto.getDescriptor(),
                SourceContextProto.getDescriptor(), StructProto.getDescriptor(), TimestampProto.getDescriptor(),
                TypeProto.getDescriptor(), WrappersProto.getDescriptor())) {
            files.put(file.getName(), file);
        }
        try {
            files.put(META, FileDescriptor.buildFrom(meta(), new FileDescriptor[] {DescriptorProtos.getDescriptor()}));
            files.put(DECIMAL, FileDescriptor.buildFrom(decimal(), new FileDescriptor[0]));
            files.put(DATE, FileDescriptor.buildFrom(date(), new FileDescriptor[0]));
            files.put(TIME_OF_DAY, FileDescriptor.buildFrom(timeOfDay(), new FileDescriptor[0]));
        } catch (DescriptorValidationException e) {
            throw new ExceptionInInitializerError(e);
        }
        return Map.copyOf(files);
    }

    private static FileDescriptorProto meta() {
        DescriptorProto entry = DescriptorProto.newBuilder().setName("ParamsEntry")
                .addField(scalar("key", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(scalar("value", 2, FieldDescriptorProto.Type.TYPE_STRING))
                .setOptions(DescriptorProtos.MessageOptions.newBuilder().setMapEntry(true)).build();
        DescriptorProto meta = DescriptorProto.newBuilder().setName("Meta")
                .addField(scalar("doc", 1, FieldDescriptorProto.Type.TYPE_STRING))
                .addField(FieldDescriptorProto.newBuilder().setName("params").setNumber(2).setJsonName("params")
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                        .setTypeName(".confluent.Meta.ParamsEntry"))
                .addField(scalar("tags", 3, FieldDescriptorProto.Type.TYPE_STRING).toBuilder()
                        .setLabel(FieldDescriptorProto.Label.LABEL_REPEATED))
                .addNestedType(entry).build();
        FileDescriptorProto.Builder file = FileDescriptorProto.newBuilder().setName(META).setPackage("confluent").setSyntax("proto3")
                .addDependency("google/protobuf/descriptor.proto").addMessageType(meta)
                .setOptions(DescriptorProtos.FileOptions.newBuilder().setJavaPackage("io.confluent.protobuf")
                        .setJavaOuterClassname("MetaProto").setGoPackage("../confluent"));
        String[][] extensions = {{"file_meta", "FileOptions"}, {"message_meta", "MessageOptions"}, {"field_meta", "FieldOptions"},
                {"enum_meta", "EnumOptions"}, {"enum_value_meta", "EnumValueOptions"}};
        for (String[] extension : extensions) {
            file.addExtension(FieldDescriptorProto.newBuilder().setName(extension[0]).setNumber(META_OPTION)
                    .setJsonName(jsonName(extension[0]))
                    .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(FieldDescriptorProto.Type.TYPE_MESSAGE)
                    .setTypeName(".confluent.Meta").setExtendee(".google.protobuf." + extension[1]));
        }
        return file.build();
    }

    private static FileDescriptorProto decimal() {
        return simpleFile(DECIMAL, "confluent.type", "io.confluent.protobuf.type", "DecimalProto", DescriptorProto.newBuilder()
                .setName("Decimal")
                .addField(scalar("value", 1, FieldDescriptorProto.Type.TYPE_BYTES))
                .addField(scalar("precision", 2, FieldDescriptorProto.Type.TYPE_UINT32))
                .addField(scalar("scale", 3, FieldDescriptorProto.Type.TYPE_INT32)).build());
    }

    private static FileDescriptorProto date() {
        return simpleFile(DATE, "google.type", "com.google.type", "DateProto", DescriptorProto.newBuilder().setName("Date")
                .addField(scalar("year", 1, FieldDescriptorProto.Type.TYPE_INT32))
                .addField(scalar("month", 2, FieldDescriptorProto.Type.TYPE_INT32))
                .addField(scalar("day", 3, FieldDescriptorProto.Type.TYPE_INT32)).build());
    }

    private static FileDescriptorProto timeOfDay() {
        return simpleFile(TIME_OF_DAY, "google.type", "com.google.type", "TimeOfDayProto", DescriptorProto.newBuilder()
                .setName("TimeOfDay")
                .addField(scalar("hours", 1, FieldDescriptorProto.Type.TYPE_INT32))
                .addField(scalar("minutes", 2, FieldDescriptorProto.Type.TYPE_INT32))
                .addField(scalar("seconds", 3, FieldDescriptorProto.Type.TYPE_INT32))
                .addField(scalar("nanos", 4, FieldDescriptorProto.Type.TYPE_INT32)).build());
    }

    private static FileDescriptorProto simpleFile(String name, String pkg, String javaPackage, String outerClass, DescriptorProto message) {
        return FileDescriptorProto.newBuilder().setName(name).setPackage(pkg).setSyntax("proto3").addMessageType(message)
                .setOptions(DescriptorProtos.FileOptions.newBuilder().setJavaPackage(javaPackage).setJavaOuterClassname(outerClass)
                        .setJavaMultipleFiles(true))
                .build();
    }

    private static FieldDescriptorProto scalar(String name, int number, FieldDescriptorProto.Type type) {
        return FieldDescriptorProto.newBuilder().setName(name).setNumber(number).setJsonName(jsonName(name))
                .setLabel(FieldDescriptorProto.Label.LABEL_OPTIONAL).setType(type).build();
    }

    /** protoc's json_name: lowerCamelCase of a snake_case name. */
    public static String jsonName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
