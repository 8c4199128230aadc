package io.ferry.serde.protobuf;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;

/**
 * The standard options set on a descriptor's options message ({@code java_package}, {@code packed},
 * {@code deprecated}, …) as {@code name → literal} in field order. Only single scalar and enum options are
 * listed; features, uninterpreted options and message-valued options are not, since printing them needs
 * more than a literal. Stateless.
 */
final class ProtoOptions {
    private ProtoOptions() {
    }

    static Map<String, String> standard(Message options) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map.Entry<FieldDescriptor, Object> option : options.getAllFields().entrySet()) {
            FieldDescriptor field = option.getKey();
            if (field.isExtension() || field.isRepeated() || field.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
                continue;
            }
            found.put(field.getName(), literal(option.getValue()));
        }
        return found;
    }

    private static String literal(Object value) {
        if (value instanceof String text) {
            return ProtoFilePrinter.quote(text);
        } else if (value instanceof ByteString bytes) {
            return ProtoFilePrinter.quote(bytes.toStringUtf8());
        } else if (value instanceof EnumValueDescriptor symbol) {
            return symbol.getName();
        }
        return String.valueOf(value);
    }
}
