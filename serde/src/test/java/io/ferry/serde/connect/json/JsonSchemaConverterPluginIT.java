package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.PluginClassLoader;
import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;
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

    private static final List<String> PLUGIN_LIBRARIES = List.of("jackson-", "json-schema-validator-", "itu-", "snakeyaml-");

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        try (PluginClassLoader plugin = PluginClassLoader.of(PLUGIN_LIBRARIES, getClass().getClassLoader())) {
            String className = "io.ferry.serde.connect.json.JsonSchemaConverter";
            Converter converter = Utils.newInstance(Class.forName(className, true, plugin).asSubclass(Converter.class));
            assertThat(converter.getClass().getClassLoader()).isSameAs(plugin);

            Map<String, Object> workerConfig = new HashMap<>();
            workerConfig.put("value.converter", className);
            workerConfig.put("value.converter.schema.registry.url", ENV.registryUrl());
            workerConfig.put("value.converter.json.fail.invalid.schema", "true");
            converter.configure(Utils.entriesWithPrefix(workerConfig, "value.converter.", true, false), false);

            Schema schema = SchemaBuilder.struct().name("com.acme.Event").version(1).field("id", Schema.INT64_SCHEMA)
                    .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
            Struct event = new Struct(schema).put("id", 1L).put("tags", List.of("a"));
            byte[] bytes = converter.fromConnectData("events", schema, event);
            SchemaAndValue back = converter.toConnectData("events", bytes);

            assertThat(back.value()).isEqualTo(event);
            assertThat(plugin.loadedFromPlugin()).contains(className, "com.networknt.schema.SchemaRegistry");
            assertThat(plugin.loadedFromPlugin()).noneMatch(name -> name.startsWith("org.apache.kafka."));
            converter.close();
        }
    }
}
