package io.ferry.registry.schema;

import java.util.Locale;
import java.util.Optional;

/** The kinds of schema a registry stores; the REST API's {@code schemaType}. */
public enum SchemaType {
    AVRO, JSON, PROTOBUF;

    /**
     * The type named by a request; a missing or empty name means AVRO, as in Confluent's API.
     *
     * @return empty when the name is not a known type
     */
    public static Optional<SchemaType> fromName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of(AVRO);
        }
        try {
            return Optional.of(SchemaType.valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
