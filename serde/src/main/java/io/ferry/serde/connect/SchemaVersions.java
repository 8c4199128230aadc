package io.ferry.serde.connect;

import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.avro.AvroSchemas;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.subject.SubjectNameStrategy;

/**
 * The registry version of a schema id under the record's subject, which the converter gives the Connect
 * schema when the Avro schema carries no {@code connect.version} (as Confluent's converter does). Looked up
 * once per topic and id. A schema that is not a version of the subject (registered under another subject)
 * has no version rather than failing the record. Thread-safe.
 */
public final class SchemaVersions {
    private record Key(String topic, int id) {
    }

    private static final Integer NONE = -1;

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final ConcurrentHashMap<Key, Integer> versions = new ConcurrentHashMap<>();
    private record Last(Key key, Integer version) {
    }

    private volatile Last last;

    public SchemaVersions(RegistryClient client, SubjectNameStrategy strategy) {
        this.client = client;
        this.strategy = strategy;
    }

    /** @return the version, or {@code null} when the subject has no version with this schema */
    Integer versionOf(String topic, boolean isKey, int id, org.apache.avro.Schema schema) {
        return versionOf(topic, isKey, id, AvroSchemas.recordName(schema), () -> RegistrySchema.avro(schema.toString()));
    }

    /**
     * The version of a schema of any type, for converters of other formats.
     *
     * @param recordName the schema's record name for the subject strategy, or {@code null}
     * @param schema     the schema as the registry stores it, asked for only when the version is not known yet
     * @return the version, or {@code null} when the subject has no version with this schema
     */
    public Integer versionOf(String topic, boolean isKey, int id, String recordName, java.util.function.Supplier<RegistrySchema> schema) {
        Last recent = last;
        if (recent != null && recent.key().id() == id && recent.key().topic().equals(topic)) {
            return recent.version();
        }
        Key key = new Key(topic, id);
        Integer version = versions.get(key);
        if (version == null) {
            version = lookup(topic, isKey, recordName, schema.get());
            versions.putIfAbsent(key, version);
        }
        Integer result = NONE.equals(version) ? null : version;
        last = new Last(key, result);
        return result;
    }

    private Integer lookup(String topic, boolean isKey, String recordName, RegistrySchema schema) {
        String subject = strategy.subjectName(topic, isKey, recordName);
        try {
            return client.lookup(subject, schema, false).version();
        } catch (RegistryClientException e) {
            if (e.errorCode() == RegistryClientException.SUBJECT_NOT_FOUND || e.errorCode() == RegistryClientException.SCHEMA_NOT_FOUND) {
                return NONE;
            }
            throw new SchemaRegistryException("Cannot find the version of subject '" + subject
                    + "' for " + (isKey ? "key" : "value") + " schema of topic '" + topic + "'", e);
        }
    }
}
