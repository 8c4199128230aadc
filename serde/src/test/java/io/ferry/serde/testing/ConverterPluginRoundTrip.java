package io.ferry.serde.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.storage.Converter;

/**
 * What every converter's plugin test checks, whatever the format: loaded by class name from a
 * {@link PluginClassLoader} holding the serde and the given libraries only, configured as a worker configures a
 * value converter (its prefixed settings, prefix stripped), it converts a struct both ways with its fields intact, defines its own and its
 * library's classes itself and takes none of Kafka's from the plugin.
 *
 * @param className    the converter's class, as a worker's {@code value.converter} names it
 * @param libraries    prefixes of the class-path jars the plugin folder holds
 * @param settings     the converter's settings besides {@code schema.registry.url}, without the worker's prefix
 * @param libraryClass a class of the format's library that converting must load from the plugin
 */
public record ConverterPluginRoundTrip(String className, List<String> libraries, Map<String, String> settings,
        String libraryClass) {

    /** Runs the round trip against the registry at {@code registryUrl}; fails the test when a check does not hold. */
    public void check(String registryUrl, ClassLoader worker) throws Exception {
        try (PluginClassLoader plugin = PluginClassLoader.of(libraries, worker)) {
            Converter converter = Utils.newInstance(Class.forName(className, true, plugin).asSubclass(Converter.class));
            assertThat(converter.getClass().getClassLoader()).isSameAs(plugin);

            Map<String, Object> workerConfig = new HashMap<>();
            workerConfig.put("value.converter", className);
            workerConfig.put("value.converter.schema.registry.url", registryUrl);
            settings.forEach((key, value) -> workerConfig.put("value.converter." + key, value));
            converter.configure(Utils.entriesWithPrefix(workerConfig, "value.converter.", true, false), false);

            Schema schema = SchemaBuilder.struct().name("com.acme.Event").version(1).field("id", Schema.INT64_SCHEMA)
                    .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
            Struct event = new Struct(schema).put("id", 1L).put("tags", List.of("a"));
            byte[] bytes = converter.fromConnectData("events", schema, event);
            SchemaAndValue back = converter.toConnectData("events", bytes);

            // Field by field: a format may give the struct back under a schema of its own naming (Protobuf does).
            assertThat(back.value()).isInstanceOf(Struct.class);
            assertThat(((Struct) back.value()).get("id")).isEqualTo(1L);
            assertThat(((Struct) back.value()).get("tags")).isEqualTo(List.of("a"));
            assertThat(plugin.loadedFromPlugin()).contains(className, libraryClass);
            assertThat(plugin.loadedFromPlugin()).noneMatch(name -> name.startsWith("org.apache.kafka."));
            converter.close();
        }
    }
}
