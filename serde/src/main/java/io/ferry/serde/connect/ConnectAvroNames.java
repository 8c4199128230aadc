package io.ferry.serde.connect;

/**
 * The names Confluent's Avro converter gives to Connect metadata in Avro schemas. Ferry writes and reads
 * the same ones, so that schemas registered by either converter are equal text (the same ids) and records
 * written by either are read by the other.
 */
final class ConnectAvroNames {
    static final String NAMESPACE = "io.confluent.connect.avro";
    /** Record name of a struct without a name: ConnectDefault, ConnectDefault2, ... in {@link #NAMESPACE}. */
    static final String DEFAULT_SCHEMA_NAME = "ConnectDefault";
    static final String DEFAULT_SCHEMA_FULL_NAME = NAMESPACE + "." + DEFAULT_SCHEMA_NAME;
    /** Record of the array that holds a map whose keys are not non-optional strings. */
    static final String MAP_ENTRY_TYPE_NAME = "MapEntry";
    static final String KEY_FIELD = "key";
    static final String VALUE_FIELD = "value";

    static final String CONNECT_NAME = "connect.name";
    static final String CONNECT_DOC = "connect.doc";
    static final String CONNECT_VERSION = "connect.version";
    static final String CONNECT_DEFAULT = "connect.default";
    static final String CONNECT_PARAMETERS = "connect.parameters";
    static final String CONNECT_INTERNAL_TYPE = "connect.internal.type";
    static final String CONNECT_TYPE = "connect.type";
    static final String CONNECT_TYPE_INT8 = "int8";
    static final String CONNECT_TYPE_INT16 = "int16";

    static final String AVRO_RECORD_DOC = NAMESPACE + ".record.doc";
    static final String AVRO_ENUM_DOC_PREFIX = NAMESPACE + ".enum.doc.";
    static final String AVRO_FIELD_DOC_PREFIX = NAMESPACE + ".field.doc.";
    /** Marks a Connect default that came from an Avro field default rather than from {@link #CONNECT_DEFAULT}. */
    static final String AVRO_FIELD_DEFAULT_FLAG = NAMESPACE + ".field.default";
    static final String AVRO_ENUM_DEFAULT_PREFIX = NAMESPACE + ".enum.default.";
    /** Name of the Connect struct that stands for an Avro union; its fields are the union's branches. */
    static final String AVRO_TYPE_UNION = NAMESPACE + ".Union";
    /** Parameter holding an Avro enum's full name on the Connect string that stands for it. */
    static final String AVRO_TYPE_ENUM = NAMESPACE + ".Enum";
    static final String FIXED_SIZE = "connect.fixed.size";
    static final String DECIMAL_PRECISION = "connect.decimal.precision";
    static final int DECIMAL_PRECISION_DEFAULT = 64;
    /** Schema properties starting with this pass between Avro properties and Connect parameters unchanged. */
    static final String AVRO_PROP_PREFIX = "avro";

    static final String LOGICAL_TYPE = "logicalType";
    static final String LOGICAL_DECIMAL = "decimal";
    static final String LOGICAL_DATE = "date";
    static final String LOGICAL_TIME_MILLIS = "time-millis";
    static final String LOGICAL_TIMESTAMP_MILLIS = "timestamp-millis";

    private ConnectAvroNames() {
    }
}
