package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.GroupElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

/**
 * Writes a parsed {@code .proto} file as text, in the layout Confluent Schema Registry stores: no comments,
 * two-space indents, within a message its reserved ranges, options, fields, oneofs, groups, extension ranges,
 * extensions and nested types in that order, each group after a blank line; messages before enums.
 *
 * <p>The normal form is the same text with imports, options, fields (by number), oneofs (by first field
 * number), enum constants (by number), reserved ranges and option keys sorted; every message and enum type
 * written by its full name with a leading dot; map fields written as {@code map<K, V>} and their entry messages
 * left out. The order of messages is kept: clients number messages by their position.
 */
final class ProtobufTextWriter {

    private static final Comparator<FieldElement> BY_NUMBER = Comparator.comparingInt(FieldElement::getTag);

    private final boolean normalize;
    private final FileDescriptor descriptor;
    private final ProtobufOptionText options;

    private ProtobufTextWriter(boolean normalize, FileDescriptor descriptor) {
        this.normalize = normalize;
        this.descriptor = descriptor;
        this.options = new ProtobufOptionText(normalize);
    }

    /** The canonical text: the file as given, in the registry's layout. */
    static String canonical(ProtoFileElement file) {
        return new ProtobufTextWriter(false, null).file(file);
    }

    /** The normal form; {@code descriptor} is the file's, built, to resolve its type names. */
    static String normalized(ProtoFileElement file, FileDescriptor descriptor) {
        return new ProtobufTextWriter(true, Objects.requireNonNull(descriptor, "descriptor")).file(file);
    }

    private String file(ProtoFileElement file) {
        StringBuilder out = new StringBuilder();
        if (file.getSyntax() != null) {
            out.append("syntax = \"").append(file.getSyntax()).append("\";\n");
        }
        if (file.getPackageName() != null) {
            out.append("package ").append(file.getPackageName()).append(";\n");
        }
        if (!file.getImports().isEmpty() || !file.getPublicImports().isEmpty()) {
            out.append('\n');
            sorted(file.getImports()).forEach(path -> out.append("import \"").append(path).append("\";\n"));
            sorted(file.getPublicImports()).forEach(path -> out.append("import public \"").append(path).append("\";\n"));
        }
        if (!file.getOptions().isEmpty()) {
            out.append('\n').append(options.statements(file.getOptions()));
        }
        if (!file.getTypes().isEmpty()) {
            out.append('\n');
            for (TypeElement type : file.getTypes()) {
                if (type instanceof MessageElement message && !isMapEntry(message, null)) {
                    out.append(message(message, normalize ? descriptor.findMessageTypeByName(message.getName()) : null));
                }
            }
            for (TypeElement type : file.getTypes()) {
                if (type instanceof EnumElement enumType) {
                    out.append(enumType(enumType));
                }
            }
        }
        if (!file.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            file.getExtendDeclarations().forEach(extend -> out.append(extend.toSchema()));
        }
        if (!file.getServices().isEmpty()) {
            out.append('\n');
            file.getServices().forEach(service -> out.append(service(service)));
        }
        return out.toString();
    }

    /** @param scope the message's descriptor in the normal form, else null */
    private String message(MessageElement message, Descriptor scope) {
        StringBuilder out = new StringBuilder("message ").append(message.getName()).append(" {");
        if (!message.getReserveds().isEmpty()) {
            out.append('\n');
            reserveds(message.getReserveds()).forEach(reserved -> indent(out, reserved(reserved)));
        }
        if (!message.getOptions().isEmpty()) {
            out.append('\n');
            indent(out, options.statements(message.getOptions()));
        }
        if (!message.getFields().isEmpty()) {
            out.append('\n');
            byNumber(message.getFields()).forEach(field -> indent(out, field(field, scope)));
        }
        if (!message.getOneOfs().isEmpty()) {
            out.append('\n');
            oneOfs(message.getOneOfs()).forEach(oneOf -> indent(out, oneOf(oneOf, scope)));
        }
        if (!message.getGroups().isEmpty()) {
            out.append('\n');
            message.getGroups().forEach(group -> indent(out, group.toSchema()));
        }
        if (!message.getExtensions().isEmpty()) {
            out.append('\n');
            message.getExtensions().forEach(extensions -> indent(out, extensions.toSchema()));
        }
        if (!message.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            message.getExtendDeclarations().forEach(extend -> indent(out, extend.toSchema()));
        }
        if (!message.getNestedTypes().isEmpty()) {
            out.append('\n');
            for (TypeElement nested : message.getNestedTypes()) {
                if (nested instanceof MessageElement nestedMessage && !isMapEntry(nestedMessage, scope)) {
                    indent(out, message(nestedMessage, scope != null ? scope.findNestedTypeByName(nested.getName()) : null));
                }
            }
            for (TypeElement nested : message.getNestedTypes()) {
                if (nested instanceof EnumElement nestedEnum) {
                    indent(out, enumType(nestedEnum));
                }
            }
        }
        return out.append("}\n").toString();
    }

