package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.UnknownFieldSet;
import com.squareup.wire.schema.internal.parser.OptionElement;
import io.ferry.protobuf.KnownProtoFiles;

/**
 * Custom options in a serialized descriptor whose extensions a built-in file declares ({@code confluent/meta.proto}'s
 * {@code field_meta}, {@code message_meta}, …), read back as the {@code .proto} options they were written from. A
 * descriptor carries a custom option as an unknown field of its options message; only the extensions of the
 * {@link KnownProtoFiles built-in files} the descriptor imports can be decoded before its references resolve, so
 * options of other extensions are not read.
 */
final class ProtobufKnownOptions {

    private final List<FieldDescriptor> extensions = new ArrayList<>();

    /** @param imports the import paths of the descriptor */
    ProtobufKnownOptions(List<String> imports) {
        for (String path : imports) {
            FileDescriptor known = KnownProtoFiles.get(path);
            if (known != null) {
                extensions.addAll(known.getExtensions());
            }
        }
    }

    /** The custom options of known extensions set in {@code options}, as parenthesised options with aggregate values. */
    List<OptionElement> read(Message options) {
        List<OptionElement> read = new ArrayList<>();
        UnknownFieldSet unknown = options.getUnknownFields();
        for (FieldDescriptor extension : extensions) {
            UnknownFieldSet.Field field = unknown.getField(extension.getNumber());
            boolean extendsThis = extension.getContainingType().getFullName().equals(options.getDescriptorForType().getFullName());
            if (!extendsThis || field == null || extension.getJavaType() != FieldDescriptor.JavaType.MESSAGE
                    || field.getLengthDelimitedList().isEmpty()) {
                continue;
            }
            DynamicMessage.Builder value = DynamicMessage.newBuilder(extension.getMessageType());
            try {
                for (ByteString bytes : field.getLengthDelimitedList()) {
                    value.mergeFrom(bytes);
                }
            } catch (InvalidProtocolBufferException e) {
                continue; // not this extension's message after all: left out, like any option not understood
            }
            read.add(new OptionElement(extension.getFullName(), OptionElement.Kind.MAP, aggregate(value.build()), true));
        }
        return read;
    }

    /** A message as Wire's aggregate option value: fields by name, in number order, unset fields left out. */
    private static Map<String, Object> aggregate(Message message) {
        Map<String, Object> values = new LinkedHashMap<>();
        message.getAllFields().forEach((field, value) -> {
            if (field.isRepeated()) {
                List<Object> elements = new ArrayList<>();
                ((List<?>) value).forEach(element -> elements.add(element(field, element)));
                values.put(field.getName(), elements);
            } else {
                values.put(field.getName(), element(field, value));
            }
        });
        return values;
    }

    private static Object element(FieldDescriptor field, Object value) {
        return switch (field.getJavaType()) {
            case MESSAGE -> aggregate((Message) value);
            case STRING -> value;
            case ENUM -> new OptionElement.OptionPrimitive(OptionElement.Kind.ENUM, ((EnumValueDescriptor) value).getName());
            case BOOLEAN -> new OptionElement.OptionPrimitive(OptionElement.Kind.BOOLEAN, String.valueOf(value));
            case BYTE_STRING -> ((ByteString) value).toStringUtf8();
            default -> new OptionElement.OptionPrimitive(OptionElement.Kind.NUMBER, String.valueOf(value));
        };
    }
}
