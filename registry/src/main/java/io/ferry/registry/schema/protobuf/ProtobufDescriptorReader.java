package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.squareup.wire.Syntax;
import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.ExtendElement;
import com.squareup.wire.schema.internal.parser.ExtensionsElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ReservedElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import kotlin.ranges.IntRange;

/**
 * Reads a {@link FileDescriptorProto} (what clients that register a schema in serialized form send, base64
 * encoded) as the {@code .proto} file it describes, as Confluent Schema Registry reads it: type names as the
 * descriptor gives them (fully qualified), map entry messages as {@code map<K, V>} fields, proto3
 * {@code optional} fields without their synthetic oneofs, standard options set in the descriptor as options.
 * Of custom options (extensions of the options messages, unknown fields here) only those declared in a built-in
 * file the descriptor imports are read, Confluent's {@code confluent.field_meta} and the like, see
 * {@link ProtobufKnownOptions}.
 */
final class ProtobufDescriptorReader {

    private static final Location NOWHERE = Location.get("");

    /** Confluent Schema Registry writes a file's standard options in this order; others follow by number. */
    private static final List<String> FILE_OPTION_ORDER = List.of("java_package", "java_outer_classname",
            "java_multiple_files", "java_generate_equals_and_hash", "java_string_check_utf8", "optimize_for",
            "go_package", "cc_generic_services", "java_generic_services", "py_generic_services", "php_generic_services",
            "deprecated", "cc_enable_arenas", "objc_class_prefix", "csharp_namespace", "swift_prefix",
            "php_class_prefix", "php_namespace", "php_metadata_namespace", "ruby_package");

    private final boolean proto3;
    private final ProtobufKnownOptions knownOptions;

    private ProtobufDescriptorReader(boolean proto3, ProtobufKnownOptions knownOptions) {
        this.proto3 = proto3;
        this.knownOptions = knownOptions;
    }

    static ProtoFileElement read(FileDescriptorProto file) {
        return new ProtobufDescriptorReader(file.getSyntax().equals("proto3"), new ProtobufKnownOptions(file.getDependencyList()))
                .file(file);
    }

    private ProtoFileElement file(FileDescriptorProto file) {
        Syntax syntax = switch (file.getSyntax()) {
            case "proto3" -> Syntax.PROTO_3;
            case "proto2" -> Syntax.PROTO_2;
            default -> null;
        };
        List<String> imports = new ArrayList<>();
        List<String> publicImports = new ArrayList<>();
        for (int i = 0; i < file.getDependencyCount(); i++) {
            (file.getPublicDependencyList().contains(i) ? publicImports : imports).add(file.getDependency(i));
        }
        List<TypeElement> types = new ArrayList<>();
        file.getMessageTypeList().forEach(message -> types.add(message(message)));
        file.getEnumTypeList().forEach(enumType -> types.add(enumType(enumType)));
        List<ServiceElement> services = file.getServiceList().stream().map(this::service).toList();
        return new ProtoFileElement(NOWHERE, file.getPackage().isEmpty() ? null : file.getPackage(), syntax,
                imports, publicImports, List.of(), types, services, extendDeclarations(file.getExtensionList()),
                options(file.getOptions(), FILE_OPTION_ORDER));
    }

    private MessageElement message(DescriptorProto message) {
        Map<String, String> mapTypes = new LinkedHashMap<>();
        List<TypeElement> nested = new ArrayList<>();
        for (DescriptorProto type : message.getNestedTypeList()) {
            if (type.getOptions().getMapEntry()) {
                mapTypes.put(type.getName(), "map<" + typeName(type.getField(0)) + ", " + typeName(type.getField(1)) + ">");
            } else {
                nested.add(message(type));
            }
        }
        message.getEnumTypeList().forEach(enumType -> nested.add(enumType(enumType)));
        List<FieldElement> fields = new ArrayList<>();
        List<List<FieldElement>> oneOfFields = new ArrayList<>();
        message.getOneofDeclList().forEach(oneOf -> oneOfFields.add(new ArrayList<>()));
        for (FieldDescriptorProto field : message.getFieldList()) {
            if (field.hasOneofIndex() && !field.getProto3Optional()) {
                oneOfFields.get(field.getOneofIndex()).add(field(field, null, mapTypes));
            } else {
                fields.add(field(field, label(field), mapTypes));
            }
        }
        List<OneOfElement> oneOfs = new ArrayList<>();
        for (int i = 0; i < message.getOneofDeclCount(); i++) {
            if (!oneOfFields.get(i).isEmpty()) {
                oneOfs.add(new OneOfElement(message.getOneofDecl(i).getName(), "", oneOfFields.get(i), List.of(),
                        options(message.getOneofDecl(i).getOptions(), List.of()), NOWHERE));
            }
        }
        List<ReservedElement> reserved = new ArrayList<>();
        message.getReservedRangeList().forEach(range -> reserved.add(new ReservedElement(NOWHERE, "",
                List.of(range(range.getStart(), range.getEnd() - 1)))));
        message.getReservedNameList().forEach(name -> reserved.add(new ReservedElement(NOWHERE, "", List.of(name))));
        List<ExtensionsElement> extensions = message.getExtensionRangeList().stream()
                .map(range -> new ExtensionsElement(NOWHERE, "", List.of(range(range.getStart(), range.getEnd() - 1)), List.of()))
                .toList();
        return new MessageElement(NOWHERE, message.getName(), "", nested, options(message.getOptions(), List.of()),
                reserved, fields, oneOfs, extensions, List.of(), extendDeclarations(message.getExtensionList()));
    }

