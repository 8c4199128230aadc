package io.ferry.registry.compat.protobuf;

import java.util.Objects;
import java.util.Optional;

import com.squareup.wire.schema.Field;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import io.ferry.registry.compat.protobuf.ProtobufTypeIndex.DeclaredType;

/** Compares two versions of a field with the same number: name, label and type. */
final class ProtobufFieldDiff {

    /** What a field holds, at the coarsest level: changing it breaks every reader. */
    private enum Kind {
        SCALAR, MAP, MESSAGE
    }

    private ProtobufFieldDiff() {
    }

    static void compare(ProtobufDiffContext context, FieldElement writer, FieldElement reader) {
        if (!Objects.equals(writer.getName(), reader.getName())) {
            context.add(ProtobufChange.FIELD_NAME_CHANGED);
        }
        compareTypes(context, writer.getLabel(), reader.getLabel(), writer.getType(), reader.getType());
    }

    /**
     * @param writerLabel the writer's label, or {@code null} when it has none (a proto3 field without
     *                    {@code optional}, a map's key or value): a label is compared only when both have one
     */
    private static void compareTypes(ProtobufDiffContext context, Field.Label writerLabel, Field.Label readerLabel,
            String writerType, String readerType) {
        String written = asMapIfEntry(context, writerType, ProtobufSide.WRITER);
        String read = asMapIfEntry(context, readerType, ProtobufSide.READER);
        Kind writerKind = kind(context, written, ProtobufSide.WRITER);
        Kind readerKind = kind(context, read, ProtobufSide.READER);
        if (writerKind != readerKind) {
            context.add(ProtobufChange.FIELD_KIND_CHANGED);
            return;
        }
        switch (writerKind) {
            case SCALAR -> compareScalars(context, writerLabel, readerLabel, written, read);
            case MESSAGE -> compareMessageTypes(context, written, read);
            case MAP -> {
                compareTypes(context, null, null, mapPart(written, 0), mapPart(read, 0));
                compareTypes(context, null, null, mapPart(written, 1), mapPart(read, 1));
            }
        }
    }

    private static void compareScalars(ProtobufDiffContext context, Field.Label writerLabel, Field.Label readerLabel,
            String writerType, String readerType) {
        ProtobufScalarKind writerKind = scalarKind(writerType);
        ProtobufScalarKind readerKind = scalarKind(readerType);
        if (writerKind != readerKind) {
            context.add(ProtobufChange.FIELD_SCALAR_KIND_CHANGED);
        } else if (writerLabel != null && readerLabel != null && writerLabel != readerLabel) {
            context.add(writerKind.numeric()
                    ? ProtobufChange.FIELD_NUMERIC_LABEL_CHANGED
                    : ProtobufChange.FIELD_STRING_OR_BYTES_LABEL_CHANGED);
        }
    }

    /**
     * Two message types match when they have the same name within their packages (a package or file may
     * change under a type) and, for a type not declared in the schema's own file on both sides, when the two
     * declarations are compatible too: a type declared in the own files is compared where it is declared.
     */
    private static void compareMessageTypes(ProtobufDiffContext context, String writerType, String readerType) {
        Optional<String> writerName = context.resolve(writerType, ProtobufSide.WRITER);
        Optional<String> readerName = context.resolve(readerType, ProtobufSide.READER);
        if (writerName.isEmpty() || readerName.isEmpty()) {
            // A name that resolves to nothing can only be compared as written.
            if (!writerType.equals(readerType)) {
                context.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
            }
            return;
        }
        DeclaredType written = context.index(ProtobufSide.WRITER).byFullName(writerName.get()).orElseThrow();
        DeclaredType read = context.index(ProtobufSide.READER).byFullName(readerName.get()).orElseThrow();
        String writerLocal = localName(writerName.get(), written);
        if (!writerLocal.equals(localName(readerName.get(), read))) {
            context.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
            return;
        }
        boolean bothOwn = written.origin().equals(ProtobufTypeIndex.OWN_FILE)
                && read.origin().equals(ProtobufTypeIndex.OWN_FILE);
        if (!bothOwn) {
            ProtobufDiffContext declared = context.forDeclaredType(written, read, writerLocal);
            ProtobufMessageDiff.compare(declared, (MessageElement) written.element(), (MessageElement) read.element());
            context.addAll(declared.differences());
            if (!declared.compatible()) {
                context.add(ProtobufChange.FIELD_NAMED_TYPE_CHANGED);
            }
        }
    }

    private static Kind kind(ProtobufDiffContext context, String type, ProtobufSide side) {
        if (ProtobufScalarKind.of(type).isPresent()) {
            return Kind.SCALAR;
        }
        if (isMap(type)) {
            return Kind.MAP;
        }
        return context.type(type, side).filter(DeclaredType::isEnum).isPresent() ? Kind.SCALAR : Kind.MESSAGE;
    }

    private static ProtobufScalarKind scalarKind(String type) {
        // Only scalar type names and enums reach here: an enum is written as a varint.
        return ProtobufScalarKind.of(type).orElse(ProtobufScalarKind.GENERAL_NUMBER);
    }

    /** A field typed with a {@code map_entry} message is a map field in descriptor form. */
    private static String asMapIfEntry(ProtobufDiffContext context, String type, ProtobufSide side) {
        if (ProtobufScalarKind.of(type).isPresent() || isMap(type)) {
            return type;
        }
        return context.type(type, side).filter(DeclaredType::isMapEntry).map(DeclaredType::mapType).orElse(type);
    }

    private static boolean isMap(String type) {
        return type.startsWith("map<") && type.endsWith(">");
    }

    /** Part 0 (the key type) or 1 (the value type) of {@code map<K, V>}. */
    private static String mapPart(String mapType, int part) {
        String inner = mapType.substring("map<".length(), mapType.length() - 1);
        int comma = inner.indexOf(',');
        return (part == 0 ? inner.substring(0, comma) : inner.substring(comma + 1)).trim();
    }

    private static String localName(String fullName, DeclaredType type) {
        String prefix = type.packageName() + ".";
        return !type.packageName().isEmpty() && fullName.startsWith(prefix)
                ? fullName.substring(prefix.length()) : fullName;
    }
}
