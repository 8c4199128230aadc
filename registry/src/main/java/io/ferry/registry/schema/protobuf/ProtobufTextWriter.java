package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.Syntax;
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
 * <p>The {@link ProtobufTextForm#NORMALIZED normal form} is the same text with the proto2 syntax line left out;
 * imports, fields (by number), oneofs (by first field number), enum constants (by number), reserved and extension
 * ranges sorted; every message and enum type, extended message and custom option written by its full name;
 * map fields written as {@code map<K, V>} and their entry messages left out; options as
 * {@link ProtobufOptionText} writes them. The order of messages is kept: clients number messages by their
 * position.
 */
final class ProtobufTextWriter {

    private static final Comparator<FieldElement> BY_NUMBER = Comparator.comparingInt(FieldElement::getTag);

    private final ProtobufTextForm form;
    private final FileDescriptor descriptor;
    private final ProtobufOptionText options;
    private final ProtobufRangeText ranges;

    private ProtobufTextWriter(ProtobufTextForm form, FileDescriptor descriptor) {
        this.form = form;
        this.descriptor = descriptor;
        this.options = new ProtobufOptionText(form, form.normalize() ? new ProtobufExtensionNames(descriptor) : null);
        this.ranges = new ProtobufRangeText(form.normalize());
    }

    /**
     * @param descriptor the file's descriptor, built; needed for the normal form, to resolve names
     */
    static String write(ProtoFileElement file, ProtobufTextForm form, FileDescriptor descriptor) {
        if (form.normalize()) {
            Objects.requireNonNull(descriptor, "the normal form needs the descriptor");
        }
        return new ProtobufTextWriter(form, descriptor).file(file);
    }

    private String file(ProtoFileElement file) {
        StringBuilder out = new StringBuilder();
        if (file.getSyntax() != null && (!form.normalize() || file.getSyntax() == Syntax.PROTO_3)) {
            out.append("syntax = \"").append(file.getSyntax()).append("\";\n");
        }
        String scope = file.getPackageName() == null ? "" : file.getPackageName();
        if (file.getPackageName() != null) {
            out.append("package ").append(file.getPackageName()).append(";\n");
        }
        if (!file.getImports().isEmpty() || !file.getPublicImports().isEmpty()) {
            out.append('\n');
            sorted(file.getImports()).forEach(path -> out.append("import \"").append(path).append("\";\n"));
            sorted(file.getPublicImports()).forEach(path -> out.append("import public \"").append(path).append("\";\n"));
        }
        String fileOptions = options.statements(file.getOptions(), scope);
        if (!fileOptions.isEmpty()) {
            out.append('\n').append(fileOptions);
        }
        List<TypeElement> types = withoutMapEntries(file.getTypes(), null);
        if (!types.isEmpty()) {
            out.append('\n');
            for (TypeElement type : types) {
                if (type instanceof MessageElement message) {
                    out.append(message(message, resolved(null, message.getName()), qualified(scope, message.getName())));
                }
            }
            for (TypeElement type : types) {
                if (type instanceof EnumElement enumType) {
                    out.append(enumType(enumType, qualified(scope, enumType.getName())));
                }
            }
        }
        if (!form.ignoreExtensions() && !file.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            extendDeclarations(file.getExtendDeclarations(), descriptor == null ? List.of() : descriptor.getExtensions(), scope)
                    .forEach(out::append);
        }
        if (!file.getServices().isEmpty()) {
            out.append('\n');
            file.getServices().forEach(service -> out.append(service(service, qualified(scope, service.getName()))));
        }
        return out.toString();
    }

    /**
     * @param resolved the message's descriptor in the normal form, else null
     * @param scope    the message's full name
     */
    private String message(MessageElement message, Descriptor resolved, String scope) {
        StringBuilder out = new StringBuilder("message ").append(message.getName()).append(" {");
        if (!message.getReserveds().isEmpty()) {
            out.append('\n');
            ranges.statements("reserved", message.getReserveds().stream().map(ReservedElement::getValues).toList())
                    .forEach(line -> indent(out, line));
        }
        section(out, options.statements(message.getOptions(), scope));
        if (!message.getFields().isEmpty()) {
            out.append('\n');
            byNumber(message.getFields()).forEach(field -> indent(out, field(field, fieldOf(resolved, field), scope)));
        }
        if (!message.getOneOfs().isEmpty()) {
            out.append('\n');
            oneOfs(message.getOneOfs()).forEach(oneOf -> indent(out, oneOf(oneOf, resolved, scope)));
        }
        if (!message.getGroups().isEmpty()) {
            out.append('\n');
            groups(message.getGroups()).forEach(group -> indent(out, group(group, scope)));
        }
        if (!form.ignoreExtensions() && !message.getExtensions().isEmpty()) {
            out.append('\n');
            ranges.statements("extensions", message.getExtensions().stream().map(ExtensionsElement::getValues).toList())
                    .forEach(line -> indent(out, line));
        }
        if (!form.ignoreExtensions() && !message.getExtendDeclarations().isEmpty()) {
            out.append('\n');
            extendDeclarations(message.getExtendDeclarations(), resolved == null ? List.of() : resolved.getExtensions(), scope)
                    .forEach(extend -> indent(out, extend));
        }
        List<TypeElement> nested = withoutMapEntries(message.getNestedTypes(), resolved);
        if (!nested.isEmpty()) {
            out.append('\n');
            for (TypeElement type : nested) {
                if (type instanceof MessageElement nestedMessage) {
                    indent(out, message(nestedMessage, resolved(resolved, type.getName()), qualified(scope, type.getName())));
                }
            }
            for (TypeElement type : nested) {
                if (type instanceof EnumElement nestedEnum) {
                    indent(out, enumType(nestedEnum, qualified(scope, type.getName())));
                }
            }
        }
        return out.append("}\n").toString();
    }

    /**
     * @param resolved the field's descriptor in the normal form (null for a group's fields, which the
     *                 descriptor does not hold), else null
     */
    private String field(FieldElement field, FieldDescriptor resolved, String scope) {
        Field.Label label = field.getLabel();
        String type = field.getType();
        if (resolved != null) {
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
        List<OptionElement> written = options.filtered(fieldOptions, scope);
        if (!written.isEmpty()) {
            out.append(' ').append(options.bracketed(written, scope));
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

    private String oneOf(OneOfElement oneOf, Descriptor message, String scope) {
        StringBuilder out = new StringBuilder("oneof ").append(oneOf.getName()).append(" {");
        section(out, options.statements(oneOf.getOptions(), scope));
        if (!oneOf.getFields().isEmpty()) {
            out.append('\n');
            byNumber(oneOf.getFields()).forEach(field -> indent(out, field(field, fieldOf(message, field), scope)));
        }
        if (!oneOf.getGroups().isEmpty()) {
            out.append('\n');
            groups(oneOf.getGroups()).forEach(group -> indent(out, group(group, scope)));
        }
        return out.append("}\n").toString();
    }

    private String group(GroupElement group, String scope) {
        StringBuilder out = new StringBuilder();
        if (group.getLabel() != null) {
            out.append(group.getLabel().name().toLowerCase(Locale.ROOT)).append(' ');
        }
        out.append("group ").append(group.getName()).append(" = ").append(group.getTag()).append(" {");
        if (!group.getFields().isEmpty()) {
            out.append('\n');
            // Groups are not part of the descriptor: their fields' types are written as given.
            byNumber(group.getFields()).forEach(field -> indent(out, field(field, null, scope)));
        }
        return out.append("}\n").toString();
    }

    /**
     * Extend blocks; in the normal form one per extended message, named in full.
     *
     * @param resolved the extension fields these blocks declare, in the descriptor (empty unless normal form)
     */
    private List<String> extendDeclarations(List<ExtendElement> extendElements, List<FieldDescriptor> resolved, String scope) {
        Map<String, List<FieldElement>> blocks = new LinkedHashMap<>();
        for (ExtendElement extend : extendElements) {
            for (FieldElement field : extend.getFields()) {
                String extendee = form.normalize()
                        ? "." + extension(resolved, field).getContainingType().getFullName()
                        : extend.getName();
                blocks.computeIfAbsent(extendee, name -> new ArrayList<>()).add(field);
            }
            if (!form.normalize() && extend.getFields().isEmpty()) {
                blocks.putIfAbsent(extend.getName(), new ArrayList<>());
            }
        }
        List<String> written = new ArrayList<>();
        blocks.forEach((extendee, fields) -> {
            StringBuilder out = new StringBuilder("extend ").append(extendee).append(" {");
            if (!fields.isEmpty()) {
                out.append('\n');
                byNumber(fields).forEach(field -> indent(out, field(field, form.normalize() ? extension(resolved, field) : null, scope)));
            }
            written.add(out.append("}\n").toString());
        });
        return written;
    }

    private static FieldDescriptor extension(List<FieldDescriptor> extensions, FieldElement field) {
        return extensions.stream().filter(extension -> extension.getName().equals(field.getName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("extension " + field.getName() + " is not in the descriptor"));
    }

    private String enumType(EnumElement enumType, String scope) {
        StringBuilder out = new StringBuilder("enum ").append(enumType.getName()).append(" {");
        if (!enumType.getReserveds().isEmpty()) {
            out.append('\n');
            ranges.statements("reserved", enumType.getReserveds().stream().map(ReservedElement::getValues).toList())
                    .forEach(line -> indent(out, line));
        } else if (!enumType.getOptions().isEmpty() || !enumType.getConstants().isEmpty()) {
            out.append('\n');
        }
        indent(out, options.statements(enumType.getOptions(), scope));
        List<EnumConstantElement> constants = new ArrayList<>(enumType.getConstants());
        if (form.normalize()) {
            constants.sort(Comparator.comparingInt(EnumConstantElement::getTag).thenComparing(EnumConstantElement::getName));
        }
        for (EnumConstantElement constant : constants) {
            List<OptionElement> written = options.filtered(constant.getOptions(), scope);
            String constantOptions = written.isEmpty() ? "" : " " + options.bracketed(written, scope);
            indent(out, constant.getName() + " = " + constant.getTag() + constantOptions + ";\n");
        }
        return out.append("}\n").toString();
    }

    private String service(ServiceElement service, String scope) {
        StringBuilder out = new StringBuilder("service ").append(service.getName()).append(" {");
        section(out, options.statements(service.getOptions(), scope));
        if (!service.getRpcs().isEmpty()) {
            out.append('\n');
            service.getRpcs().forEach(rpc -> indent(out, rpc(service, rpc, scope)));
        }
        return out.append("}\n").toString();
    }

    private String rpc(ServiceElement service, RpcElement rpc, String scope) {
        String request = rpc.getRequestType();
        String response = rpc.getResponseType();
        if (form.normalize()) {
            var method = descriptor.findServiceByName(service.getName()).findMethodByName(rpc.getName());
            request = "." + method.getInputType().getFullName();
            response = "." + method.getOutputType().getFullName();
        }
        StringBuilder out = new StringBuilder("rpc ").append(rpc.getName()).append(" (")
                .append(rpc.getRequestStreaming() ? "stream " : "").append(request).append(") returns (")
                .append(rpc.getResponseStreaming() ? "stream " : "").append(response).append(')');
        String rpcOptions = options.statements(rpc.getOptions(), scope);
        if (!rpcOptions.isEmpty()) {
            out.append(" {\n");
            indent(out, rpcOptions);
            out.append('}');
        }
        return out.append(";\n").toString();
    }

    /** A blank line and the lines, when there are any. */
    private static void section(StringBuilder out, String lines) {
        if (!lines.isEmpty()) {
            out.append('\n');
            indent(out, lines);
        }
    }

    private Descriptor resolved(Descriptor parent, String name) {
        if (!form.normalize()) {
            return null;
        }
        return parent == null ? descriptor.findMessageTypeByName(name) : parent.findNestedTypeByName(name);
    }

    private static FieldDescriptor fieldOf(Descriptor message, FieldElement field) {
        return message == null ? null : message.findFieldByName(field.getName());
    }

    /** In the normal form, map entry messages written out are left out: their fields are written as maps. */
    private List<TypeElement> withoutMapEntries(List<TypeElement> types, Descriptor parent) {
        if (!form.normalize()) {
            return types;
        }
        return types.stream().filter(type -> {
            Descriptor message = type instanceof MessageElement ? resolved(parent, type.getName()) : null;
            return message == null || !message.getOptions().getMapEntry();
        }).toList();
    }

    private List<OneOfElement> oneOfs(List<OneOfElement> oneOfs) {
        if (!form.normalize()) {
            return oneOfs;
        }
        return oneOfs.stream()
                .filter(oneOf -> !oneOf.getFields().isEmpty())
                .sorted(Comparator.comparingInt(oneOf -> oneOf.getFields().stream().mapToInt(FieldElement::getTag).min().orElse(0)))
                .toList();
    }

    private List<GroupElement> groups(List<GroupElement> groups) {
        return form.normalize() ? groups.stream().sorted(Comparator.comparingInt(GroupElement::getTag)).toList() : groups;
    }

    private List<FieldElement> byNumber(List<FieldElement> fields) {
        return form.normalize() ? fields.stream().sorted(BY_NUMBER).toList() : fields;
    }

    private List<String> sorted(List<String> paths) {
        return form.normalize() ? paths.stream().sorted().distinct().toList() : paths;
    }

    private static String qualified(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }

    /**
     * Appends each line of {@code block} indented by two spaces. Blank lines inside the block get the indent
     * too, as in the text Confluent Schema Registry stores.
     */
    static void indent(StringBuilder out, String block) {
        if (block.isEmpty()) {
            return;
        }
        for (String line : block.split("\n")) {
            out.append("  ").append(line).append('\n');
        }
    }
}
