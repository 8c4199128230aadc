package io.ferry.serde.avro;

import java.util.Map;

import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RegistryClientSettings;
import io.ferry.serde.subject.SubjectNameStrategies;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link KafkaAvroSerializer}, {@link KafkaAvroDeserializer} and the Connect converter, with
 * Confluent's names and defaults: the registry client's ({@link RegistryClientSettings}) and the ones below.
 * Keys Ferry does not know are ignored, so a configuration written for Confluent's serializers works
 * unchanged.
 */
public class AvroSerdeConfig extends AbstractConfig {
    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";
    public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";
    public static final String USE_SCHEMA_ID = "use.schema.id";
    public static final String ID_COMPATIBILITY_STRICT = "id.compatibility.strict";
    public static final String NORMALIZE_SCHEMAS = "normalize.schemas";
    public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";
    public static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    public static final String USE_LOGICAL_TYPE_CONVERTERS = "avro.use.logical.type.converters";
    public static final String SCHEMA_REFLECTION = "schema.reflection";

    /** Confluent's default strategy, by Confluent's class name (an alias of Ferry's). */
    public static final String DEFAULT_STRATEGY = "io.confluent.kafka.serializers.subject.TopicNameStrategy";
    private static final String GROUP = "Avro serde";

    public AvroSerdeConfig(Map<?, ?> configs) {
        this(configDef(), configs);
    }

    protected AvroSerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs, false);
        if (getBoolean(SCHEMA_REFLECTION)) {
            throw new ConfigException(SCHEMA_REFLECTION, true, "Avro reflection is not supported by Ferry's serde; "
                    + "use generic or specific records");
        }
    }

    /** The registry client's settings and the serde's. */
    public static ConfigDef configDef() {
        int order = 0;
        return RegistryClientSettings.define(new ConfigDef())
                .define(AUTO_REGISTER_SCHEMAS, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Whether the serializer registers the schema of what it writes (and uses the id the registry gives). "
                                + "When false it only looks the schema up in the subject.", GROUP, ++order, ConfigDef.Width.SHORT,
                        "Register schemas")
                .define(USE_LATEST_VERSION, Type.BOOLEAN, false, Importance.LOW,
                        "Serializer (with auto.register.schemas=false): write with the subject's latest version instead of the "
                                + "data's own schema. Deserializer: read every record into the subject's latest version.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Use latest version")
                .define(LATEST_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                        "With use.latest.version: refuse to write when the latest version cannot read data of the data's schema.",
                        GROUP, ++order, ConfigDef.Width.SHORT, "Check latest")
                .define(USE_SCHEMA_ID, Type.INT, -1, Importance.LOW,
                        "Serializer (with auto.register.schemas=false): write with this schema id; -1 for none.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Schema id")
                .define(ID_COMPATIBILITY_STRICT, Type.BOOLEAN, true, Importance.LOW,
                        "With use.schema.id: refuse to write when that schema cannot read data of the data's schema.", GROUP,
                        ++order, ConfigDef.Width.SHORT, "Check id")
                .define(NORMALIZE_SCHEMAS, Type.BOOLEAN, false, Importance.LOW,
                        "Ask the registry to normalize schemas before registering or looking them up.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Normalize")
                .define(KEY_SUBJECT_NAME_STRATEGY, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                        "How the subject of key schemas is named: TopicNameStrategy (<topic>-key), RecordNameStrategy, "
                                + "TopicRecordNameStrategy, by Ferry's or Confluent's class name, or a class implementing "
                                + SubjectNameStrategy.class.getName() + ".", GROUP, ++order, ConfigDef.Width.LONG, "Key subjects")
                .define(VALUE_SUBJECT_NAME_STRATEGY, Type.STRING, DEFAULT_STRATEGY, Importance.MEDIUM,
                        "How the subject of value schemas is named (<topic>-value by default); as key.subject.name.strategy.",
                        GROUP, ++order, ConfigDef.Width.LONG, "Value subjects")
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

    public RegistryClientConfig clientConfig() {
        return RegistryClientConfig.from(this);
    }

    public boolean autoRegisterSchemas() {
        return getBoolean(AUTO_REGISTER_SCHEMAS);
    }

    public boolean useLatestVersion() {
        return getBoolean(USE_LATEST_VERSION);
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
    }

    public int useSchemaId() {
        return getInt(USE_SCHEMA_ID);
    }

    public boolean idCompatibilityStrict() {
        return getBoolean(ID_COMPATIBILITY_STRICT);
    }

    public boolean normalizeSchemas() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    public boolean specificAvroReader() {
        return getBoolean(SPECIFIC_AVRO_READER);
    }

    public boolean useLogicalTypeConverters() {
        return getBoolean(USE_LOGICAL_TYPE_CONVERTERS);
    }

    /** The configured strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        String setting = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
        return SubjectNameStrategies.create(setting, getString(setting), originals());
    }
}
