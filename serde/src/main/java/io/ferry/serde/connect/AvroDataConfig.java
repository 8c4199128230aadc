package io.ferry.serde.connect;

import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How {@link AvroData} maps Connect schemas to Avro and back, with the keys and defaults of Confluent's
 * converter. Two of Confluent's settings are refused when switched on, because Ferry does not implement
 * them: {@code generalized.sum.type.support} and the deprecated {@code discard.type.doc.default}.
 */
public final class AvroDataConfig extends AbstractConfig {
    public static final String CONNECT_META_DATA = "connect.meta.data";
    public static final String ENHANCED_AVRO_SCHEMA_SUPPORT = "enhanced.avro.schema.support";
    public static final String SCRUB_INVALID_NAMES = "scrub.invalid.names";
    public static final String ALLOW_OPTIONAL_MAP_KEYS = "allow.optional.map.keys";
    public static final String FLATTEN_SINGLETON_UNION = "flatten.singleton.union";
    public static final String IGNORE_DEFAULT_FOR_NULLABLES = "ignore.default.for.nullables";
    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.config";
    public static final String GENERALIZED_SUM_TYPE_SUPPORT = "generalized.sum.type.support";
    public static final String DISCARD_TYPE_DOC_DEFAULT = "discard.type.doc.default";
    private static final String GROUP = "Avro data";

    public AvroDataConfig(Map<?, ?> configs) {
        super(configDef(), configs, false);
        refuseUnsupported(GENERALIZED_SUM_TYPE_SUPPORT);
        refuseUnsupported(DISCARD_TYPE_DOC_DEFAULT);
    }

    /** Confluent's defaults. */
    public static AvroDataConfig defaults() {
        return new AvroDataConfig(Map.of());
    }

    private void refuseUnsupported(String key) {
        if (getBoolean(key)) {
            throw new ConfigException(key, true, "not supported by Ferry's AvroConverter; remove it or set it to false");
        }
    }

    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
                .define(CONNECT_META_DATA, Type.BOOLEAN, true, Importance.LOW,
                        "Whether Connect's schema metadata (name, version, doc, parameters, default) travels in the Avro schema "
                                + "as connect.* properties.", GROUP, ++order, ConfigDef.Width.SHORT, "Connect metadata")
                .define(ENHANCED_AVRO_SCHEMA_SUPPORT, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Keep Avro enums as enums (and their symbols) and use full names for union branches of named types.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Enhanced schemas")
                .define(SCRUB_INVALID_NAMES, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Replace characters Avro does not allow in record and field names.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Scrub names")
                .define(ALLOW_OPTIONAL_MAP_KEYS, Type.BOOLEAN, false, Importance.LOW,
                        "Write maps with optional string keys as Avro maps instead of arrays of key-value records.", GROUP,
                        ++order, ConfigDef.Width.SHORT, "Optional map keys")
                .define(FLATTEN_SINGLETON_UNION, Type.BOOLEAN, true, Importance.LOW,
                        "Read an Avro union of one branch as that branch.", GROUP, ++order, ConfigDef.Width.SHORT, "Flatten unions")
                .define(IGNORE_DEFAULT_FOR_NULLABLES, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Write null for an optional struct field whose value is null, instead of the field's default.", GROUP,
                        ++order, ConfigDef.Width.SHORT, "Ignore nullable defaults")
                .define(SCHEMAS_CACHE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many converted schemas are remembered each way.", GROUP, ++order, ConfigDef.Width.SHORT, "Schema cache")
                .define(GENERALIZED_SUM_TYPE_SUPPORT, Type.BOOLEAN, false, Importance.LOW, "Not supported: true is refused.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Generalized sum types")
                .define(DISCARD_TYPE_DOC_DEFAULT, Type.BOOLEAN, false, Importance.LOW, "Not supported: true is refused.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Discard type doc");
    }

    /** The choices, as an immutable value. */
    public AvroDataOptions options() {
        return new AvroDataOptions(getBoolean(CONNECT_META_DATA), getBoolean(ENHANCED_AVRO_SCHEMA_SUPPORT),
                getBoolean(SCRUB_INVALID_NAMES), getBoolean(ALLOW_OPTIONAL_MAP_KEYS), getBoolean(FLATTEN_SINGLETON_UNION),
                getBoolean(IGNORE_DEFAULT_FOR_NULLABLES), getInt(SCHEMAS_CACHE_SIZE));
    }
}