    private FieldElement field(FieldDescriptorProto field, Field.Label label, Map<String, String> mapTypes) {
        String type = typeName(field);
        String mapType = mapTypes.get(type.substring(type.lastIndexOf('.') + 1));
        if (mapType != null && field.getLabel() == FieldDescriptorProto.Label.LABEL_REPEATED) {
            type = mapType;
            label = null;
        }
        String defaultValue = !proto3 && field.hasDefaultValue() ? field.getDefaultValue() : null;
        return new FieldElement(NOWHERE, label, type, field.getName(), defaultValue,
                field.hasJsonName() ? field.getJsonName() : null, field.getNumber(), "",
                options(field.getOptions(), List.of("ctype", "packed", "jstype", "deprecated")));
    }

    private Field.Label label(FieldDescriptorProto field) {
        if (field.getProto3Optional()) {
            return Field.Label.OPTIONAL;
        }
        return switch (field.getLabel()) {
            case LABEL_REPEATED -> Field.Label.REPEATED;
            case LABEL_REQUIRED -> proto3 ? null : Field.Label.REQUIRED;
            default -> proto3 ? null : Field.Label.OPTIONAL;
        };
    }

    /** The type name as the descriptor gives it, or the scalar's name. */
    private static String typeName(FieldDescriptorProto field) {
        if (field.hasTypeName()) {
            return field.getTypeName();
        }
        return FieldDescriptor.Type.valueOf(field.getType()).name().toLowerCase(Locale.ROOT);
    }

    private List<ExtendElement> extendDeclarations(List<FieldDescriptorProto> extensions) {
        Map<String, List<FieldElement>> byExtendee = new LinkedHashMap<>();
        for (FieldDescriptorProto extension : extensions) {
            byExtendee.computeIfAbsent(extension.getExtendee(), name -> new ArrayList<>())
                    .add(field(extension, label(extension), Map.of()));
        }
        List<ExtendElement> declarations = new ArrayList<>();
        byExtendee.forEach((extendee, fields) -> declarations.add(new ExtendElement(NOWHERE, extendee, "", fields)));
        return declarations;
    }

    private EnumElement enumType(EnumDescriptorProto enumType) {
        List<EnumConstantElement> constants = enumType.getValueList().stream()
                .map(value -> new EnumConstantElement(NOWHERE, value.getName(), value.getNumber(), "",
                        options(value.getOptions(), List.of())))
                .toList();
        List<ReservedElement> reserved = new ArrayList<>();
        enumType.getReservedRangeList().forEach(range -> reserved.add(new ReservedElement(NOWHERE, "",
                List.of(range(range.getStart(), range.getEnd())))));
        enumType.getReservedNameList().forEach(name -> reserved.add(new ReservedElement(NOWHERE, "", List.of(name))));
        return new EnumElement(NOWHERE, enumType.getName(), "", options(enumType.getOptions(), List.of("allow_alias", "deprecated")),
                constants, reserved);
    }

    private ServiceElement service(ServiceDescriptorProto service) {
        List<RpcElement> rpcs = service.getMethodList().stream()
                .map(method -> new RpcElement(NOWHERE, method.getName(), "", method.getInputType(), method.getOutputType(),
                        method.getClientStreaming(), method.getServerStreaming(),
                        options(method.getOptions(), List.of("deprecated", "idempotency_level"))))
                .toList();
        return new ServiceElement(NOWHERE, service.getName(), "", rpcs, options(service.getOptions(), List.of()));
    }

    /** A number, or an inclusive range of more than one. */
    private static Object range(int first, int last) {
        return first == last ? (Object) first : new IntRange(first, last);
    }

    /** The standard options set in an options message: those named in {@code order} first, then by number. */
    private List<OptionElement> options(Message options, List<String> order) {
        Map<String, OptionElement> byName = new LinkedHashMap<>();
        order.forEach(name -> byName.put(name, null));
        options.getAllFields().forEach((field, value) -> {
            if (!field.isExtension() && !field.isRepeated() && field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                byName.put(field.getName(), new OptionElement(field.getName(), kind(field), optionValue(value), false));
            }
        });
        List<OptionElement> read = new ArrayList<>(byName.values().stream().filter(option -> option != null).toList());
        read.addAll(knownOptions.read(options));
        return read;
    }

    private static OptionElement.Kind kind(FieldDescriptor field) {
        return switch (field.getJavaType()) {
            case BOOLEAN -> OptionElement.Kind.BOOLEAN;
            case STRING -> OptionElement.Kind.STRING;
            case ENUM -> OptionElement.Kind.ENUM;
            default -> OptionElement.Kind.NUMBER;
        };
    }

    private static Object optionValue(Object value) {
        return value instanceof EnumValueDescriptor enumValue ? enumValue.getName() : String.valueOf(value);
    }
}
