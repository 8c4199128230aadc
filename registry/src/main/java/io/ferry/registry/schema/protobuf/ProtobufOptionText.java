package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import com.squareup.wire.schema.internal.parser.OptionElement;

/**
 * Options as {@link ProtobufTextWriter} writes them, in Confluent Schema Registry's layout: one per line as
 * statements, in brackets after a field or enum constant, aggregate values in braces one key per line. In the
 * normal form options and the keys of aggregate values are sorted by name.
 */
final class ProtobufOptionText {

    private static final Comparator<OptionElement> BY_NAME = Comparator.comparing(OptionElement::getName);

    private final boolean normalize;

    ProtobufOptionText(boolean normalize) {
        this.normalize = normalize;
    }

    /** The options in the order to write them: as given, or by name in the normal form. */
    List<OptionElement> ordered(List<OptionElement> options) {
        List<OptionElement> ordered = new ArrayList<>(options);
        if (normalize) {
            ordered.sort(BY_NAME);
        }
        return ordered;
    }

    /** {@code option name = value;} lines. */
    String statements(List<OptionElement> options) {
        StringBuilder out = new StringBuilder();
        for (OptionElement option : ordered(options)) {
            out.append("option ").append(option(option)).append(";\n");
        }
        return out.toString();
    }

    /** {@code [name = value]}, or one option a line between brackets when there are several. */
    String bracketed(List<OptionElement> options) {
        List<OptionElement> ordered = ordered(options);
        if (ordered.size() == 1) {
            return "[" + option(ordered.get(0)) + "]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < ordered.size(); i++) {
            ProtobufTextWriter.indent(out, option(ordered.get(i)) + (i < ordered.size() - 1 ? "," : ""));
        }
        return out.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    private String option(OptionElement option) {
        String name = option.isParenthesized() ? "(" + option.getName() + ")" : option.getName();
        Object value = option.getValue();
        return switch (option.getKind()) {
            case STRING -> name + " = \"" + escape(String.valueOf(value)) + "\"";
            case BOOLEAN, NUMBER, ENUM -> name + " = " + value;
            case OPTION -> name + "." + option((OptionElement) value);
            case MAP -> name + " = {\n" + aggregate((Map<String, Object>) value) + "}";
            case LIST -> name + " = " + (isOptionList(value) ? bracketed((List<OptionElement>) value) : aggregateValue(value));
        };
    }

    private static boolean isOptionList(Object value) {
        return value instanceof List<?> list && list.stream().allMatch(OptionElement.class::isInstance);
    }

    private String aggregate(Map<String, Object> values) {
        Collection<String> keys = normalize ? values.keySet().stream().sorted().toList() : values.keySet();
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (String key : keys) {
            String separator = index++ < values.size() - 1 ? "," : "";
            ProtobufTextWriter.indent(out, key + ": " + aggregateValue(values.get(key)) + separator);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private String aggregateValue(Object value) {
        if (value instanceof String text) {
            return "\"" + escape(text) + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            return "{\n" + aggregate((Map<String, Object>) map) + "}";
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                ProtobufTextWriter.indent(out, aggregateValue(list.get(i)) + (i < list.size() - 1 ? "," : ""));
            }
            return out.append(']').toString();
        }
        if (value instanceof OptionElement.OptionPrimitive primitive) {
            return switch (primitive.getKind()) {
                case BOOLEAN, ENUM, NUMBER -> String.valueOf(primitive.getValue());
                default -> aggregateValue(primitive.getValue());
            };
        }
        return String.valueOf(value);
    }

    /** A string literal's content with the escapes {@code .proto} text understands. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0B -> out.append("\\v");
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
