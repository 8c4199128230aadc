package io.ferry.serde.jsonschema;

import java.util.Map;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.serde.client.RegistryClientSettings;
import io.ferry.serde.registry.RegistrySerdeConfig;
import io.ferry.serde.registry.RegistrySerdeSettings;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

/**
 * The settings of {@link KafkaJsonSchemaSerializer}, {@link KafkaJsonSchemaDeserializer} and the Connect
 * {@code JsonSchemaConverter}, with Confluent's names and defaults: the registry client's
 * ({@link RegistryClientSettings}), the ones every registry-aware serde shares ({@link RegistrySerdeSettings}) and the
 * JSON ones below. Keys Ferry does not know are
 * ignored, so a configuration written for Confluent's JSON Schema serializers works unchanged.
 */
public class JsonSchemaSerdeConfig extends RegistrySerdeConfig {
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
    public static final String SCHEMA_SPEC_VERSION = "json.schema.spec.version";
    public static final String ONEOF_FOR_NULLABLES = "json.oneof.for.nullables";
    public static final String WRITE_DATES_AS_ISO8601 = "json.write.dates.iso8601";
    public static final String DEFAULT_PROPERTY_INCLUSION = "json.default.property.inclusion";

    /** The shared keys the JSON serde honours (not id.compatibility.strict: the JSON serializer does not check a fixed id's schema against the data). */
    private static final String[] SHARED = {AUTO_REGISTER_SCHEMAS, USE_LATEST_VERSION, LATEST_COMPATIBILITY_STRICT, USE_SCHEMA_ID,
        NORMALIZE_SCHEMAS, KEY_SUBJECT_NAME_STRATEGY, VALUE_SUBJECT_NAME_STRATEGY};
    private static final String GROUP = "JSON Schema serde";

    public JsonSchemaSerdeConfig(Map<?, ?> configs) {
        this(configDef(), configs);
    }

    protected JsonSchemaSerdeConfig(ConfigDef definition, Map<?, ?> configs) {
        super(definition, configs);
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
                                + "does not know. Serializer: schemas derived from Java classes forbid other properties "
                                + "(additionalProperties false).", GROUP, ++order, ConfigDef.Width.SHORT, "Unknown properties")
                .define(JSON_KEY_TYPE, Type.CLASS, null, Importance.MEDIUM,
                        "Deserializer: the Java class keys are read into with Jackson; unset (or java.lang.Object) for a "
                                + JsonNode.class.getName() + ".", GROUP, ++order, ConfigDef.Width.LONG, "Key type")
                .define(JSON_VALUE_TYPE, Type.CLASS, null, Importance.MEDIUM,
                        "Deserializer: the Java class values are read into with Jackson; unset (or java.lang.Object) for a "
                                + JsonNode.class.getName() + ".", GROUP, ++order, ConfigDef.Width.LONG, "Value type")
                .define(SCHEMA_SPEC_VERSION, Type.STRING, "draft_7",
                        (name, value) -> JsonSchemaSpecVersion.of(String.valueOf(value)), Importance.MEDIUM,
                        "Serializer: the draft of schemas derived from Java classes: draft_4, draft_6, draft_7, "
                                + "draft_2019_09 or draft_2020_12.", GROUP, ++order, ConfigDef.Width.SHORT, "Spec version")
                .define(ONEOF_FOR_NULLABLES, Type.BOOLEAN, true, Importance.MEDIUM,
                        "Serializer: in schemas derived from Java classes, write an optional property as a oneOf of "
                                + "null and its type.", GROUP, ++order, ConfigDef.Width.SHORT, "oneOf for nullables")
                .define(WRITE_DATES_AS_ISO8601, Type.BOOLEAN, false, Importance.MEDIUM,
                        "Serializer: write java.util.Date and Calendar values of Java objects as ISO 8601 strings "
                                + "rather than epoch milliseconds.", GROUP, ++order, ConfigDef.Width.SHORT, "ISO 8601 dates")
                .define(DEFAULT_PROPERTY_INCLUSION, Type.STRING, null,
                        (name, value) -> inclusion((String) value), Importance.MEDIUM,
                        "Serializer: which properties of Java objects are written, a Jackson JsonInclude.Include "
                                + "name such as NON_NULL; unset writes all.", GROUP, ++order, ConfigDef.Width.SHORT,
                        "Property inclusion");
    }

    private static JsonInclude.Include inclusion(String setting) {
        if (setting == null) {
            return null;
        }
        try {
            return JsonInclude.Include.valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(DEFAULT_PROPERTY_INCLUSION, setting, "expected a JsonInclude.Include name such as "
                    + "ALWAYS, NON_NULL, NON_ABSENT, NON_EMPTY or NON_DEFAULT");
        }
    }

    /** How the serializer derives schemas from Java classes and writes their instances. */
    public PojoSchemaOptions pojoSchemaOptions() {
        return new PojoSchemaOptions(JsonSchemaSpecVersion.of(getString(SCHEMA_SPEC_VERSION)), getBoolean(ONEOF_FOR_NULLABLES),
                failUnknownProperties(), getBoolean(WRITE_DATES_AS_ISO8601), inclusion(getString(DEFAULT_PROPERTY_INCLUSION)));
    }

    public boolean latestCompatibilityStrict() {
        return getBoolean(LATEST_COMPATIBILITY_STRICT);
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
}
