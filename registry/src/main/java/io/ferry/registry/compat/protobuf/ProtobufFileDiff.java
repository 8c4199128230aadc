package io.ferry.registry.compat.protobuf;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

/** Compares two files, or two lists of types declared side by side (a file's, a message's nested types). */
final class ProtobufFileDiff {

    private ProtobufFileDiff() {
    }

    /** The differences between the writer's and the reader's own files, in the order found. */
    static List<ProtobufDifference> compare(ProtobufTypeIndex writer, ProtobufTypeIndex reader) {
        ProtobufDiffContext context = new ProtobufDiffContext(writer, reader);
        if (!Objects.equals(writer.packageName(), reader.packageName())) {
            context.add(ProtobufChange.PACKAGE_CHANGED);
        }
        compareTypes(context, writer.file().getTypes(), reader.file().getTypes());
        return context.differences();
    }

    /** Matches the types by name: messages, then enums. */
    static void compareTypes(ProtobufDiffContext context, List<TypeElement> writer, List<TypeElement> reader) {
        Declared writerTypes = new Declared(writer);
        Declared readerTypes = new Declared(reader);
        for (String name : union(writerTypes.messages.keySet(), readerTypes.messages.keySet())) {
            try (ProtobufDiffContext.Step step = context.enterType(name)) {
                compareMessage(context, name, writerTypes, readerTypes);
            }
        }
        for (String name : union(writerTypes.enums.keySet(), readerTypes.enums.keySet())) {
            try (ProtobufDiffContext.Step step = context.enterType(name)) {
                EnumElement writerEnum = writerTypes.enums.get(name);
                EnumElement readerEnum = readerTypes.enums.get(name);
                if (readerEnum == null) {
                    context.add(ProtobufChange.ENUM_REMOVED);
                } else if (writerEnum == null) {
                    context.add(ProtobufChange.ENUM_ADDED);
                } else {
                    ProtobufEnumDiff.compare(context, writerEnum, readerEnum);
                }
            }
        }
    }

    private static void compareMessage(ProtobufDiffContext context, String name, Declared writer, Declared reader) {
        MessageElement writerMessage = writer.messages.get(name);
        MessageElement readerMessage = reader.messages.get(name);
        if (readerMessage == null) {
            // A map field's entry type is an artefact of the map, not a message anyone reads on its own.
            if (!ProtobufTypeIndex.isMapEntry(writerMessage)) {
                context.add(ProtobufChange.MESSAGE_REMOVED);
            }
        } else if (writerMessage == null) {
            if (!ProtobufTypeIndex.isMapEntry(readerMessage)) {
                context.add(ProtobufChange.MESSAGE_ADDED);
            }
        } else {
            ProtobufMessageDiff.compare(context, writerMessage, readerMessage);
            if (!writer.indexes.get(name).equals(reader.indexes.get(name))) {
                context.add(ProtobufChange.MESSAGE_MOVED);
            }
        }
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The messages (with their index among the messages) and enums of one list, by name, in order. */
    private static final class Declared {
        final Map<String, MessageElement> messages = new LinkedHashMap<>();
        final Map<String, Integer> indexes = new LinkedHashMap<>();
        final Map<String, EnumElement> enums = new LinkedHashMap<>();

        Declared(List<TypeElement> types) {
            for (TypeElement type : types) {
                if (type instanceof MessageElement message) {
                    indexes.put(message.getName(), messages.size());
                    messages.put(message.getName(), message);
                } else if (type instanceof EnumElement enumElement) {
                    enums.put(enumElement.getName(), enumElement);
                }
            }
        }
    }
}
