package io.ferry.registry.compat.protobuf;

import java.util.Map;
import java.util.TreeMap;

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
        context.pairUp(byNumber(writer), byNumber(reader), context.comparing(ProtobufChange.ENUM_CONST_REMOVED,
                ProtobufChange.ENUM_CONST_ADDED, (written, read) -> {
                    if (!written.getName().equals(read.getName())) {
                        context.add(ProtobufChange.ENUM_CONST_CHANGED);
                    }
                }));
    }

    private static Map<Integer, EnumConstantElement> byNumber(EnumElement element) {
        Map<Integer, EnumConstantElement> byNumber = new TreeMap<>();
        // With allow_alias several names share a number; the last one declared stands for it, as in Confluent's
        // registry, so that a rename among aliases is judged the same way.
        element.getConstants().forEach(c -> byNumber.put(c.getTag(), c));
        return byNumber;
    }
}
