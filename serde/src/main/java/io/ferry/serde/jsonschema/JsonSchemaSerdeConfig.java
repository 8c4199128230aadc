package io.ferry.serde.jsonschema;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RegistryClientSettings;
import io.ferry.serde.registry.RegistrySerdeSettings;
import io.ferry.serde.subject.SubjectNameStrategy;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

/**
 * The settings of {@link KafkaJsonSchemaSerializer}, {@link KafkaJsonSchemaDeserializer} and the Connect
 * {@code JsonSchemaConverter}, with Confluent's names and defaults: the registry client's
 * ({@link RegistryClientSettings}), the ones every registry-aware serde shares ({@link RegistrySerdeSettings}) and the
 * JSON ones below. Keys Ferry does not know are
 * ignored, so a configuration written for Confluent's JSON Schema serializers works unchanged.
 */
public class JsonSchemaSerdeConfig extends AbstractConfig {
    public static final String AUTO_REGISTER_SCHEMAS = RegistrySerdeSettings.AUTO_REGISTER_SCHEMAS;
    public static final String USE_LATEST_VERSION = RegistrySerdeSettings.USE_LATEST_VERSION;
    public static final String LATEST_COMPATIBILITY_STRICT = RegistrySerdeSettings.LATEST_COMPATIBILITY_STRICT;
    public static final String USE_SCHEMA_ID = RegistrySerdeSettings.USE_SCHEMA_ID;
    public static final String NORMALIZE_SCHEMAS = RegistrySerdeSettings.NORMALIZE_SCHEMAS;
    public static final String KEY_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.KEY_SUBJECT_NAME_STRATEGY;
    public static final String VALUE_SUBJECT_NAME_STRATEGY = RegistrySerdeSettings.VALUE_SUBJECT_NAME_STRATEGY;
    public static final String FAIL_INVALID_SCHEMA = "json.fail.invalid.schema";
    public static final String FAIL_UNKNOWN_PROPERTIES = "json.fail.unknown.properties";
    public static final String JSON_KEY_TYPE = "json.key.type";
    public static final String JSON_VALUE_TYPE = "json.value.type";

    /** The shared keys the JSON serde honours (not id.compatibility.strict: the JSON serializer does not check a fixed id's schema against the data). */
    private static final String[] SHARED = {AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION, LATEST_COMPATIBILITY_STRICT, USE_SCHEMA_ID,
        NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY};
    private static final String GROUP = "JSON Schema serde";

    public JsonSchemaSerdeConfig(Map<?, ?> configs) {
        this(configDef(), configs);
    }

    protected JsonSchemaSerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs, false);
    }

    /** The registry client's settings, the shared serde settings and the JSON ones. */
    public static ConfigDef configDef() {
        int order = SHARED.length;
        return RegistrySerdeSettings.define(RegistryClientSettings.define(new ConfigDef()), GROUP, SHARED)
                .define(FAIL_INVALID_SCHEMA, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Validate every payload against its JSON Schema (serializer: before writing; deserializer: after "
                                + "reading) and fail the record when it does not conform.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Validate payloads")
                .define(FAIL_UNKNOWN_PROPERTIES, Type.BOOLEAN, true, Importance.LOW,
                        "Deserializer with json.key.type/json.value.type: fail when the JSON has a property the Java type "
                                + "does not know.", GROUP, ++order, ConfigDef.Width.SHORT, "Unknown properties")
                .define(JSON_KEY_TYPE, Type.CLASS, null, Importance.MEDIUM,
                        "Deserializer: the Java class keys are read into with Jackson; unset (or java.lang.Object) for a "
                                + JsonNode.class.getName() + ".", GROUP, ++order, ConfigDef.Width.LONG, "Key type")
                .define(JSON_VALUE_TYPE, Type.CLASS, null, Importance.MEDIUM,
                        "Deserializer: the Java class values are read into with Jackson; unset (or java.lang.Object) for a "
                                + JsonNode.class.getName() + ".", GROUP, ++order, ConfigDef.Width.LONG, "Value type");
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

    public boolean normalizeSchemas() {
        return getBoolean(NORMALIZE_SCHEMAS);
    }

    public boolean failInvalidSchema() {
        return getBoolean(FAIL_INVALID_SCHEMA);
    }

    public boolean failUnknownProperties() {
        return getBoolean(FAIL_UNKNOWN_PROPERTIES);
    }

    /** The class keys or values are read into, or {@code null} for {@link JsonNode}. */
    public Class<?> targetType(boolean isKey) {
        Class<?> type = getClass(isKey ? JSON_KEY_TYPE : JSON_VALUE_TYPE);
        return type == null || type == Object.class || JsonNode.class.isAssignableFrom(type) ? null : type;
    }

    /** The configured strategy for keys or values. */
    public SubjectNameStrategy subjectNameStrategy(boolean isKey) {
        return RegistrySerdeSettings.subjectNameStrategy(this, isKey);
    }
}
