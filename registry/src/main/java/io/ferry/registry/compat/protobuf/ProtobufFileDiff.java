package io.ferry.registry.compat.protobuf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.TypeElement;

/** Compares two files, or two lists of types declared side by side (a file's, a message's nested types). */
final class ProtobufFileDiff {

    /** A message and its position among the messages declared beside it. */
    private record Positioned(int index, MessageElement message) {
    }

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
        context.pairUpTypes(messages(writer), messages(reader), (written, read) -> compareMessage(context, written, read));
        context.pairUpTypes(enums(writer), enums(reader), context.comparing(ProtobufChange.ENUM_REMOVED,
                ProtobufChange.ENUM_ADDED, (written, read) -> ProtobufEnumDiff.compare(context, written, read)));
    }

    private static void compareMessage(ProtobufDiffContext context, Positioned written, Positioned read) {
        if (read == null) {
            // A map field's entry type is an artefact of the map, not a message anyone reads on its own.
            if (!ProtobufTypeIndex.isMapEntry(written.message())) {
                context.add(ProtobufChange.MESSAGE_REMOVED);
            }
        } else if (written == null) {
            if (!ProtobufTypeIndex.isMapEntry(read.message())) {
                context.add(ProtobufChange.MESSAGE_ADDED);
            }
        } else {
            ProtobufMessageDiff.compare(context, written.message(), read.message());
            if (written.index() != read.index()) {
                context.add(ProtobufChange.MESSAGE_MOVED);
            }
        }
    }

    private static Map<String, Positioned> messages(List<TypeElement> types) {
        Map<String, Positioned> messages = new LinkedHashMap<>();
        for (TypeElement type : types) {
            if (type instanceof MessageElement message) {
                messages.put(message.getName(), new Positioned(messages.size(), message));
            }
        }
        return messages;
    }

    private static Map<String, EnumElement> enums(List<TypeElement> types) {
        Map<String, EnumElement> enums = new LinkedHashMap<>();
        for (TypeElement type : types) {
            if (type instanceof EnumElement enumElement) {
                enums.put(enumElement.getName(), enumElement);
            }
        }
        return enums;
    }
}
