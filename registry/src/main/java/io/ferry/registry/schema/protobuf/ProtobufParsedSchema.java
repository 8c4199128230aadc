package io.ferry.registry.schema.protobuf;

import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.protobuf.Descriptors.FileDescriptor;
import com.squareup.wire.schema.internal.parser.EnumElement;
import com.squareup.wire.schema.internal.parser.MessageElement;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.TypeElement;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;

/**
 * A Protobuf schema that parsed: its {@code .proto} file, the files it imports, and the descriptor built from
 * them. Immutable and thread-safe, provided no one modifies the descriptor it hands out.
 *
 * <p>Two instances are equal when their {@link #canonicalString()} and {@link #references()} are.
 */
public final class ProtobufParsedSchema implements ProtobufSchemaDocument {

    /** The output format of {@code GET /schemas/ids/{id}?format=serialized}. */
    public static final String SERIALIZED = "serialized";

    /** How references are ordered in the normal form: by subject, then version, as Confluent orders them. */
    private static final Comparator<SchemaReference> NORMAL_REFERENCE_ORDER =
            Comparator.comparing(SchemaReference::subject).thenComparingInt(SchemaReference::version);

    private final ProtoFileElement file;
    private final ProtobufImports imports;
    private final FileDescriptor descriptor;
    private final String unbuildable;
    private final String canonical;
    private final List<SchemaReference> references;
    private final List<ResolvedReference> resolved;
    private final ParseOptions options;

    private ProtobufParsedSchema(ProtoFileElement file, ProtobufImports imports, FileDescriptor descriptor,
            String unbuildable, List<SchemaReference> references, List<ResolvedReference> resolved, ParseOptions options) {
        this.file = file;
        this.imports = imports;
        this.descriptor = descriptor;
        this.unbuildable = unbuildable;
        this.canonical = ProtobufTextWriter.canonical(file);
        this.references = List.copyOf(references);
        this.resolved = List.copyOf(resolved);
        this.options = options;
    }

    /**
     * Parses a schema with its references. A new schema must also make a valid descriptor; a stored one that
     * does not (the registry it came from may have been more lenient) still parses, and only the formats that
     * need the descriptor fail.
     *
     * @throws InvalidSchemaException see {@link ProtobufSchemaProvider#parse}
     */
    static ProtobufParsedSchema parse(String text, List<SchemaReference> references, List<ResolvedReference> resolved,
            ParseOptions options) throws InvalidSchemaException {
        requireResolved(references, resolved);
        ProtoFileElement file = ProtobufText.parse(text, "");
        Map<String, String> referencedTexts = new LinkedHashMap<>();
        // One text per import path, the first given, as Confluent Schema Registry resolves them.
        resolved.forEach(reference -> referencedTexts.putIfAbsent(reference.reference().name(), reference.schemaText()));
        ProtobufImports imports;
        FileDescriptor descriptor = null;
        String unbuildable = null;
        try {
            imports = ProtobufImports.collect(file, referencedTexts);
            descriptor = ProtobufDescriptors.build(file, imports);
        } catch (InvalidSchemaException e) {
            if (options.isNew()) {
                throw e;
            }
            imports = new ProtobufImports(Map.of(), java.util.Set.of());
            unbuildable = e.getMessage();
        }
        return new ProtobufParsedSchema(file, imports, descriptor, unbuildable, references, resolved, options);
    }

    private static void requireResolved(List<SchemaReference> references, List<ResolvedReference> resolved)
            throws InvalidSchemaException {
        for (SchemaReference reference : references) {
            if (resolved.stream().noneMatch(r -> r.reference().equals(reference))) {
                throw new InvalidSchemaException("No schema reference found for subject \""
                        + reference.subject() + "\" and version " + reference.version());
            }
        }
    }

    @Override
    public SchemaType type() {
        return SchemaType.PROTOBUF;
    }

    /** The file in the registry's layout, see {@link ProtobufTextWriter}. */
    @Override
    public String canonicalString() {
        return canonical;
    }

    @Override
    public List<SchemaReference> references() {
        return references;
    }

    /**
     * The schema in {@link ProtobufTextWriter normal form}, parsed again, its references sorted by subject and
     * version with duplicates removed.
     *
     * @throws IllegalStateException if the schema has no descriptor (a stored schema that does not build), or
     *                               the normal form does not parse, which would be a defect here
     */
    @Override
    public ProtobufParsedSchema normalize() {
        String text = ProtobufTextWriter.normalized(file, descriptor());
        List<SchemaReference> sorted = references.stream().sorted(NORMAL_REFERENCE_ORDER).distinct().toList();
        try {
            return parse(text, sorted, resolved, options);
        } catch (InvalidSchemaException e) {
            throw new IllegalStateException("The normal form of a valid schema did not parse: " + e.getMessage(), e);
        }
    }

    /**
     * The full name of the file's first message, or else of its first enum, as Confluent Schema Registry names
     * Protobuf schemas; null when the file defines neither.
     */
    @Override
    public String name() {
        TypeElement first = file.getTypes().stream().filter(MessageElement.class::isInstance).findFirst()
                .or(() -> file.getTypes().stream().filter(EnumElement.class::isInstance).findFirst())
                .orElse(null);
        if (first == null) {
            return null;
        }
        String packageName = file.getPackageName();
        return packageName == null || packageName.isEmpty() ? first.getName() : packageName + "." + first.getName();
    }

    /**
     * {@code serialized}: the base64 of the schema's {@code FileDescriptorProto}. Other formats give the
     * canonical text.
     *
     * @throws IllegalStateException for {@code serialized} when the schema has no descriptor
     */
    @Override
    public String formatted(String format) {
        if (SERIALIZED.equalsIgnoreCase(format)) {
            return Base64.getEncoder().encodeToString(descriptor().toProto().toByteArray());
        }
        return canonical;
    }

    /** The parsed file; Wire's elements are immutable. */
    @Override
    public ProtoFileElement rawSchema() {
        return file;
    }

    @Override
    public ProtoFileElement file() {
        return file;
    }

    @Override
    public Map<String, ProtoFileElement> dependencies() {
        return imports.files();
    }

    /**
     * The descriptor of the schema's file, named {@code "default"}, its imports as dependencies.
     *
     * @throws IllegalStateException when the schema, stored before, does not make a valid descriptor
     */
    public FileDescriptor descriptor() {
        if (descriptor == null) {
            throw new IllegalStateException("The schema does not make a valid Protobuf descriptor: " + unbuildable);
        }
        return descriptor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProtobufParsedSchema other
                && canonical.equals(other.canonical)
                && references.equals(other.references);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type(), canonical, references);
    }

    @Override
    public String toString() {
        return canonical;
    }
}
