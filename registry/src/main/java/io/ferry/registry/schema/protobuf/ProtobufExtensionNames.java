package io.ferry.registry.schema.protobuf;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;

/**
 * The extension fields a file can see (its own and those of the files it imports, transitively) by full name,
 * to resolve the names of custom options in the normal form as {@code protoc} resolves them: from the
 * innermost scope outwards.
 */
final class ProtobufExtensionNames {

    private final Map<String, FieldDescriptor> byFullName = new HashMap<>();

    ProtobufExtensionNames(FileDescriptor file) {
        collect(file, new HashSet<>());
    }

    private void collect(FileDescriptor file, Set<String> seen) {
        if (!seen.add(file.getName())) {
            return;
        }
        add(file.getExtensions());
        file.getMessageTypes().forEach(this::collect);
        file.getDependencies().forEach(dependency -> collect(dependency, seen));
    }

    private void collect(Descriptor message) {
        add(message.getExtensions());
        message.getNestedTypes().forEach(this::collect);
    }

    private void add(List<FieldDescriptor> extensions) {
        extensions.forEach(extension -> byFullName.put(extension.getFullName(), extension));
    }

    /**
     * The extension a name used in {@code scope} (a package or a type's full name) refers to, or null.
     * A name with a leading dot is already full.
     */
    FieldDescriptor resolve(String name, String scope) {
        if (name.startsWith(".")) {
            return byFullName.get(name.substring(1));
        }
        String enclosing = scope == null ? "" : scope;
        while (true) {
            FieldDescriptor found = byFullName.get(enclosing.isEmpty() ? name : enclosing + "." + name);
            if (found != null || enclosing.isEmpty()) {
                return found;
            }
            int dot = enclosing.lastIndexOf('.');
            enclosing = dot < 0 ? "" : enclosing.substring(0, dot);
        }
    }
}
