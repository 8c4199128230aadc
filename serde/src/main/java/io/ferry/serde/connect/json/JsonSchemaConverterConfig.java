package io.ferry.serde.connect.json;

import java.util.Map;

import io.ferry.serde.jsonschema.JsonSchemaSerdeConfig;
import org.apache.kafka.common.config.ConfigDef;

/**
 * The settings of {@link JsonSchemaConverter}: the registry client's, the JSON Schema serde's
 * ({@link JsonSchemaSerdeConfig}) and the Connect–JSON Schema mapping's ({@link JsonSchemaDataConfig}), all with
 * Confluent's names, so a connector's {@code value.converter.*} settings written for Confluent's converter work
 * unchanged.
 */
public final class JsonSchemaConverterConfig extends JsonSchemaSerdeConfig {

    public JsonSchemaConverterConfig(Map<?, ?> configs) {
        super(configDef(), configs);
    }

    public static ConfigDef configDef() {
        ConfigDef def = JsonSchemaSerdeConfig.configDef();
        JsonSchemaDataConfig.configDef().configKeys().values().forEach(def::define);
        return def;
    }

    public JsonSchemaDataOptions dataOptions() {
        return new JsonSchemaDataConfig(originals()).options();
    }
}
