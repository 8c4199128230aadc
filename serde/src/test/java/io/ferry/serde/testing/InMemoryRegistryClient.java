package io.ferry.serde.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;

/**
 * A registry held in memory for unit tests of serdes: ids by schema text, versions per subject, the registry's
 * error codes for what is missing. It checks no compatibility (integration tests use the real registry).
 * Thread-safe.
 */
public final class InMemoryRegistryClient implements RegistryClient {
    private final Map<RegistrySchema, Integer> ids = new HashMap<>();
    private final Map<Integer, RegistrySchema> byId = new HashMap<>();
    private final Map<String, List<RegistrySchema>> subjects = new HashMap<>();

    @Override
    public synchronized int register(String subject, RegistrySchema schema, boolean normalize) {
        int id = ids.computeIfAbsent(schema, s -> ids.size() + 1);
        byId.put(id, schema);
        List<RegistrySchema> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(schema)) {
            versions.add(schema);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize) {
        List<RegistrySchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryClientException(404, RegistryClientException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.", "lookup");
        }
        int index = versions.indexOf(schema);
        if (index < 0) {
            throw new RegistryClientException(404, RegistryClientException.SCHEMA_NOT_FOUND, "Schema not found", "lookup");
        }
        return new RegisteredSchema(subject, ids.get(schema), index + 1, schema);
    }

    @Override
    public synchronized RegistrySchema schemaById(int id) {
        RegistrySchema schema = byId.get(id);
        if (schema == null) {
            throw new RegistryClientException(404, RegistryClientException.SCHEMA_NOT_FOUND, "Schema " + id + " not found", "get");
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latestVersion(String subject) {
        List<RegistrySchema> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryClientException(404, RegistryClientException.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.", "latest");
        }
        RegistrySchema latest = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, ids.get(latest), versions.size(), latest);
    }

    @Override
    public void close() {
    }
}
