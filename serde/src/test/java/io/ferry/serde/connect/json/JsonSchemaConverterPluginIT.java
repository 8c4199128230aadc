package io.ferry.serde.connect.json;

import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.ConverterPluginRoundTrip;
import io.ferry.serde.testing.SerdeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The JSON Schema converter loads as a plain Connect plugin from a folder holding the serde and exactly the
 * libraries docs/serde-json-schema.md lists (Jackson, the validator and what it needs), takes connect-api,
 * kafka-clients and SLF4J from the worker, and converts both ways with validation on.
 */
class JsonSchemaConverterPluginIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        new ConverterPluginRoundTrip("io.ferry.serde.connect.json.JsonSchemaConverter",
                List.of("jackson-", "json-schema-validator-", "itu-", "snakeyaml-"),
                Map.of("json.fail.invalid.schema", "true"), "com.networknt.schema.SchemaRegistry")
                .check(ENV.registryUrl(), getClass().getClassLoader());
    }
}
