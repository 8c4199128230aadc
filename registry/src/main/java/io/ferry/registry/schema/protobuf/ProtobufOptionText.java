package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.squareup.wire.schema.internal.parser.OptionElement;

/**
 * Options as {@link ProtobufTextWriter} writes them, in Confluent Schema Registry's layout: one per line as
 * statements, in brackets after a field or enum constant, aggregate values in braces one key per line.
 *
 * <p>In the normal form custom options are named by their extension's full name, an option set field by field
 * ({@code (acme.meta).owner = "a"}) becomes one aggregate value, several settings of one non-repeated custom
 * option are merged, options and aggregate keys are sorted by name, numbers are written in one notation and
 * single-element lists as their element. Without extensions, custom options are left out.
 */
final class ProtobufOptionText {

    /** Confluent's own options survive {@code ignore_extensions}, as in Confluent Schema Registry. */
    private static final String CONFLUENT_PREFIX = "confluent.";

    private final ProtobufTextForm form;
    private final ProtobufExtensionNames extensions;

    /** @param extensions the extensions in reach, to resolve custom option names; needed in the normal form only */
    ProtobufOptionText(ProtobufTextForm form, ProtobufExtensionNames extensions) {
        this.form = form;
        this.extensions = extensions;
    }

    /** The options to write, in the order to write them, for an element in {@code scope}. */
    List<OptionElement> filtered(List<OptionElement> options, String scope) {
        List<OptionElement> kept = new ArrayList<>();
        for (OptionElement option : options) {
            if (!form.ignoreExtensions() || !option.isParenthesized() || option.getName().startsWith(CONFLUENT_PREFIX)) {
                kept.add(form.normalize() ? resolved(option, scope) : option);
            }
        }
        if (!form.normalize()) {
            return kept;
        }
        Map<String, List<OptionElement>> byName = new TreeMap<>();
        kept.forEach(option -> byName.computeIfAbsent(option.getName(), name -> new ArrayList<>()).add(option));
        List<OptionElement> normal = new ArrayList<>();
        byName.forEach((name, same) -> {
            FieldDescriptor extension = same.get(0).isParenthesized() ? extensions.resolve("." + name, null) : null;
            if (extension != null && !extension.isRepeated()) {
                normal.add(same.stream().reduce(ProtobufOptionValues::merge).orElseThrow());
            } else {
                normal.addAll(same);
            }
        });
        return normal;
    }

    private OptionElement resolved(OptionElement option, String scope) {
        FieldDescriptor extension = option.isParenthesized() ? extensions.resolve(option.getName(), scope) : null;
        if (extension == null) {
            return option;
        }
        return ProtobufOptionValues.asAggregate(
                new OptionElement(extension.getFullName(), option.getKind(), option.getValue(), true));
    }

    /** {@code option name = value;} lines for the options of an element in {@code scope}. */
    String statements(List<OptionElement> options, String scope) {
        StringBuilder out = new StringBuilder();
        for (OptionElement option : filtered(options, scope)) {
            out.append("option ").append(option(option, scope)).append(";\n");
        }
        return out.toString();
    }

    /** {@code [name = value]}, or one option a line between brackets; the options already {@link #filtered}. */
    String bracketed(List<?> values, String scope) {
        if (values.size() == 1) {
            return "[" + value(values.get(0), scope) + "]";
        }
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < values.size(); i++) {
            ProtobufTextWriter.indent(out, value(values.get(i), scope) + (i < values.size() - 1 ? "," : ""));
        }
        return out.append(']').toString();
    }

    @SuppressWarnings("unchecked")
    private String option(OptionElement option, String scope) {
        String name = option.isParenthesized() ? "(" + option.getName() + ")" : option.getName();
        Object value = option.getValue();
        return switch (option.getKind()) {
            case STRING -> name + " = \"" + escape(String.valueOf(value)) + "\"";
            case BOOLEAN, ENUM -> name + " = " + value;
            case NUMBER -> name + " = " + number(value);
            case OPTION -> name + "." + option((OptionElement) value, scope);
            case MAP -> name + " = {\n" + aggregate((Map<String, Object>) value, scope) + "}";
            case LIST -> name + " = " + bracketed((List<Object>) value, scope);
        };
    }

    private String aggregate(Map<String, Object> values, String scope) {
        Map<String, Object> entries = values;
        if (form.normalize()) {
            entries = new TreeMap<>();
            for (Map.Entry<String, Object> entry : values.entrySet()) {
                if (!(entry.getValue() instanceof List<?> list && list.isEmpty())) {
                    entries.putIfAbsent(aggregateKey(entry.getKey(), scope), entry.getValue());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        int index = 0;
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            String separator = index++ < entries.size() - 1 ? "," : "";
            ProtobufTextWriter.indent(out, entry.getKey() + ": " + value(entry.getValue(), scope) + separator);
        }
        return out.toString();
    }

    /** An extension's key in an aggregate value ({@code [acme.owner]}) by its full name in the normal form. */
    private String aggregateKey(String key, String scope) {
        if (key.startsWith("[") && key.endsWith("]")) {
            FieldDescriptor extension = extensions.resolve(key.substring(1, key.length() - 1), scope);
            if (extension != null) {
                return "[" + extension.getFullName() + "]";
            }
        }
        return key;
    }

    @SuppressWarnings("unchecked")
    private String value(Object value, String scope) {
        if (value instanceof String text) {
            return "\"" + escape(text) + "\"";
        }
        if (value instanceof Map<?, ?> map) {
            return "{\n" + aggregate((Map<String, Object>) map, scope) + "}";
        }
        if (value instanceof List<?> list) {
            if (form.normalize() && list.size() == 1) {
                return value(list.get(0), scope);
            }
            StringBuilder out = new StringBuilder("[\n");
            for (int i = 0; i < list.size(); i++) {
                ProtobufTextWriter.indent(out, value(list.get(i), scope) + (i < list.size() - 1 ? "," : ""));
            }
            return out.append(']').toString();
        }
        if (value instanceof OptionElement.OptionPrimitive primitive) {
            return switch (primitive.getKind()) {
                case BOOLEAN, ENUM -> String.valueOf(primitive.getValue());
                case NUMBER -> number(primitive.getValue());
                default -> value(primitive.getValue(), scope);
            };
        }
        if (value instanceof OptionElement option) {
            return option(option, scope);
        }
        return String.valueOf(value);
    }

    private String number(Object value) {
        return form.normalize() ? ProtobufOptionValues.normalNumber(String.valueOf(value)) : String.valueOf(value);
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
