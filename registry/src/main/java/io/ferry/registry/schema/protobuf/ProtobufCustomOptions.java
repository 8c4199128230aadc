package io.ferry.registry.schema.protobuf;

import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumDescriptorProto;
import com.google.protobuf.DescriptorProtos.EnumValueDescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.DescriptorProtos.MethodDescriptorProto;
import com.google.protobuf.DescriptorProtos.ServiceDescriptorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.TextFormat;
import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;
import com.squareup.wire.schema.internal.parser.OptionElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.RpcElement;
import com.squareup.wire.schema.internal.parser.ServiceElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

/**
 * Writes a file's custom (parenthesised) options into its {@link FileDescriptorProto}, as {@code protoc} does:
 * each as the extension field of the options message it extends ({@code FieldOptions}, …), found by name in
 * the file and the files it imports. A client that reads the descriptor without the extension's class sees the
 * option as an unknown field of its number, so Confluent's {@code confluent.field_meta} (field 1088) reaches
 * Ferry's and Confluent's converters through {@code format=serialized}.
 *
 * <p>An option whose extension cannot be found, or whose value does not suit the extension, is left out of the
 * descriptor (as before this class existed), so that no schema that parsed before is refused now.
 */
final class ProtobufCustomOptions {

    private final ProtobufExtensionNames names;

    private ProtobufCustomOptions(FileDescriptor descriptor) {
        this.names = new ProtobufExtensionNames(descriptor);
    }

    /**
     * @param file       the parsed file
     * @param proto      its descriptor proto, standard options already set
     * @param descriptor a descriptor built from {@code proto}, to resolve the extensions the file can see
     * @return {@code proto} with the custom options added
     */
    static FileDescriptorProto write(ProtoFileElement file, FileDescriptorProto proto, FileDescriptor descriptor) {
        ProtobufCustomOptions options = new ProtobufCustomOptions(descriptor);
        String scope = file.getPackageName() == null ? "" : file.getPackageName();
        FileDescriptorProto.Builder out = proto.toBuilder();
        out.setOptions(options.with(out.getOptions(), file.getOptions(), scope));
        for (TypeElement type : file.getTypes()) {
            if (type instanceof MessageElement message) {
                out.getMessageTypeBuilderList().stream().filter(m -> m.getName().equals(message.getName()))
                        .findFirst().ifPresent(m -> options.message(m, message, scope));
            } else if (type instanceof EnumElement enumType) {
                out.getEnumTypeBuilderList().stream().filter(e -> e.getName().equals(enumType.getName()))
                        .findFirst().ifPresent(e -> options.enumType(e, enumType, scope));
            }
        }
        for (ServiceElement service : file.getServices()) {
            out.getServiceBuilderList().stream().filter(s -> s.getName().equals(service.getName()))
                    .findFirst().ifPresent(s -> options.service(s, service, scope));
        }
        return out.build();
    }

    private void message(DescriptorProto.Builder proto, MessageElement element, String parentScope) {
        String scope = qualified(parentScope, element.getName());
        if (!element.getOptions().isEmpty()) {
            proto.setOptions(with(proto.getOptions(), element.getOptions(), scope));
        }
        for (FieldElement field : element.getFields()) {
            field(proto, field, scope);
        }
        for (OneOfElement oneOf : element.getOneOfs()) {
            oneOf.getFields().forEach(field -> field(proto, field, scope));
        }
        for (TypeElement nested : element.getNestedTypes()) {
            if (nested instanceof MessageElement message) {
                proto.getNestedTypeBuilderList().stream().filter(m -> m.getName().equals(message.getName()))
                        .findFirst().ifPresent(m -> message(m, message, scope));
            } else if (nested instanceof EnumElement enumType) {
                proto.getEnumTypeBuilderList().stream().filter(e -> e.getName().equals(enumType.getName()))
                        .findFirst().ifPresent(e -> enumType(e, enumType, scope));
            }
        }
    }

