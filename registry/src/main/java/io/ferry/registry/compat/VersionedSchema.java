package io.ferry.registry.compat;

import io.ferry.registry.schema.ParsedSchema;

/**
 * An earlier version of a subject, as a compatibility check sees it.
 *
 * @param version its version number in the subject
 * @param schema  the parsed schema
 */
public record VersionedSchema(int version, ParsedSchema schema) {
}
