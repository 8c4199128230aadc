package io.ferry.registry.compat.protobuf;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.FieldElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.ferry.registry.schema.protobuf.ProtobufSchemaDocument;

/**
 * Every message and enum one side of a comparison can name: its own file's and those of the files it imports,
 * by fully qualified name without the leading dot ({@code acme.Order.Line}). Immutable after construction.
 */
final class ProtobufTypeIndex {

    /** The origin of the types declared in the schema's own file. */
    static final String OWN_FILE = "";

    /**
     * A declared type.
     *
     * @param packageName the package of the file that declares it, empty when none
     * @param origin      {@link #OWN_FILE}, or the import path of the file that declares it
     * @param element     the declaration
     */
    record DeclaredType(String packageName, String origin, TypeElement element) {

        boolean isEnum() {
            return element instanceof EnumElement;
        }

        /** A synthetic {@code map_entry} message, as a map field's type is written in descriptor form. */
        boolean isMapEntry() {
            return ProtobufTypeIndex.isMapEntry(element);
        }

        /** For a map entry, the map type it stands for: {@code map<K, V>}. */
        String mapType() {
            MessageElement entry = (MessageElement) element;
            return "map<" + fieldType(entry, "key") + ", " + fieldType(entry, "value") + ">";
        }

        private static String fieldType(MessageElement entry, String name) {
            return entry.getFields().stream().filter(f -> f.getName().equals(name)).findFirst()
                    .map(FieldElement::getType).orElse("");
        }
    }

    private final Map<String, DeclaredType> byFullName = new HashMap<>();
    private final ProtoFileElement file;

    ProtobufTypeIndex(ProtobufSchemaDocument document) {
        this.file = document.file();
        document.dependencies().forEach((path, imported) -> add(imported, path));
        // The schema's own types win over an imported type of the same name.
        add(file, OWN_FILE);
    }

    /** The schema's own file. */
    ProtoFileElement file() {
        return file;
    }

    /** The package of the schema's own file, empty when none. */
    String packageName() {
        return packageOf(file);
    }

    Optional<DeclaredType> byFullName(String fullName) {
        String name = fullName.startsWith(".") ? fullName.substring(1) : fullName;
        return Optional.ofNullable(byFullName.get(name));
    }

    private void add(ProtoFileElement declaring, String origin) {
        String packageName = packageOf(declaring);
        addAll(declaring.getTypes(), packageName, packageName, origin);
    }

    private void addAll(List<TypeElement> types, String prefix, String packageName, String origin) {
        for (TypeElement type : types) {
            String fullName = prefix.isEmpty() ? type.getName() : prefix + "." + type.getName();
            byFullName.put(fullName, new DeclaredType(packageName, origin, type));
            addAll(type.getNestedTypes(), fullName, packageName, origin);
        }
    }

    /** Whether a type is a synthetic {@code map_entry} message. */
    static boolean isMapEntry(TypeElement element) {
        return element instanceof MessageElement message && message.getOptions().stream()
                .anyMatch(o -> o.getName().equals("map_entry") && "true".equals(String.valueOf(o.getValue())));
    }

    private static String packageOf(ProtoFileElement file) {
        return file.getPackageName() == null ? "" : file.getPackageName();
    }
}
