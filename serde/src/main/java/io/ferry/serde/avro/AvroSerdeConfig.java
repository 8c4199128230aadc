package io.ferry.serde.avro;

import java.util.Map;

import io.ferry.serde.client.RegistryClientSettings;
import io.ferry.serde.registry.RegistrySerdeConfig;
import io.ferry.serde.registry.RegistrySerdeSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link KafkaAvroSerializer}, {@link KafkaAvroDeserializer} and the Connect converter, with
 * Confluent's names and defaults: the registry client's ({@link RegistryClientSettings}), every shared one
 * ({@link RegistrySerdeSettings}; the constants below are its keys, kept here for existing code) and the Avro ones.
 * Keys Ferry does not know are ignored, so a configuration written for Confluent's serializers works
 * unchanged.
 */
public class AvroSerdeConfig extends RegistrySerdeConfig {
    public static final String AUTO_REGISTER_SCHEMAS = RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS;
    public static final String USE_LATEST_VERSION = RegistrySerdeSettings.USE_LATEST_VERSION;
    public static final String LATEST_COMPATIBILITY_STRICT = RegistrySerdeSettings.LATEST_COMPATIBILITY_STRICT;
    public static final String USE_SCHEMA_ID = RegistrySerdeSettings.USE_SCHEMA_ID;
    public static final String ID_COMPATIBILITY_STRICT = RegistrySerdeSettings.ID_COMPATIBILITY_STRICT;
    public static final String NORMALIZE_SCHEMAS = RegistrySerdeSettings.NORMALIZE_SCHEMAS;
    public static final String KEY_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.KEY_SUBJECT_NAME_STRATEGY;
    public static final String VALUE_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.VALUE_SUBJECT_NAME_STRATEGY;
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String SCHEMA_REFLECTION = "schema.reflection";

    /** Confluent's default strategy, by Confluent's class name (an alias of Ferry's). */
    public static final String DEFAULT_STRATEGY = RegistrySerdeSettings.DEFAULT_STRATEGY;
    private static final String GROUP = "Avro serde";
    /** The shared keys the Avro serde honours: all of them. */
    private static final String[] SHARED = {AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION, LATEST_COMPATIBILITY_STRICT, USE_SCHEMA_ID,
        ID_COMPATIBILITY_STRICT, NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY};

    public AvroSerdeConfig(Map<?, ?> configs) {
        this(configDef(), configs);
    }

    protected AvroSerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs);
        if (getBoolean(SCHEMA_REFLECTION)) {
            throw new ConfigException(SCHEMA_REFLECTION, true, "Avro reflection is not supported by Ferry's serde; "
                    + "use generic or specific records");
        }
    }

    /** The registry client's settings and the serde's. */
    public static ConfigDef configDef() {
        int order = SHARED.length;
        return RegistrySerdeSettings.define(RegistryClientSettings.define(new ConfigDef()), GROUP, SHARED)
                .define(SPECIFIC_AVRO_READER, Type.BOOLEAN, false, Importance.LOW,
                        "Deserializer: return instances of the generated SpecificRecord classes named by the writer's schema "
                                + "(which must be on the class path) instead of GenericRecords.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Specific records")
                .define(USE_LOGICAL_TYPE_CONVERTERS, Type.BOOLEAN, false, Importance.LOW,
                        "Map Avro logical types to Java types (BigDecimal, LocalDate, LocalTime, Instant, UUID) in generic "
                                + "records, both ways.", GROUP, ++order, ConfigDef.Width.SHORT, "Logical types")
                .define(SCHEMA_REFLECTION, Type.BOOLEAN, false, Importance.LOW,
                        "Not supported: true is refused.", GROUP, ++order, ConfigDef.Width.SHORT, "Reflection");
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    public boolean idCompatibilityStrict() {
        return getBoolean(ID_COMPATIBILITY_STRICT);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public boolean useLogicalTypeConverters() {
        return getBoolean(USE_LOGICAL_TYPE_CONVERTERS);
    }
}
