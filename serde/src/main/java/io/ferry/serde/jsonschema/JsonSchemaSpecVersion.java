package io.ferry.serde.jsonschema;

import java.util.Locale;

import org.apache.kafka.common.config.ConfigException;

/**
 * The JSON Schema draft a schema derived from a Java class is written in ({@code json.schema.spec.version}), with
 * the {@code $schema} URI the derived schema declares.
 */
public enum JsonSchemaSpecVersion {
    DRAFT_4("http://json-schema.org/draft-04/schema#"),
    DRAFT_6("http://json-schema.org/draft-06/schema#"),
    DRAFT_7("http://json-schema.org/draft-07/schema#"),
    DRAFT_2019_09("https://json-schema.org/draft/2019-09/schema"),
    DRAFT_2020_12("https://json-schema.org/draft/2020-12/schema");

    private final String uri;

    JsonSchemaSpecVersion(String uri) {
        this.uri = uri;
    }

    /** The {@code $schema} value of this draft. */
    public String uri() {
        return uri;
    }

    /** The key nested class schemas are collected under: {@code $defs} from 2020-12 on, {@code definitions} before. */
    String definitionsKey() {
        return this == DRAFT_2020_12 ? "$defs" : "definitions";
    }

    /**
     * The version of a setting value such as {@code draft_7}, in any case.
     *
     * @throws ConfigException naming the accepted values
     */
    public static JsonSchemaSpecVersion of(String setting) {
        for (JsonSchemaSpecVersion version : values()) {
            if (version.name().equalsIgnoreCase(setting.trim())) {
                return version;
            }
        }
        throw new ConfigException(JsonSchemaSerdeConfig.SCHEMA_SPEC_VERSION, setting,
                "expected one of draft_4, draft_6, draft_7, draft_2019_09, draft_2020_12");
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
