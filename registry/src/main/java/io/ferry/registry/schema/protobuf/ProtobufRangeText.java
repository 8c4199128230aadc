package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import kotlin.ranges.IntRange;

/**
 * {@code reserved} and {@code extensions} statements as {@link ProtobufTextWriter} writes them. In the normal
 * form each statement holds one value, numbers and ranges sorted by their start before names, and a range of
 * one number is written as that number.
 */
final class ProtobufRangeText {

    /** The highest field number; a range up to it is written {@code to max}. */
    private static final int MAX_FIELD_NUMBER = (1 << 29) - 1;

    private final boolean normalize;

    ProtobufRangeText(boolean normalize) {
        this.normalize = normalize;
    }

    /** The statements for one kind ({@code "reserved"}, {@code "extensions"}) given as lists of values. */
    List<String> statements(String keyword, List<List<Object>> declared) {
        List<List<Object>> values = declared;
        if (normalize) {
            List<Object> single = new ArrayList<>();
            declared.forEach(single::addAll);
            single.sort(Comparator.comparingInt(ProtobufRangeText::start).thenComparing(String::valueOf));
            values = single.stream().map(List::of).toList();
        }
        List<String> statements = new ArrayList<>();
        for (List<Object> statement : values) {
            List<String> written = new ArrayList<>();
            statement.forEach(value -> written.add(value(value)));
            statements.add(keyword + " " + String.join(", ", written) + ";\n");
        }
        return statements;
    }

    private String value(Object value) {
        if (value instanceof String name) {
            return "\"" + name + "\"";
        }
        if (value instanceof IntRange range) {
            if (normalize && range.getFirst() == range.getLast()) {
                return String.valueOf(range.getFirst());
            }
            return range.getFirst() + " to " + (range.getLast() < MAX_FIELD_NUMBER ? String.valueOf(range.getLast()) : "max");
        }
        return String.valueOf(value);
    }

    /** Where a value sorts in the normal form: numbers by their start, names after all numbers. */
    private static int start(Object value) {
        if (value instanceof IntRange range) {
            return range.getFirst();
        }
        return value instanceof Integer number ? number : Integer.MAX_VALUE;
    }
}