    /** In the normal form, map entry messages written out are left out: their fields are written as maps. */
    private boolean isMapEntry(MessageElement message, Descriptor parent) {
        if (!normalize) {
            return false;
        }
        Descriptor type = parent == null ? descriptor.findMessageTypeByName(message.getName())
                : parent.findNestedTypeByName(message.getName());
        return type != null && type.getOptions().getMapEntry();
    }

    private String field(FieldElement field, Descriptor scope) {
        Field.Label label = field.getLabel();
        String type = field.getType();
        if (normalize) {
            FieldDescriptor resolved = scope.findFieldByName(field.getName());
            if (resolved.isMapField()) {
                Descriptor entry = resolved.getMessageType();
                type = "map<" + typeName(entry.findFieldByNumber(1)) + ", " + typeName(entry.findFieldByNumber(2)) + ">";
                label = null;
            } else {
                type = typeName(resolved);
            }
        }
        StringBuilder out = new StringBuilder();
        if (label != null) {
            out.append(label.name().toLowerCase(Locale.ROOT)).append(' ');
        }
        out.append(type).append(' ').append(field.getName()).append(" = ").append(field.getTag());
        List<OptionElement> fieldOptions = new ArrayList<>(field.getOptions());
        if (field.getDefaultValue() != null) {
            fieldOptions.add(new OptionElement("default", defaultKind(field.getType()), field.getDefaultValue(), false));
        }
        if (field.getJsonName() != null) {
            fieldOptions.add(new OptionElement("json_name", OptionElement.Kind.STRING, field.getJsonName(), false));
        }
        if (!fieldOptions.isEmpty()) {
            out.append(' ').append(options.bracketed(fieldOptions));
        }
        return out.append(";\n").toString();
    }

