package io.ferry.serde.protobuf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.OneofDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.protobuf.ProtoNames;

/**
 * Prints a file descriptor as {@code .proto} text that protoc and the registry parse back to the same
 * descriptor: syntax, package, imports, file options, messages (nested types, maps, oneofs, proto3
 * {@code optional}, reserved ranges, extensions), enums and services. Type names are printed fully qualified,
 * so no scope rule can resolve them differently. Of custom options only Confluent's {@code confluent.*_meta}
 * are printed ({@link MetaOptions}); other extensions are dropped because their text needs their definitions.
 * Stateless and thread-safe.
 */
public final class ProtoFilePrinter {
    private ProtoFilePrinter() {
    }

    /** The {@code .proto} text of {@code file}. */
    public static String print(FileDescriptor file) {
        return print(file.toProto());
    }

    /** The {@code .proto} text of a file descriptor proto. */
    public static String print(FileDescriptorProto file) {
        Out out = new Out();
        String syntax = file.getSyntax().isEmpty() ? "proto2" : file.getSyntax();
        out.line("syntax = \"" + syntax + "\";");
        if (!file.getPackage().isEmpty()) {
            out.line("package " + file.getPackage() + ";");
        }
        out.blank();
        for (int i = 0; i < file.getDependencyCount(); i++) {
            String kind = file.getPublicDependencyList().contains(i) ? "public " : file.getWeakDependencyList().contains(i) ? "weak " : "";
            out.line("import " + kind + quote(file.getDependency(i)) + ";");
        }
        if (file.getDependencyCount() > 0) {
            out.blank();
        }
        for (Map.Entry<String, String> option : ProtoOptions.standard(file.getOptions()).entrySet()) {
            out.line("option " + option.getKey() + " = " + option.getValue() + ";");
        }
        if (file.hasOptions() && !ProtoOptions.standard(file.getOptions()).isEmpty()) {
            out.blank();
        }
        boolean proto3 = "proto3".equals(syntax);
        for (DescriptorProto message : file.getMessageTypeList()) {
            message(out, message, proto3);
        }
        for (EnumDescriptorProto enumType : file.getEnumTypeList()) {
            enumType(out, enumType);
        }
        extensions(out, file.getExtensionList(), proto3);
        for (ServiceDescriptorProto service : file.getServiceList()) {
            service(out, service);
        }
        return out.toString();
    }

    private static void message(Out out, DescriptorProto message, boolean proto3) {
        out.open("message " + message.getName() + " {");
        for (Map.Entry<String, String> option : ProtoOptions.standard(message.getOptions()).entrySet()) {
            if (!option.getKey().equals("map_entry")) {
                out.line("option " + option.getKey() + " = " + option.getValue() + ";");
            }
        }
        String messageMeta = MetaOptions.text(message.getOptions().getUnknownFields());
        if (messageMeta != null) {
            out.line("option (confluent.message_meta) = " + messageMeta + ";");
        }
        Map<String, DescriptorProto> mapEntries = new LinkedHashMap<>();
        for (DescriptorProto nested : message.getNestedTypeList()) {
            if (nested.getOptions().getMapEntry()) {
                mapEntries.put(nested.getName(), nested);
            }
        }
        List<List<FieldDescriptorProto>> oneofs = new ArrayList<>();
        for (int i = 0; i < message.getOneofDeclCount(); i++) {
            oneofs.add(new ArrayList<>());
        }
        boolean[] oneofPrinted = new boolean[message.getOneofDeclCount()];
        for (FieldDescriptorProto field : message.getFieldList()) {
            if (field.hasOneofIndex() && !field.getProto3Optional()) {
                oneofs.get(field.getOneofIndex()).add(field);
            }
        }
        for (FieldDescriptorProto field : message.getFieldList()) {
            if (field.hasOneofIndex() && !field.getProto3Optional()) {
                int index = field.getOneofIndex();
                if (!oneofPrinted[index]) {
                    oneofPrinted[index] = true;
                    oneof(out, message.getOneofDecl(index), oneofs.get(index), mapEntries);
                }
            } else {
                out.line(field(field, proto3, mapEntries, false));
            }
        }
        for (DescriptorProto nested : message.getNestedTypeList()) {
            if (!nested.getOptions().getMapEntry()) {
                message(out, nested, proto3);
            }
        }
        for (EnumDescriptorProto enumType : message.getEnumTypeList()) {
            enumType(out, enumType);
        }
        extensions(out, message.getExtensionList(), proto3);
        for (DescriptorProto.ExtensionRange range : message.getExtensionRangeList()) {
            out.line("extensions " + range(range.getStart(), range.getEnd() - 1, 536_870_911) + ";");
        }
        for (DescriptorProto.ReservedRange range : message.getReservedRangeList()) {
            out.line("reserved " + range(range.getStart(), range.getEnd() - 1, 536_870_911) + ";");
        }
        for (String name : message.getReservedNameList()) {
            out.line("reserved " + quote(name) + ";");
        }
        out.close();
    }

    private static void oneof(Out out, OneofDescriptorProto oneof, List<FieldDescriptorProto> fields, Map<String, DescriptorProto> maps) {
        out.open("oneof " + oneof.getName() + " {");
        for (FieldDescriptorProto field : fields) {
            out.line(field(field, true, maps, true));
        }
        out.close();
    }

