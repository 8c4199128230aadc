package io.ferry.serde.avro;

import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.RegistryFailures;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.registry.WriteSchemaChoice;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.avro.NameValidator;
import org.apache.avro.Schema;

/**
 * Decides the schema id (and the schema) a serializer writes for data of a schema, as Confluent's serializer
 * does: register it ({@code auto.register.schemas}), else use a fixed id ({@code use.schema.id}), else the
 * subject's latest version ({@code use.latest.version}), else look it up in the subject. Decisions are
 * remembered per topic and schema for the serializer's life, so a warm call makes no registry request.
 * Thread-safe.
 */
final class WriteSchemaResolver {

    /** What to write for data of one schema: the id and the schema to encode with. */
    static final class Resolved {
        final int id;
        final Schema schema;
        final String subject;

        Resolved(int id, Schema schema, String subject) {
            this.id = id;
            this.schema = schema;
            this.subject = subject;
        }
    }

    /** The choices of {@link AvroSerdeConfig} that matter here. */
    record Mode(boolean autoRegister, int useSchemaId, boolean idStrict, boolean useLatest, boolean latestStrict, boolean normalize) {
        static Mode of(AvroSerdeConfig config) {
            return new Mode(config.autoRegisterSchemas(), config.useSchemaId(), config.idCompatibilityStrict(),
                    config.useLatestVersion(), config.latestCompatibilityStrict(), config.normalizeSchemas());
        }
    }

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final Mode mode;
    private final ConcurrentHashMap<String, ConcurrentHashMap<Schema, Resolved>> byTopic = new ConcurrentHashMap<>();

    WriteSchemaResolver(RegistryClient client, SubjectNameStrategy strategy, Mode mode) {
        this.client = client;
        this.strategy = strategy;
        this.mode = mode;
    }

    /**
     * @throws SchemaRegistryException when the registry refuses or cannot be reached; an
     *                                   {@link IncompatibleSchemaException} for an incompatible schema
     */
    Resolved resolve(String topic, boolean isKey, Schema schema) {
        ConcurrentHashMap<Schema, Resolved> schemas = byTopic.get(topic);
        if (schemas == null) {
            schemas = byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
        }
        Resolved resolved = schemas.get(schema);
        if (resolved == null) {
            resolved = decide(topic, isKey, schema);
            schemas.putIfAbsent(schema, resolved);
        }
        return resolved;
    }

    private Resolved decide(String topic, boolean isKey, Schema schema) {
        String subject = strategy.subjectName(topic, isKey, AvroSchemas.recordName(schema));
        RegistrySchema text = RegistrySchema.avro(schema.toString());
        String what = RegistryFailures.describe(topic, isKey, subject);
        try {
            if (mode.autoRegister()) {
                return new Resolved(client.register(subject, text, mode.normalize()), schema, subject);
            } else if (mode.useSchemaId() >= 0) {
                Schema chosen = parse(client.schemaById(mode.useSchemaId()));
                requireReadable(chosen, schema, mode.idStrict(), what, "use.schema.id=" + mode.useSchemaId(), "id.compatibility.strict");
                return new Resolved(mode.useSchemaId(), chosen, subject);
            } else if (mode.useLatest()) {
                RegisteredSchema latest = client.latestVersion(subject);
                Schema chosen = parse(latest.schema());
                requireReadable(chosen, schema, mode.latestStrict(), what, "the latest version (" + latest.version() + ")",
                        "latest.compatibility.strict");
                return new Resolved(latest.id(), chosen, subject);
            }
            return new Resolved(client.lookup(subject, text, mode.normalize()).id(), schema, subject);
        } catch (RegistryClientException e) {
            throw RegistryFailures.writingSchema(what, new WriteSchemaChoice(mode.autoRegister(), mode.useSchemaId(), mode.useLatest()), e);
        }
    }

    private static void requireReadable(Schema chosen, Schema data, boolean strict, String what, String which, String setting) {
        if (strict && !AvroSchemas.canRead(chosen, data)) {
            RegistryClientException detail = new RegistryClientException(409, 409,
                    which + " cannot read data of schema " + data + "; set " + setting + "=false to write anyway", "local check");
            throw new IncompatibleSchemaException("Cannot serialize " + what, detail);
        }
    }

    /**
     * Parses a schema the registry holds. Names are not checked again: the registry checked them when the schema was
     * registered, and it accepts namespaces Avro 1.12's parser rejects ({@code dbserver-1.public.customers}, as
     * Debezium derives them from a {@code topic.prefix}), which Avro before 1.12 and Confluent's clients read.
     */
    static Schema parse(RegistrySchema schema) {
        if (!RegistrySchema.AVRO.equals(schema.schemaType())) {
            throw new org.apache.kafka.common.errors.SerializationException("schema is of type " + schema.schemaType() + ", not AVRO");
        }
        return new Schema.Parser(NameValidator.NO_VALIDATION).parse(schema.schema());
    }
}
