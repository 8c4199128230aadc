package io.ferry.serde.connect.protobuf;

import java.util.concurrent.ConcurrentHashMap;

import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.subject.SubjectNameStrategy;

/**
 * The registry version of a schema id under the record's subject, which the converter gives the Connect
 * schema: the id's registered text is looked up in the subject. Once per topic and id; a schema that is not a
 * version of the subject has no version rather than failing the record. Thread-safe.
 */
final class ProtobufSchemaVersions {
    private record Key(String topic, int id) {
    }

    private static final Integer NONE = -1;

    private final RegistryClient client;
    private final SubjectNameStrategy strategy;
    private final ConcurrentHashMap<Key, Integer> versions = new ConcurrentHashMap<>();

    ProtobufSchemaVersions(RegistryClient client, SubjectNameStrategy strategy) {
        this.client = client;
        this.strategy = strategy;
    }

    /** @return the version, or {@code null} when the subject has no version with this schema */
    Integer versionOf(String topic, boolean isKey, int id, String messageName) {
        Key key = new Key(topic, id);
        Integer version = versions.get(key);
        if (version == null) {
            version = lookup(topic, isKey, id, messageName);
            versions.putIfAbsent(key, version);
        }
        return NONE.equals(version) ? null : version;
    }

    private Integer lookup(String topic, boolean isKey, int id, String messageName) {
        String subject = strategy.subjectName(topic, isKey, messageName);
        try {
            RegistrySchema text = client.schemaById(id);
            return client.lookup(subject, text, false).version();
        } catch (RegistryClientException e) {
            if (e.errorCode() == RegistryClientException.SUBJECT_NOT_FOUND || e.errorCode() == RegistryClientException.SCHEMA_NOT_FOUND) {
                return NONE;
            }
            throw new SchemaRegistryException("Cannot find the version of subject '" + subject + "' for "
                    + (isKey ? "key" : "value") + " schema " + id + " of topic '" + topic + "'", e);
        }
    }
}
