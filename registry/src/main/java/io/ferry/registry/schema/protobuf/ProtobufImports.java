package io.ferry.registry.schema.protobuf;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import io.ferry.registry.schema.InvalidSchemaException;

/**
 * The files a {@code .proto} file imports, transitively: each import path is looked up first among the texts
 * of the schema's resolved references (a reference's name is the import path), then among the
 * {@link ProtobufWellKnownTypes well-known types}.
 *
 * @param files   the imported files by import path, each after the files it imports itself
 * @param builtIn the import paths served by the built-in well-known types
 */
record ProtobufImports(Map<String, ProtoFileElement> files, Set<String> builtIn) {

    ProtobufImports {
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        builtIn = Set.copyOf(builtIn);
    }

    /**
     * Collects what {@code file} imports.
     *
     * @param referencedTexts the texts of the resolved references by import path
     * @throws InvalidSchemaException when an import is neither a reference nor a well-known type, a referenced
     *                                text does not parse, or imports form a cycle
     */
    static ProtobufImports collect(ProtoFileElement file, Map<String, String> referencedTexts)
            throws InvalidSchemaException {
        Collector collector = new Collector(referencedTexts);
        collector.visit(file);
        return new ProtobufImports(collector.files, collector.builtIn);
    }

    /** The import paths a file names, plain and public, in the order declared. */
    static List<String> importsOf(ProtoFileElement file) {
        List<String> paths = new ArrayList<>(file.getImports());
        paths.addAll(file.getPublicImports());
        return paths;
    }

    private static final class Collector {
        private final Map<String, String> referencedTexts;
        private final Map<String, ProtoFileElement> files = new LinkedHashMap<>();
        private final Set<String> builtIn = new HashSet<>();
        private final Set<String> inProgress = new LinkedHashSet<>();

        Collector(Map<String, String> referencedTexts) {
            this.referencedTexts = referencedTexts;
        }

        void visit(ProtoFileElement file) throws InvalidSchemaException {
            for (String path : importsOf(file)) {
                if (files.containsKey(path)) {
                    continue;
                }
                if (!inProgress.add(path)) {
                    throw new InvalidSchemaException("Import cycle: " + String.join(" -> ", inProgress) + " -> " + path);
                }
                ProtoFileElement imported = load(path);
                visit(imported);
                inProgress.remove(path);
                files.put(path, imported);
            }
        }

        private ProtoFileElement load(String path) throws InvalidSchemaException {
            // A reference wins over a built-in file of the same path, as in Confluent Schema Registry.
            String text = referencedTexts.get(path);
            if (text != null) {
                return ProtobufText.parse(text, path);
            }
            var known = ProtobufWellKnownTypes.file(path);
            if (known.isPresent()) {
                builtIn.add(path);
                return known.get();
            }
            throw new InvalidSchemaException("Import \"" + path + "\" is neither a schema reference nor a well-known type"
                    + " (a reference's name must be the import path)");
        }
    }
}
