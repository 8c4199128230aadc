package io.ferry.serde.protobuf;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.DescriptorValidationException;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.client.SchemaReference;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Rebuilds the writer's file descriptor of a schema id from the registry's {@code format=serialized}
 * answers: the schema's {@code FileDescriptorProto}, each reference's the same way (by subject and version),
 * and the well-known files from {@link KnownProtoFiles}. No {@code .proto} text is parsed here. The client's
 * caches make a warm call free; built descriptors are remembered per id. Thread-safe.
 */
public final class ProtobufSchemas {
    /** The {@code format} value that asks for a base64 {@code FileDescriptorProto}. */
    public static final String SERIALIZED = "serialized";
    public static final String PROTOBUF = "PROTOBUF";

    private final RegistryClient client;
    private final Map<Integer, FileDescriptor> byId = new java.util.concurrent.ConcurrentHashMap<>();

    public ProtobufSchemas(RegistryClient client) {
        this.client = client;
    }

    /**
     * The file descriptor of schema {@code id}.
     *
     * @throws SerializationException when the schema is not Protobuf or its descriptors do not build
     * @throws io.ferry.serde.client.RegistryClientException when the registry refuses or cannot be reached
     */
    public FileDescriptor fileOf(int id) {
        FileDescriptor cached = byId.get(id);
        if (cached != null) {
            return cached;
        }
        FileDescriptor built = build(client.schemaById(id, SERIALIZED), new LinkedHashMap<>(), "schema " + id);
        byId.putIfAbsent(id, built);
        return built;
    }

    /** The file descriptor of one version of a subject. */
    public FileDescriptor fileOf(String subject, int version) {
        RegisteredSchema registered = client.version(subject, version, SERIALIZED);
        return build(registered.schema(), new LinkedHashMap<>(), "subject '" + subject + "' version " + version);
    }

    private FileDescriptor build(RegistrySchema schema, Map<String, FileDescriptor> built, String what) {
        if (!PROTOBUF.equals(schema.schemaType())) {
            throw new SerializationException(what + " is of type " + schema.schemaType() + ", not PROTOBUF");
        }
        FileDescriptorProto proto = decode(schema.schema(), what);
        Map<String, SchemaReference> references = new LinkedHashMap<>();
        schema.references().forEach(ref -> references.put(ref.name(), ref));
        List<FileDescriptor> dependencies = new ArrayList<>();
        for (String dependency : proto.getDependencyList()) {
            dependencies.add(dependency(dependency, references.get(dependency), built, what));
        }
        try {
            return FileDescriptor.buildFrom(proto, dependencies.toArray(FileDescriptor[]::new));
        } catch (DescriptorValidationException e) {
            throw new SerializationException("the descriptor of " + what + " does not build: " + e.getMessage(), e);
        }
    }

    private FileDescriptor dependency(String path, SchemaReference reference, Map<String, FileDescriptor> built, String what) {
        FileDescriptor done = built.get(path);
        if (done != null) {
            return done;
        }
        FileDescriptor file;
        if (reference != null) {
            RegisteredSchema registered = client.version(reference.subject(), reference.version(), SERIALIZED);
            file = build(registered.schema(), built, "reference '" + path + "' (subject '" + reference.subject() + "' version "
                    + reference.version() + ")");
        } else if (KnownProtoFiles.get(path) != null) {
            file = KnownProtoFiles.get(path);
        } else {
            throw new SerializationException(what + " imports " + path + ", which is neither a reference nor a well-known file");
        }
        built.put(path, file);
        return file;
    }

    private static FileDescriptorProto decode(String base64, String what) {
        try {
            return FileDescriptorProto.parseFrom(Base64.getDecoder().decode(base64.trim()));
        } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
            throw new SerializationException(what + " is not a base64 FileDescriptorProto (does the registry answer "
                    + "format=serialized?): " + e.getMessage(), e);
        }
    }
}
