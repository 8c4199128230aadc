package io.ferry.serde.testing;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.serde.client.RegisteredSchema;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.protobuf.ProtoFilePrinter;

/**
 * A registry in memory for unit tests: ids by (text, references), versions per subject, and the
 * {@code serialized} form of Protobuf schemas whose descriptors the test taught it ({@link #learn}), since it
 * parses no {@code .proto} text. Integration tests use the real registry over HTTP instead. Thread-safe.
 */
public final class InMemoryRegistryClient implements RegistryClient {
    private final Map<RegistrySchema, Integer> ids = new HashMap<>();
    private final Map<Integer, RegistrySchema> byId = new HashMap<>();
    private final Map<String, List<Integer>> subjects = new LinkedHashMap<>();
    private final Map<String, String> serializedByText = new HashMap<>();
    /** Every request, as "method subject", for assertions on what was registered. */
    public final List<String> calls = new ArrayList<>();

    /**
     * The settings of a serde or converter built with this client: a registry URL that is never called (the
     * client is given) and {@code keysAndValues}, as key, value, key, value.
     */
    public static Map<String, Object> settings(Object... keysAndValues) {
        Map<String, Object> config = new HashMap<>();
        config.put("schema.registry.url", "http://unused");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }

    /** Teaches the serialized form of a file and its imports. */
    public synchronized InMemoryRegistryClient learn(FileDescriptor file) {
        serializedByText.put(ProtoFilePrinter.print(file), Base64.getEncoder().encodeToString(file.toProto().toByteArray()));
        file.getDependencies().forEach(this::learn);
        return this;
    }

    @Override
    public synchronized int register(String subject, RegistrySchema schema, boolean normalize) {
        calls.add("register " + subject);
        int id = ids.computeIfAbsent(schema, s -> {
            int next = ids.size() + 1;
            byId.put(next, s);
            return next;
        });
        List<Integer> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize) {
        calls.add("lookup " + subject);
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryClientException(404, RegistryClientException.SUBJECT_NOT_FOUND, "Subject not found", "lookup");
        }
        Integer id = ids.get(schema);
        if (id == null || !versions.contains(id)) {
            throw new RegistryClientException(404, RegistryClientException.SCHEMA_NOT_FOUND, "Schema not found", "lookup");
        }
        return new RegisteredSchema(subject, id, versions.indexOf(id) + 1, schema);
    }

    @Override
    public synchronized RegistrySchema schemaById(int id) {
        RegistrySchema schema = byId.get(id);
        if (schema == null) {
            throw new RegistryClientException(404, RegistryClientException.SCHEMA_NOT_FOUND, "Schema " + id + " not found", "by id");
        }
        return schema;
    }

    @Override
    public synchronized RegistrySchema schemaById(int id, String format) {
        return render(schemaById(id), format);
    }

    @Override
    public synchronized RegisteredSchema latestVersion(String subject) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null) {
            throw new RegistryClientException(404, RegistryClientException.SUBJECT_NOT_FOUND, "Subject not found", "latest");
        }
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), byId.get(id));
    }

    @Override
    public synchronized RegisteredSchema version(String subject, int version, String format) {
        List<Integer> versions = subjects.get(subject);
        if (versions == null || version < 1 || version > versions.size()) {
            throw new RegistryClientException(404, RegistryClientException.VERSION_NOT_FOUND, "Version not found", "version");
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, id, version, render(byId.get(id), format));
    }

    private RegistrySchema render(RegistrySchema schema, String format) {
        if (!"serialized".equals(format)) {
            return schema;
        }
        String serialized = serializedByText.get(schema.schema());
        if (serialized == null) {
            throw new IllegalStateException("the test did not teach the descriptor of:\n" + schema.schema());
        }
        return new RegistrySchema(schema.schemaType(), serialized, schema.references());
    }

    /** The subjects with at least one version. */
    public synchronized List<String> subjects() {
        return List.copyOf(subjects.keySet());
    }

    @Override
    public void close() {
    }
}
