package io.ferry.registry.compat.protobuf;

import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import com.squareup.wire.schema.internal.parser.EnumConstantElement;
import com.squareup.wire.schema.internal.parser.EnumElement;

/**
 * Compares the constants of two enums by number. Every enum change is compatible (an unknown number reads as
 * an unrecognised value), but each is still a difference.
 */
final class ProtobufEnumDiff {

    private ProtobufEnumDiff() {
    }

    static void compare(ProtobufDiffContext context, EnumElement writer, EnumElement reader) {
        Map<Integer, EnumConstantElement> writerByNumber = byNumber(writer);
        Map<Integer, EnumConstantElement> readerByNumber = byNumber(reader);
        TreeSet<Integer> numbers = new TreeSet<>(writerByNumber.keySet());
        numbers.addAll(readerByNumber.keySet());
        for (Integer number : numbers) {
            try (ProtobufDiffContext.Step step = context.enterPath(number.toString())) {
                EnumConstantElement written = writerByNumber.get(number);
                EnumConstantElement read = readerByNumber.get(number);
                if (read == null) {
                    context.add(ProtobufChange.ENUM_CONST_REMOVED);
                } else if (written == null) {
                    context.add(ProtobufChange.ENUM_CONST_ADDED);
                } else if (!written.getName().equals(read.getName())) {
                    context.add(ProtobufChange.ENUM_CONST_CHANGED);
                }
            }
        }
    }

    private static Map<Integer, EnumConstantElement> byNumber(EnumElement element) {
        Map<Integer, EnumConstantElement> byNumber = new TreeMap<>();
        // With allow_alias several names share a number; the last one declared stands for it, as in Confluent's
        // registry, so that a rename among aliases is judged the same way.
        element.getConstants().forEach(c -> byNumber.put(c.getTag(), c));
        return byNumber;
    }
}
