package io.ferry.registry.schema.protobuf;

import java.util.List;
import java.util.Optional;

import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.squareup.wire.schema.internal.parser.OptionElement;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * Standard options ({@code java_package}, {@code deprecated}, {@code packed}, …) as fields of the descriptor's
 * options messages, found by name in {@code descriptor.proto}. Custom (parenthesised) options, options whose
 * value is a message, and names {@code descriptor.proto} does not define are left out, as Confluent Schema
 * Registry leaves them out of the descriptors it builds.
 */
final class ProtobufOptions {

    private ProtobufOptions() {
    }

    /**
     * The options, as a message of {@code prototype}'s type (for example {@code FileOptions}).
     *
     * @return empty when none of the options is a standard one
     * @throws InvalidSchemaException when a standard option's value does not suit its type
     */
    @SuppressWarnings("unchecked")
    static <T extends Message> Optional<T> read(List<OptionElement> options, T prototype) throws InvalidSchemaException {
        Message.Builder builder = prototype.newBuilderForType();
        boolean any = false;
        for (OptionElement option : options) {
            FieldDescriptor field = option.isParenthesized() ? null
                    : builder.getDescriptorForType().findFieldByName(option.getName());
            if (field == null || field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            builder.setField(field, value(field, option));
            any = true;
        }
        return any ? Optional.of((T) builder.build()) : Optional.empty();
    }

    private static Object value(FieldDescriptor field, OptionElement option) throws InvalidSchemaException {
        String text = String.valueOf(option.getValue());
        try {
            return switch (field.getJavaType()) {
                case BOOLEAN -> booleanValue(text);
                case STRING -> text;
                case INT -> Integer.decode(text);
                case LONG -> Long.decode(text);
                case FLOAT -> Float.parseFloat(text);
                case DOUBLE -> Double.parseDouble(text);
                case ENUM -> enumValue(field, text);
                default -> throw new IllegalArgumentException("unsupported option type " + field.getJavaType());
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidSchemaException("Option \"" + option.getName() + "\" cannot have the value " + text, e);
        }
    }

    private static Boolean booleanValue(String text) {
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("not a boolean: " + text);
        }
        return Boolean.valueOf(text);
    }

    private static EnumValueDescriptor enumValue(FieldDescriptor field, String text) {
        EnumValueDescriptor value = field.getEnumType().findValueByName(text);
        if (value == null) {
            throw new IllegalArgumentException("no such value of " + field.getEnumType().getName() + ": " + text);
        }
        return value;
    }
}