    private static String field(FieldDescriptorProto field, boolean proto3, Map<String, DescriptorProto> maps, boolean inOneof) {
        StringBuilder text = new StringBuilder();
        DescriptorProto mapEntry = field.getType() == FieldDescriptorProto.Type.TYPE_MESSAGE ? maps.get(simpleName(field.getTypeName())) : null;
        if (mapEntry != null && field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            text.append("map<").append(typeName(mapEntry.getField(0))).append(", ").append(typeName(mapEntry.getField(1))).append("> ");
        } else {
            text.append(label(field, proto3, inOneof)).append(typeName(field)).append(' ');
        }
        text.append(field.getName()).append(" = ").append(field.getNumber());
        List<String> options = new ArrayList<>();
        if (field.hasDefaultValue()) {
            options.add("default = " + defaultValue(field));
        }
        if (field.hasJsonName() && !field.getJsonName().equals(ProtoNames.jsonName(field.getName()))) {
            options.add("json_name = " + quote(field.getJsonName()));
        }
        ProtoOptions.standard(field.getOptions()).forEach((name, value) -> options.add(name + " = " + value));
        String meta = MetaOptions.text(field.getOptions().getUnknownFields());
        if (meta != null) {
            options.add("(confluent.field_meta) = " + meta);
        }
        if (!options.isEmpty()) {
            text.append(" [").append(String.join(", ", options)).append(']');
        }
        return text.append(';').toString();
    }

    private static String label(FieldDescriptorProto field, boolean proto3, boolean inOneof) {
        if (inOneof) {
            return "";
        }
        return switch (field.getLabel()) {
            case LABEL_REPEATED -> "repeated ";
            case LABEL_REQUIRED -> "required ";
            default -> proto3 ? (field.getProto3Optional() ? "optional " : "") : "optional ";
        };
    }

    private static String typeName(FieldDescriptorProto field) {
        return switch (field.getType()) {
            case TYPE_MESSAGE, TYPE_ENUM, TYPE_GROUP -> field.getTypeName().startsWith(".")
                    ? field.getTypeName().substring(1) : field.getTypeName();
            default -> field.getType().name().substring("TYPE_".length()).toLowerCase();
        };
    }

    private static String defaultValue(FieldDescriptorProto field) {
        return switch (field.getType()) {
            case TYPE_STRING, TYPE_BYTES -> quote(field.getDefaultValue());
            default -> field.getDefaultValue();
        };
    }

    private static void enumType(Out out, EnumDescriptorProto enumType) {
        out.open("enum " + enumType.getName() + " {");
        ProtoOptions.standard(enumType.getOptions()).forEach((name, value) -> out.line("option " + name + " = " + value + ";"));
        for (EnumValueDescriptorProto value : enumType.getValueList()) {
            List<String> options = new ArrayList<>();
            ProtoOptions.standard(value.getOptions()).forEach((name, v) -> options.add(name + " = " + v));
            out.line(value.getName() + " = " + value.getNumber() + (options.isEmpty() ? "" : " [" + String.join(", ", options) + "]") + ";");
        }
        for (EnumDescriptorProto.EnumReservedRange range : enumType.getReservedRangeList()) {
            out.line("reserved " + range(range.getStart(), range.getEnd(), Integer.MAX_VALUE) + ";");
        }
        for (String name : enumType.getReservedNameList()) {
            out.line("reserved " + quote(name) + ";");
        }
        out.close();
    }

    private static void extensions(Out out, List<FieldDescriptorProto> extensions, boolean proto3) {
        Map<String, List<FieldDescriptorProto>> byExtendee = new LinkedHashMap<>();
        for (FieldDescriptorProto extension : extensions) {
            byExtendee.computeIfAbsent(extension.getExtendee(), e -> new ArrayList<>()).add(extension);
        }
        byExtendee.forEach((extendee, fields) -> {
            out.open("extend " + (extendee.startsWith(".") ? extendee.substring(1) : extendee) + " {");
            fields.forEach(field -> out.line(field(field, proto3, Map.of(), false)));
            out.close();
        });
    }

    private static void service(Out out, ServiceDescriptorProto service) {
        out.open("service " + service.getName() + " {");
        for (MethodDescriptorProto method : service.getMethodList()) {
            out.line("rpc " + method.getName() + " (" + (method.getClientStreaming() ? "stream " : "")
                    + strip(method.getInputType()) + ") returns (" + (method.getServerStreaming() ? "stream " : "")
                    + strip(method.getOutputType()) + ");");
        }
        out.close();
    }

    private static String range(int start, int end, int max) {
        if (start == end) {
            return Integer.toString(start);
        }
        return start + " to " + (end >= max ? "max" : Integer.toString(end));
    }

    private static String strip(String typeName) {
        return typeName.startsWith(".") ? typeName.substring(1) : typeName;
    }

    private static String simpleName(String typeName) {
        return typeName.substring(typeName.lastIndexOf('.') + 1);
    }

    /** A string literal with the escapes protoc reads. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.append('"').toString();
    }

    /** Indented lines. */
    private static final class Out {
        private final StringBuilder text = new StringBuilder();
        private int depth;

        void line(String line) {
            text.append("  ".repeat(depth)).append(line).append('\n');
        }

        void blank() {
            text.append('\n');
        }

        void open(String line) {
            line(line);
            depth++;
        }

        void close() {
            depth--;
            line("}");
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
