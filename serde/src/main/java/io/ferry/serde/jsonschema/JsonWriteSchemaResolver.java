package io.ferry.serde.jsonschema;

import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.RecordSide;
import io.ferry.serde.registry.RegistryFailures;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.registry.WriteSchemaChoice;
import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.errors.SerializationException;

/**
 * Decides the schema id (and the schema) a JSON payload is written with, in Confluent's order: register the
 * payload's schema ({@code auto.register.schemas}), else a fixed id ({@code use.schema.id}), else the subject's
 * latest version ({@code use.latest.version}), else look the payload's schema up in the subject. A payload without
 * a schema of its own can only be written with {@code use.schema.id} or {@code use.latest.version}. Decisions for
 * a schema are remembered per topic; the latest version is remembered by the registry client for its
 * {@code latest.cache.ttl.sec}. Thread-safe.
 */
final class JsonWriteSchemaResolver {

    /** What to write with. */
    record Resolved(int id, ParsedJsonSchema schema) {
    }

    /** The choices of {@link JsonSchemaSerdeConfig} that matter here. */
    record Mode(boolean autoRegister, int useSchemaId, boolean useLatest, boolean normalize) {
        static Mode of(JsonSchemaSerdeConfig config) {
            return new Mode(config.autoRegisterSchemas(), config.useSchemaId(), config.useLatestVersion(), config.normalizeSchemas());
        }
    }

    private record Key(String topic, ParsedJsonSchema schema) {
    }

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final Mode mode;
    private final ConcurrentHashMap<Key, Resolved> decided = new ConcurrentHashMap<>();
    /**
     * Schemas taken from the registry, by id: a decision for the latest version is taken again per record (the client
     * keeps the latest for {@code latest.cache.ttl.sec}), but an id's text never changes, so it is parsed, and its
     * validator compiled, once.
     */
    private final ConcurrentHashMap<Integer, ParsedJsonSchema> registered = new ConcurrentHashMap<>();

    JsonWriteSchemaResolver(RegistryClient client, SubjectNameStrategy strategy, Mode mode) {
        this.client = client;
        this.strategy = strategy;
        this.mode = mode;
    }

    /**
     * @param schema the payload's own schema, or {@code null} when it has none
     * @throws SchemaRegistryException when the registry refuses or cannot be reached; an
     *                                 {@link IncompatibleSchemaException} for an incompatible schema
     */
    Resolved resolve(String topic, boolean isKey, ParsedJsonSchema schema) {
        if (schema == null) {
            return withoutSchema(topic, isKey);
        }
        Key key = new Key(topic, schema);
        Resolved resolved = decided.get(key);
        if (resolved == null) {
            resolved = decide(topic, isKey, schema);
            if (!mode.useLatest() || mode.autoRegister()) {
                decided.putIfAbsent(key, resolved);
            }
        }
        return resolved;
    }

    private Resolved withoutSchema(String topic, boolean isKey) {
        if (mode.useSchemaId() < 0 && !mode.useLatest()) {
            throw new SerializationException("Cannot serialize " + RecordSide.describe(topic, isKey) + ": it carries no "
                    + "JSON Schema; pass a JsonSchemaValue or an envelope {\"schema\":...,\"payload\":...}, or set "
                    + "use.latest.version=true (or use.schema.id) to write with a registered schema");
        }
        return call(topic, isKey, null, () -> {
            if (mode.useSchemaId() >= 0) {
                return byId(mode.useSchemaId());
            }
            return latest(strategy.subjectName(topic, isKey, null));
        });
    }

    private Resolved decide(String topic, boolean isKey, ParsedJsonSchema schema) {
        String subject = strategy.subjectName(topic, isKey, schema.recordName());
        return call(topic, isKey, subject, () -> {
            if (mode.autoRegister()) {
                return new Resolved(client.register(subject, schema.registrySchema(), mode.normalize()), schema);
            } else if (mode.useSchemaId() >= 0) {
                return byId(mode.useSchemaId());
            } else if (mode.useLatest()) {
                return latest(subject);
            }
            return new Resolved(client.lookup(subject, schema.registrySchema(), mode.normalize()).id(), schema);
        });
    }

    private Resolved byId(int id) {
        return new Resolved(id, registered.computeIfAbsent(id, i -> ParsedJsonSchema.of(client.schemaById(i))));
    }

    private Resolved latest(String subject) {
        RegisteredSchema latest = client.latestVersion(subject);
        return new Resolved(latest.id(), registered.computeIfAbsent(latest.id(), id -> ParsedJsonSchema.of(latest.schema())));
    }

    private interface RegistryCall {
        Resolved run();
    }

    private Resolved call(String topic, boolean isKey, String subject, RegistryCall call) {
        try {
            return call.run();
        } catch (RegistryClientException e) {
            throw RegistryFailures.writingSchema(RegistryFailures.describe(topic, isKey, subject),
                    new WriteSchemaChoice(mode.autoRegister(), mode.useSchemaId(), mode.useLatest()), e);
        }
    }
}
