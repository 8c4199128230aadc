package io.ferry.registry.schema;

import java.util.List;

/**
 * A schema that parsed. Immutable and thread-safe.
 *
 * <p>Two schemas are "the same" for the registry (same id, idempotent re-registration, lookup)
 * when their type, {@link #canonicalString()} and {@link #references()} are equal.
 */
public interface ParsedSchema {

    SchemaType type();

    /** The text the registry stores and answers with, as Confluent's registry computes it. */
    String canonicalString();

    /** References to schemas of other subjects, in the order given at registration. */
    List<SchemaReference> references();

    /** The same schema in normal form ({@code normalize=true}); equal schemas normalise to equal text. */
    ParsedSchema normalize();

    /**
     * The schema's name as a record-name subject strategy would use it, or {@code null} when it has none.
     * For Avro, the full name of a top-level record; enums, fixed types and unnamed types have none, as in
     * Confluent's registry.
     */
    String name();

    /**
     * The schema in an output format a client asked for ({@code format=} of GET /schemas/ids/{id}):
     * for Avro, {@code resolved} writes referenced types out in full. Formats a type does not know
     * give the canonical text.
     */
    default String formatted(String format) {
        return canonicalString();
    }

    /** The type-specific parsed form (for Avro, an {@code org.apache.avro.Schema}). */
    Object rawSchema();
}