    /** A scalar's name, or a message's or enum's full name with a leading dot. */
    private static String typeName(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case MESSAGE -> "." + field.getMessageType().getFullName();
            case ENUM -> "." + field.getEnumType().getFullName();
            default -> field.getType().name().toLowerCase(Locale.ROOT);
        };
    }

    /** How a default value is written: quoted for strings and bytes, bare otherwise. */
    private static OptionElement.Kind defaultKind(String type) {
        return switch (type) {
            case "bool" -> OptionElement.Kind.BOOLEAN;
            case "string", "bytes" -> OptionElement.Kind.STRING;
            case "double", "float", "int32", "int64", "uint32", "uint64", "sint32", "sint64",
                 "fixed32", "fixed64", "sfixed32", "sfixed64" -> OptionElement.Kind.NUMBER;
            default -> OptionElement.Kind.ENUM;
        };
    }

    private String oneOf(OneOfElement oneOf, Descriptor scope) {
        StringBuilder out = new StringBuilder("oneof ").append(oneOf.getName()).append(" {");
        if (!oneOf.getOptions().isEmpty()) {
            out.append('\n');
            indent(out, options.statements(oneOf.getOptions()));
        }
        if (!oneOf.getFields().isEmpty()) {
            out.append('\n');
            byNumber(oneOf.getFields()).forEach(field -> indent(out, field(field, scope)));
        }
        if (!oneOf.getGroups().isEmpty()) {
            out.append('\n');
            oneOf.getGroups().forEach(group -> indent(out, group.toSchema()));
        }
        return out.append("}\n").toString();
    }

    private String enumType(EnumElement enumType) {
        StringBuilder out = new StringBuilder("enum ").append(enumType.getName()).append(" {");
        if (!enumType.getOptions().isEmpty() || !enumType.getConstants().isEmpty()) {
            out.append('\n');
        }
        if (!enumType.getOptions().isEmpty()) {
            indent(out, options.statements(enumType.getOptions()));
        }
        List<EnumConstantElement> constants = new ArrayList<>(enumType.getConstants());
        if (normalize) {
            constants.sort(Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName));
        }
        for (EnumConstantElement constant : constants) {
            String constantOptions = constant.getOptions().isEmpty() ? "" : " " + options.bracketed(constant.getOptions());
            indent(out, constant.getName() + " = " + constant.getTag() + constantOptions + ";\n");
        }
        return out.append("}\n").toString();
    }

    private String service(ServiceElement service) {
        StringBuilder out = new StringBuilder("service ").append(service.getName()).append(" {");
        if (!service.getOptions().isEmpty()) {
            out.append('\n');
            indent(out, options.statements(service.getOptions()));
        }
        if (!service.getRpcs().isEmpty()) {
            out.append('\n');
            service.getRpcs().forEach(rpc -> indent(out, rpc(service, rpc)));
        }
        return out.append("}\n").toString();
    }

    private String rpc(ServiceElement service, RpcElement rpc) {
        String request = rpc.getRequestType();
        String response = rpc.getResponseType();
        if (normalize) {
            var method = descriptor.findServiceByName(service.getName()).findMethodByName(rpc.getName());
            request = "." + method.getInputType().getFullName();
            response = "." + method.getOutputType().getFullName();
        }
        StringBuilder out = new StringBuilder("rpc ").append(rpc.getName()).append(" (")
                .append(rpc.getRequestStreaming() ? "stream " : "").append(request).append(") returns (")
                .append(rpc.getResponseStreaming() ? "stream " : "").append(response).append(')');
        if (!rpc.getOptions().isEmpty()) {
            out.append(" {\n");
            indent(out, options.statements(rpc.getOptions()));
            out.append('}');
        }
        return out.append(";\n").toString();
    }

    private static String reserved(ReservedElement reserved) {
        List<String> values = new ArrayList<>();
        for (Object value : reserved.getValues()) {
            if (value instanceof String name) {
                values.add("\"" + name + "\"");
            } else if (value instanceof kotlin.ranges.IntRange range) {
                values.add(range.getFirst() + " to " + range.getLast());
            } else {
                values.add(String.valueOf(value));
            }
        }
        return "reserved " + String.join(", ", values) + ";\n";
    }

    /** As given; in the normal form one value each, numbers first by their start, then names. */
    private List<ReservedElement> reserveds(List<ReservedElement> reserveds) {
        if (!normalize) {
            return reserveds;
        }
        List<ReservedElement> single = new ArrayList<>();
        for (ReservedElement reserved : reserveds) {
            for (Object value : reserved.getValues()) {
                single.add(new ReservedElement(reserved.getLocation(), reserved.getDocumentation(), List.of(value)));
            }
        }
        single.sort(Comparator.comparingInt((ReservedElement r) -> reservedStart(r.getValues().get(0)))
                .thenComparing(r -> r.getValues().get(0).toString()));
        return single;
    }

    private static int reservedStart(Object value) {
        if (value instanceof kotlin.ranges.IntRange range) {
            return range.getFirst();
        }
        return value instanceof Integer number ? number : Integer.MAX_VALUE;
    }

    private List<OneOfElement> oneOfs(List<OneOfElement> oneOfs) {
        if (!normalize) {
            return oneOfs;
        }
        return oneOfs.stream()
                .filter(oneOf -> !oneOf.getFields().isEmpty())
                .sorted(Comparator.comparingInt(oneOf -> oneOf.getFields().stream().mapToInt(FieldElement::getTag).min().orElse(0)))
                .toList();
    }

    private List<FieldElement> byNumber(List<FieldElement> fields) {
        return normalize ? fields.stream().sorted(BY_NUMBER).toList() : fields;
    }

    private List<String> sorted(List<String> paths) {
        return normalize ? paths.stream().sorted().distinct().toList() : paths;
    }

    /**
     * Appends each line of {@code block} indented by two spaces. Blank lines inside the block get the indent
     * too, as in the text Confluent Schema Registry stores.
     */
    static void indent(StringBuilder out, String block) {
        for (String line : block.split("\n")) {
            out.append("  ").append(line).append('\n');
        }
    }
}
