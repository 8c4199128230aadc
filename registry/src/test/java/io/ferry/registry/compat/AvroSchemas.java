package io.ferry.registry.compat;

import java.util.ArrayList;
import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParsedSchema;
import io.ferry.registry.schema.avro.AvroSchemaProvider;

/** Avro schemas and subject histories for compatibility tests. */
final class AvroSchemas {

    private static final AvroSchemaProvider PROVIDER = new AvroSchemaProvider();

    private AvroSchemas() {
    }

    static ParsedSchema avro(String text) {
        try {
            return PROVIDER.parse(text, List.of(), List.of());
        } catch (InvalidSchemaException e) {
            throw new IllegalArgumentException("test schema does not parse: " + text, e);
        }
    }

    /** Versions 1, 2, ... of a subject, oldest first. */
    static List<VersionedSchema> history(String... oldestFirst) {
        List<VersionedSchema> versions = new ArrayList<>();
        for (int i = 0; i < oldestFirst.length; i++) {
            versions.add(new VersionedSchema(i + 1, avro(oldestFirst[i])));
        }
        return versions;
    }

    /** A record named {@code R} with the given field declarations. */
    static String record(String... fields) {
        return "{\"type\":\"record\",\"name\":\"R\",\"fields\":[" + String.join(",", fields) + "]}";
    }

    /** A field declaration. */
    static String field(String name, String type) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + "}";
    }

    /** A field declaration with a default value, given as JSON. */
    static String field(String name, String type, String defaultJson) {
        return "{\"name\":\"" + name + "\",\"type\":" + type + ",\"default\":" + defaultJson + "}";
    }

    /** A JSON string literal. */
    static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
