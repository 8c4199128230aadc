package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * The converter loads as a plain Connect plugin: from a plugin class loader that holds only Ferry's serde
 * classes and their runtime libraries (Avro, Jackson, Commons) and takes connect-api, kafka-clients and SLF4J
 * from the worker, as Apache Kafka Connect's plugin isolation does; instantiated by class name, configured
 * with the converter's settings as a worker passes them (prefix stripped), and used through the
 * {@link Converter} interface.
 */
class AvroConverterPluginIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    private static final List<String> PLUGIN_LIBRARIES = List.of("avro-", "jackson-", "commons-");

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        try (PluginLoader plugin = new PluginLoader(pluginPath(), getClass().getClassLoader())) {
            Converter converter = Utils.newInstance(Class.forName("io.ferry.serde.connect.AvroConverter", true, plugin)
                    .asSubclass(Converter.class));
            assertThat(converter.getClass().getClassLoader()).isSameAs(plugin);

            Map<String, Object> workerConfig = new HashMap<>();
            workerConfig.put("value.converter", "io.ferry.serde.connect.AvroConverter");
            workerConfig.put("value.converter.schema.registry.url", ENV.registryUrl());
            workerConfig.put("value.converter.enhanced.avro.schema.support", "false");
            workerConfig.put("value.converter.value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy");
            converter.configure(Utils.entriesWithPrefix(workerConfig, "value.converter.", true, false), false);

            Schema schema = SchemaBuilder.struct().name("com.acme.Event").version(1).field("id", Schema.INT64_SCHEMA)
                    .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
            Struct event = new Struct(schema).put("id", 1L).put("tags", List.of("a"));
            byte[] bytes = converter.fromConnectData("events", schema, event);
            SchemaAndValue back = converter.toConnectData("events", bytes);

            assertThat(back.value()).isEqualTo(event);
            assertThat(plugin.loadedFromPlugin).contains("io.ferry.serde.connect.AvroConverter", "org.apache.avro.Schema");
            assertThat(plugin.loadedFromPlugin).noneMatch(name -> name.startsWith("org.apache.kafka."));
            converter.close();
        }
    }

    private static List<URL> pluginPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        urls.add(new File("target/classes").toURI().toURL());
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String name = new File(entry).getName();
            if (PLUGIN_LIBRARIES.stream().anyMatch(name::startsWith) && name.endsWith(".jar")) {
                urls.add(new File(entry).toURI().toURL());
            }
        }
        return urls;
    }

    /**
     * Child-first for everything but the worker's API (Java, Kafka, SLF4J), with no fallback to the test's
     * class path: a class the plugin needs and does not bring fails to load.
     */
    private static final class PluginLoader extends URLClassLoader {
        private final ClassLoader worker;
        final List<String> loadedFromPlugin = new ArrayList<>();

        PluginLoader(List<URL> urls, ClassLoader worker) {
            super(urls.toArray(URL[]::new), null);
            this.worker = worker;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("org.apache.kafka.")
                        || name.startsWith("org.slf4j.")) {
                    return worker.loadClass(name);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    loaded = findClass(name);
                    loadedFromPlugin.add(name);
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
