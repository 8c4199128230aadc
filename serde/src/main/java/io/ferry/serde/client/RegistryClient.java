package io.ferry.serde.client;

/**
 * The operations serializers, deserializers and converters need from a schema registry that speaks
 * Confluent Schema Registry's REST API.
 *
 * <p>Implementations are thread-safe. Every method may block on the network (bounded by the configured
 * timeouts and retries) and throws {@link RegistryClientException} when the registry refuses or cannot be
 * reached; arguments are never {@code null}.
 */
public interface RegistryClient extends AutoCloseable {

    /**
     * Registers a schema under a subject, or returns the id it already has there.
     *
     * @param normalize whether the registry normalizes the schema before comparing and storing it
     * @return the schema's global id
     * @throws RegistryClientException with status 409 when the schema is incompatible with the subject's versions
     */
    int register(String subject, RegistrySchema schema, boolean normalize);

    /**
     * Finds the version of a subject that holds this schema.
     *
     * @throws RegistryClientException with error code 40401 (no subject) or 40403 (no such schema in it)
     */
    RegisteredSchema lookup(String subject, RegistrySchema schema, boolean normalize);

    /**
     * The schema with a global id.
     *
     * @throws RegistryClientException with error code 40403 when no schema has the id
     */
    RegistrySchema schemaById(int id);

    /**
     * The latest live version of a subject.
     *
     * @throws RegistryClientException with error code 40401 when the subject has no live version
     */
    RegisteredSchema latestVersion(String subject);

    /**
     * The schema with a global id, in a format the registry renders it in ({@code serialized}: a Protobuf
     * schema as a base64 {@code FileDescriptorProto}).
     *
     * @throws RegistryClientException with error code 40403 when no schema has the id
     */
    default RegistrySchema schemaById(int id, String format) {
        throw new UnsupportedOperationException(getClass().getName() + " does not fetch schemas in format " + format);
    }

    /**
     * One version of a subject, its schema rendered in {@code format} ({@code null} for the registered text).
     *
     * @throws RegistryClientException with error code 40401 (no subject) or 40402 (no such version)
     */
    default RegisteredSchema version(String subject, int version, String format) {
        throw new UnsupportedOperationException(getClass().getName() + " does not fetch subject versions");
    }

    /** Releases the client's resources; the client is unusable afterwards. */
    @Override
    void close();
}
