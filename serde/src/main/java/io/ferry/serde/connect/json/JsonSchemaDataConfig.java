package io.ferry.serde.connect.json;

import java.util.Locale;
import java.util.Map;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * How {@link JsonSchemaData} maps Connect schemas and values to JSON Schema and JSON and back, with the keys and
 * defaults of Confluent's JSON Schema converter, plus Apache's {@code replace.null.with.default} (the JsonConverter's
 * name for the opposite of {@code ignore.default.for.nullables}). {@code generalized.sum.type.support} is refused
 * when switched on: Ferry does not implement it.
 */
public final class JsonSchemaDataConfig extends AbstractConfig {
    public static final String OBJECT_ADDITIONAL_PROPERTIES = "object.additional.properties";
    public static final String USE_OPTIONAL_FOR_NON_REQUIRED = "use.optional.for.nonrequired";
    public static final String DECIMAL_FORMAT = "decimal.format";
    public static final String REPLACE_NULL_WITH_DEFAULT = "replace.null.with.default";
    public static final String IGNORE_DEFAULT_FOR_NULLABLES = "ignore.default.for.nullables";
    public static final String SCHEMAS_CACHE_SIZE = "schemas.cache.size";
    /** Confluent's older name of {@link #SCHEMAS_CACHE_SIZE}, shared with its Avro converter. */
    public static final String SCHEMAS_CACHE_CONFIG = "schemas.cache.config";
    public static final String GENERALIZED_SUM_TYPE_SUPPORT = "generalized.sum.type.support";
    private static final String GROUP = "JSON Schema data";

    /** How decimals are written. */
    public enum DecimalFormat {
        /** The unscaled value's two's-complement bytes, base64 encoded in a JSON string (Confluent's default). */
        BASE64,
        /** A JSON number. */
        NUMERIC
    }

    public JsonSchemaDataConfig(Map<?, ?> configs) {
        super(configDef(), configs, false);
        if (getBoolean(GENERALIZED_SUM_TYPE_SUPPORT)) {
            throw new ConfigException(GENERALIZED_SUM_TYPE_SUPPORT, true,
                    "not supported by Ferry's JsonSchemaConverter; remove it or set it to false");
        }
    }

    public static ConfigDef configDef() {
        int order = 0;
        return new ConfigDef()
                .define(OBJECT_ADDITIONAL_PROPERTIES, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether the JSON Schemas of structs allow properties they do not declare; false writes "
                                + "\"additionalProperties\":false.", GROUP, ++order, ConfigDef.Width.SHORT, "Additional properties")
                .define(USE_OPTIONAL_FOR_NON_REQUIRED, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Reading a JSON Schema: make the struct fields of properties not listed in \"required\" optional.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Optional non-required")
                .define(DECIMAL_FORMAT, Type.STRING, DecimalFormat.BASE64.name(), ConfigDef.CaseInsensitiveValidString.in("BASE64", "NUMERIC"),
                        Importance.LOW, "How Decimal values are written: BASE64 (a string of the unscaled bytes) or NUMERIC "
                                + "(a JSON number). Both are read.", GROUP, ++order, ConfigDef.Width.SHORT, "Decimal format")
                .define(REPLACE_NULL_WITH_DEFAULT, Type.BOOLEAN, true, Importance.LOW,
                        "Whether a null optional value with a default is written, and read, as the default; false keeps the "
                                + "null.", GROUP, ++order, ConfigDef.Width.SHORT, "Replace null")
                .define(IGNORE_DEFAULT_FOR_NULLABLES, Type.BOOLEAN, false, Importance.LOW,
                        "Confluent's name for replace.null.with.default=false: true keeps nulls of optional fields with a "
                                + "default.", GROUP, ++order, ConfigDef.Width.SHORT, "Ignore nullable defaults")
                .define(SCHEMAS_CACHE_SIZE, Type.INT, 1000, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many converted schemas are remembered each way.", GROUP, ++order, ConfigDef.Width.SHORT, "Schema cache")
                .define(SCHEMAS_CACHE_CONFIG, Type.INT, null, Importance.LOW,
                        "Older name of schemas.cache.size, used when that is not set.", GROUP, ++order, ConfigDef.Width.SHORT,
                        "Schema cache (old name)")
                .define(GENERALIZED_SUM_TYPE_SUPPORT, Type.BOOLEAN, false, Importance.LOW, "Not supported: true is refused.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Generalized sum types");
    }

    /** The choices, as an immutable value. */
    public JsonSchemaDataOptions options() {
        Integer cache = originals().containsKey(SCHEMAS_CACHE_SIZE) || getInt(SCHEMAS_CACHE_CONFIG) == null
                ? getInt(SCHEMAS_CACHE_SIZE) : getInt(SCHEMAS_CACHE_CONFIG);
        return new JsonSchemaDataOptions(getBoolean(OBJECT_ADDITIONAL_PROPERTIES), getBoolean(USE_OPTIONAL_FOR_NON_REQUIRED),
                DecimalFormat.valueOf(getString(DECIMAL_FORMAT).toUpperCase(Locale.ROOT)),
                getBoolean(REPLACE_NULL_WITH_DEFAULT) && !getBoolean(IGNORE_DEFAULT_FOR_NULLABLES), Math.max(1, cache));
    }
}
