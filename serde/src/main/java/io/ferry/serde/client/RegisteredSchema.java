package io.ferry.serde.client;

/**
 * A schema as one version of one subject.
 *
 * @param subject the subject
 * @param id      the schema's global id (the one written in the wire format)
 * @param version its version within the subject
 * @param schema  the schema
 */
public record RegisteredSchema(String subject, int id, int version, RegistrySchema schema) {
}
