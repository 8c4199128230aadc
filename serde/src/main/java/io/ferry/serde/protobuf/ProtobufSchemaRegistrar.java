package io.ferry.serde.protobuf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.RegistryFailures;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.registry.WriteSchemaChoice;
import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.client.SchemaReference;
import io.ferry.serde.subject.SubjectNameStrategy;
import io.ferry.serde.wire.MessageIndexes;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides the schema id and message indexes a Protobuf serializer writes for a message type, as Confluent's
 * serializer does: the file is printed as {@code .proto} text ({@link ProtoFilePrinter}); its imports are
 * registered (or looked up) first, each under its import path as subject, and become references; then the
 * file is registered ({@code auto.register.schemas}), or a fixed id ({@code use.schema.id}), the subject's latest
 * version ({@code use.latest.version}) or a lookup is used. Decisions are remembered per topic and message type.
 * Thread-safe.
 */
final class ProtobufSchemaRegistrar {
    /** What to write for messages of one type. */
    record Resolved(int id, MessageIndexes indexes) {
    }

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final ProtobufWriteMode mode;
    private final ProtobufSchemas schemas;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Descriptor, Resolved>> byTopic = new ConcurrentHashMap<>();

    ProtobufSchemaRegistrar(RegistryClient client, SubjectNameStrategy strategy, ProtobufWriteMode mode) {
        this.client = client;
        this.strategy = strategy;
        this.mode = mode;
        this.schemas = new ProtobufSchemas(client);
    }

    /**
     * @throws SchemaRegistryException when the registry refuses or cannot be reached; an
     *                                   {@link IncompatibleSchemaException} for an incompatible schema
     */
    Resolved resolve(String topic, boolean isKey, Descriptor message) {
        ConcurrentHashMap<Descriptor, Resolved> types = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        Resolved resolved = types.get(message);
        if (resolved == null) {
            resolved = decide(topic, isKey, message);
            types.putIfAbsent(message, resolved);
        }
        return resolved;
    }

    private Resolved decide(String topic, boolean isKey, Descriptor message) {
        String subject = strategy.subjectName(topic, isKey, message.getFullName());
        String what = RegistryFailures.describe(topic, isKey, subject);
        try {
            if (mode.autoRegister()) {
                return new Resolved(client.register(subject, schemaOf(message.getFile()), mode.normalize()), MessageTypePaths.pathOf(message));
            } else if (mode.useSchemaId() >= 0) {
                return new Resolved(mode.useSchemaId(), pathIn(schemas.fileOf(mode.useSchemaId()), message, what));
            } else if (mode.useLatest()) {
                RegisteredSchema latest = client.latestVersion(subject);
                return new Resolved(latest.id(), pathIn(schemas.fileOf(latest.id()), message, what));
            }
            return new Resolved(client.lookup(subject, schemaOf(message.getFile()), mode.normalize()).id(),
                    MessageTypePaths.pathOf(message));
        } catch (RegistryClientException e) {
            throw RegistryFailures.writingSchema(what, new WriteSchemaChoice(mode.autoRegister(), mode.useSchemaId(), mode.useLatest()), e);
        }
    }

    /** The registry form of a file: its text and, registered or looked up first, its imports as references. */
    RegistrySchema schemaOf(FileDescriptor file) {
        List<SchemaReference> references = new ArrayList<>();
        for (FileDescriptor dependency : file.getDependencies()) {
            if (mode.skipKnownTypes() && KnownProtoFiles.contains(dependency.getName())) {
                continue;
            }
            RegistrySchema schema = schemaOf(dependency);
            String subject = dependency.getName();
            if (mode.autoRegister()) {
                client.register(subject, schema, mode.normalize());
            }
            int version = client.lookup(subject, schema, mode.normalize()).version();
            references.add(new SchemaReference(dependency.getName(), subject, version));
        }
        return new RegistrySchema(ProtobufSchemas.PROTOBUF, ProtoFilePrinter.print(file), references);
    }

    private static MessageIndexes pathIn(FileDescriptor file, Descriptor message, String what) {
        Descriptor found = MessageTypePaths.byFullName(file, message.getFullName());
        if (found == null) {
            throw new SerializationException("Cannot serialize " + what + ": the chosen schema has no message "
                    + message.getFullName());
        }
        return MessageTypePaths.pathOf(found);
    }
}
