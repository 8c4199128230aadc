package io.ferry.serde.connect.json;

/**
 * The property names and Connect names of the Connect ↔ JSON Schema mapping, Confluent's, so schemas written by
 * either converter mean the same to both.
 */
final class JsonSchemaNames {
    static final String NAMESPACE = "io.confluent.connect.json";
    static final String CONNECT_TYPE = "connect.type";
    static final String CONNECT_VERSION = "connect.version";
    static final String CONNECT_PARAMETERS = "connect.parameters";
    static final String CONNECT_INDEX = "connect.index";
    static final String TYPE_MAP = "map";
    static final String TYPE_BYTES = "bytes";
    static final String KEY = "key";
    static final String VALUE = "value";
    /** The Connect name of a struct standing for a {@code oneOf} of several schemas. */
    static final String ONE_OF = NAMESPACE + ".OneOf";
    static final String ONE_OF_FIELD_PREFIX = ONE_OF + ".field.";
    /** The parameter marking a Connect string as a JSON enum; each symbol is a parameter {@code <ENUM>.<symbol>}. */
    static final String ENUM = NAMESPACE + ".Enum";

    private JsonSchemaNames() {
    }
}
