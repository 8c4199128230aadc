package io.ferry.registry.compat.protobuf;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.OneOfElement;

/**
 * Compares two versions of a message: its fields matched by number, its oneofs matched by name, fields moved
 * into a oneof, then its nested types.
 */
final class ProtobufMessageDiff {

    private ProtobufMessageDiff() {
    }

    static void compare(ProtobufDiffContext context, MessageElement writer, MessageElement reader) {
        // A message that refers to itself, directly or through others, is compared once.
        boolean started = context.startMessage(writer);
        try {
            if (started) {
                compareMembers(context, writer, reader);
            }
            ProtobufFileDiff.compareTypes(context, writer.getNestedTypes(), reader.getNestedTypes());
        } finally {
            if (started) {
                context.finishMessage(writer);
            }
        }
    }

    private static void compareMembers(ProtobufDiffContext context, MessageElement writer, MessageElement reader) {
        Map<Integer, FieldElement> writerFields = byNumber(writer.getFields());
        Map<Integer, FieldElement> readerFields = byNumber(reader.getFields());
        Map<String, OneOfElement> writerOneOfs = byName(writer.getOneOfs());
        Map<String, OneOfElement> readerOneOfs = byName(reader.getOneOfs());
        Set<Integer> writerOneOfNumbers = new HashSet<>();
        writerOneOfs.values().forEach(o -> o.getFields().forEach(f -> writerOneOfNumbers.add(f.getTag())));

        for (OneOfElement oneOf : readerOneOfs.values()) {
            try (ProtobufDiffContext.Step step = context.enterPath(oneOf.getName())) {
                checkFieldsMovedInto(context, oneOf, writerFields, writerOneOfNumbers);
            }
        }
        context.pairUp(writerOneOfs, readerOneOfs, context.comparing(ProtobufChange.ONEOF_REMOVED,
                ProtobufChange.ONEOF_ADDED, (written, read) -> compareOneOfFields(context, written, read)));
        context.pairUp(writerFields, readerFields, (written, read) -> compareField(context, written, read));
    }

    /**
     * One plain field may move into a new oneof: its data still reads as that case. Several may not (a oneof
     * keeps only one of them), nor may one join a oneof whose other cases were already in one.
     *
     * <p>The fields that moved are taken out of {@code writerFields}, so they do not count as removed.
     */
    private static void checkFieldsMovedInto(ProtobufDiffContext context, OneOfElement readerOneOf,
            Map<Integer, FieldElement> writerFields, Set<Integer> writerOneOfNumbers) {
        int moved = 0;
        int alreadyInOneOf = 0;
        for (FieldElement field : readerOneOf.getFields()) {
            if (writerFields.remove(field.getTag()) != null) {
                moved++;
            } else if (writerOneOfNumbers.contains(field.getTag())) {
                alreadyInOneOf++;
            }
        }
        if (moved > 1) {
            context.add(ProtobufChange.MULTIPLE_FIELDS_MOVED_TO_ONEOF);
        } else if (moved == 1 && alreadyInOneOf > 0) {
            context.add(ProtobufChange.FIELD_MOVED_TO_EXISTING_ONEOF);
        }
    }

    private static void compareOneOfFields(ProtobufDiffContext context, OneOfElement writer, OneOfElement reader) {
        context.pairUp(byNumber(writer.getFields()), byNumber(reader.getFields()),
                context.comparing(ProtobufChange.ONEOF_FIELD_REMOVED, ProtobufChange.ONEOF_FIELD_ADDED,
                        (written, read) -> ProtobufFieldDiff.compare(context, written, read)));
    }

    private static void compareField(ProtobufDiffContext context, FieldElement written, FieldElement read) {
        if (read == null) {
            context.add(written.getLabel() == Field.Label.REQUIRED
                    ? ProtobufChange.REQUIRED_FIELD_REMOVED : ProtobufChange.FIELD_REMOVED);
        } else if (written == null) {
            context.add(read.getLabel() == Field.Label.REQUIRED
                    ? ProtobufChange.REQUIRED_FIELD_ADDED : ProtobufChange.FIELD_ADDED);
        } else {
            ProtobufFieldDiff.compare(context, written, read);
        }
    }

    private static Map<Integer, FieldElement> byNumber(List<FieldElement> fields) {
        Map<Integer, FieldElement> byNumber = new TreeMap<>();
        fields.forEach(f -> byNumber.put(f.getTag(), f));
        return byNumber;
    }

    private static Map<String, OneOfElement> byName(List<OneOfElement> oneOfs) {
        Map<String, OneOfElement> byName = new LinkedHashMap<>();
        oneOfs.forEach(o -> byName.put(o.getName(), o));
        return byName;
    }
}