    private void field(DescriptorProto.Builder message, FieldElement element, String scope) {
        if (element.getOptions().isEmpty()) {
            return;
        }
        for (FieldDescriptorProto.Builder field : message.getFieldBuilderList()) {
            if (field.getName().equals(element.getName())) {
                field.setOptions(with(field.getOptions(), element.getOptions(), scope));
            }
        }
    }

    private void enumType(EnumDescriptorProto.Builder proto, EnumElement element, String parentScope) {
        String scope = qualified(parentScope, element.getName());
        if (!element.getOptions().isEmpty()) {
            proto.setOptions(with(proto.getOptions(), element.getOptions(), scope));
        }
        for (EnumConstantElement constant : element.getConstants()) {
            for (EnumValueDescriptorProto.Builder value : proto.getValueBuilderList()) {
                if (value.getName().equals(constant.getName()) && !constant.getOptions().isEmpty()) {
                    value.setOptions(with(value.getOptions(), constant.getOptions(), scope));
                }
            }
        }
    }

    private void service(ServiceDescriptorProto.Builder proto, ServiceElement element, String parentScope) {
        String scope = qualified(parentScope, element.getName());
        if (!element.getOptions().isEmpty()) {
            proto.setOptions(with(proto.getOptions(), element.getOptions(), scope));
        }
        for (RpcElement rpc : element.getRpcs()) {
            for (MethodDescriptorProto.Builder method : proto.getMethodBuilderList()) {
                if (method.getName().equals(rpc.getName()) && !rpc.getOptions().isEmpty()) {
                    method.setOptions(with(method.getOptions(), rpc.getOptions(), scope));
                }
            }
        }
    }

    /** {@code options} with each custom option of {@code elements} that resolves added as an extension field. */
    @SuppressWarnings("unchecked")
    private <T extends Message> T with(T options, List<OptionElement> elements, String scope) {
        Message.Builder merged = options.toBuilder();
        for (OptionElement element : elements) {
            FieldDescriptor extension = element.isParenthesized() ? names.resolve(element.getName(), scope) : null;
            if (extension == null || !extension.getContainingType().getFullName()
                    .equals(options.getDescriptorForType().getFullName())) {
                continue;
            }
            try {
                merged.mergeFrom(encoded(extension, element, options).toByteString());
            } catch (TextFormat.ParseException | InvalidProtocolBufferException | RuntimeException e) {
                // The value does not suit the extension: left out, see the class comment.
            }
        }
        return (T) merged.build();
    }

    /** The option alone, as a message of the extension's containing type in which the extension is known. */
    private static Message encoded(FieldDescriptor extension, OptionElement element, Message options)
            throws TextFormat.ParseException {
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        if (extension.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
            registry.add(extension, DynamicMessage.getDefaultInstance(extension.getMessageType()));
        } else {
            registry.add(extension);
        }
        OptionElement aggregate = ProtobufOptionValues.asAggregate(element);
        String text = "[" + extension.getFullName() + "]: " + value(new OptionElement.OptionPrimitive(aggregate.getKind(),
                aggregate.getValue()));
        DynamicMessage.Builder builder = DynamicMessage.newBuilder(extension.getContainingType());
        TextFormat.Parser.newBuilder().build().merge(text, registry, builder);
        return builder.build();
    }

    /** A Wire option value as protobuf text format. */
    private static String value(Object value) {
        if (value instanceof String text) {
            return "\"" + ProtobufOptionText.escape(text) + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            StringBuilder out = new StringBuilder("{ ");
            map.forEach((key, entry) -> out.append(key).append(": ").append(value(entry)).append(' '));
            return out.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return out.append(']').toString();
        }
        if (value instanceof OptionElement.OptionPrimitive primitive) {
            // Wire gives a number, boolean or enum value as its text, like a string's: the kind tells them apart.
            return switch (primitive.getKind()) {
                case BOOLEAN, NUMBER, ENUM -> String.valueOf(primitive.getValue());
                default -> value(primitive.getValue());
            };
        }
        return String.valueOf(value);
    }

    private static String qualified(String scope, String name) {
        return scope.isEmpty() ? name : scope + "." + name;
    }
}
