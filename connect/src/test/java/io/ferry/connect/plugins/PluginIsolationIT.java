package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Child-first isolation on a {@code plugin.path} built at test time:
 * <ul>
 *   <li>{@code jackson-plugin/}: a converter and its own jackson-core 2.17.2 jar beside it;</li>
 *   <li>{@code uber-plugin.jar}: a source connector with jackson-core 2.17.2 unpacked into the same jar;</li>
 *   <li>{@code bundling-plugin/}: a sink connector shipped with its own copies of framework classes (a fake
 *       {@code SinkConnector}, an SLF4J class the framework lacks, an Apache SMT) and of a resource.</li>
 * </ul>
 * The framework itself runs jackson-core 2.21.
 */
class PluginIsolationIT {

    private static final String JACKSON_CONVERTER = "com.example.jackson.JacksonVersionConverter";
    private static final String UBER_CONNECTOR = "com.example.uber.UberSourceConnector";
    private static final String BUNDLING_CONNECTOR = "com.example.bundling.BundlingSinkConnector";

    @TempDir
    static Path root;

    static Path pluginPath;
    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        pluginPath = root.resolve("plugins");
        Path jackson = TestArtifacts.olderJacksonCore();

        plugin().compileAgainst(jackson)
                .source(JACKSON_CONVERTER, """
                        package com.example.jackson;
                        import java.util.Map;
                        import org.apache.kafka.connect.components.Versioned;
                        import org.apache.kafka.connect.data.Schema;
                        import org.apache.kafka.connect.data.SchemaAndValue;
                        import org.apache.kafka.connect.storage.Converter;
                        /** Reports the Jackson it sees, as version and as converted data. */
                        public class JacksonVersionConverter implements Converter, Versioned {
                            public void configure(Map<String, ?> configs, boolean isKey) { }
                            public byte[] fromConnectData(String topic, Schema schema, Object value) { return new byte[0]; }
                            public SchemaAndValue toConnectData(String topic, byte[] value) {
                                return new SchemaAndValue(Schema.STRING_SCHEMA, version());
                            }
                            public String version() {
                                return com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
                            }
                        }
                        """)
                .service(Converter.class, JACKSON_CONVERTER)
                .writeJar(pluginPath.resolve("jackson-plugin/jackson-plugin.jar"));
        TestPluginBuilder.copyInto(jackson, pluginPath.resolve("jackson-plugin/lib"));

        plugin().bundle(jackson)
                .source(UBER_CONNECTOR, """
                        package com.example.uber;
                        import java.util.List;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.Task;
                        import org.apache.kafka.connect.source.SourceConnector;
                        /** Reports the Jackson bundled in its uber-jar, and the context loader it was made with. */
                        public class UberSourceConnector extends SourceConnector {
                            public final ClassLoader constructedWith = Thread.currentThread().getContextClassLoader();
                            public String version() {
                                return com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString();
                            }
                            public void start(Map<String, String> props) { }
                            public Class<? extends Task> taskClass() { return null; }
                            public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }
                            public void stop() { }
                            public ConfigDef config() { return new ConfigDef(); }
                        }
                        """)
                .service(SourceConnector.class, UBER_CONNECTOR)
                .writeJar(pluginPath.resolve("uber-plugin.jar"));

        plugin().source(BUNDLING_CONNECTOR, """
                        package com.example.bundling;
                        import java.util.List;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.Task;
                        import org.apache.kafka.connect.sink.SinkConnector;
                        public class BundlingSinkConnector extends SinkConnector {
                            public String version() { return "1.0"; }
                            public void start(Map<String, String> props) { }
                            public Class<? extends Task> taskClass() { return null; }
                            public List<Map<String, String>> taskConfigs(int maxTasks) { return List.of(); }
                            public void stop() { }
                            public ConfigDef config() { return new ConfigDef(); }
                        }
                        """)
                .source("org.apache.kafka.connect.sink.SinkConnector", """
                        package org.apache.kafka.connect.sink;
                        /** A stray copy of a framework class: must never be loaded. */
                        public abstract class SinkConnector extends org.apache.kafka.connect.connector.Connector { }
                        """)
                .source("org.slf4j.PluginOnlyMarker", """
                        package org.slf4j;
                        /** In a shared package, but absent from the framework: loads from the plugin. */
                        public class PluginOnlyMarker { }
                        """)
                .source("org.apache.kafka.connect.transforms.Filter", """
                        package org.apache.kafka.connect.transforms;
                        /** The plugin's own copy of an Apache SMT: isolated, so the plugin's copy wins. */
                        public class Filter { public static final String ORIGIN = "plugin"; }
                        """)
                .service(SinkConnector.class, BUNDLING_CONNECTOR)
                .resource("ferry-probe.txt", "plugin")
                .writeJar(pluginPath.resolve("bundling-plugin/bundling-plugin.jar"));

        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void shouldGiveAPluginItsOwnCopyOfALibraryWhileTheFrameworkKeepsItsOwn() {
        Converter converter = plugins.newPlugin("JacksonVersion", PluginType.CONVERTER, Converter.class);
        SchemaAndValue seen = converter.toConnectData("topic", new byte[0]);

        assertThat(seen.value()).isEqualTo(TestArtifacts.PLUGIN_JACKSON_VERSION);
        assertThat(com.fasterxml.jackson.core.json.PackageVersion.VERSION.toString())
                .isNotEqualTo(TestArtifacts.PLUGIN_JACKSON_VERSION).startsWith("2.21");
        assertThat(plugins.plugins(PluginType.CONVERTER)).contains(new PluginDesc(JACKSON_CONVERTER,
                PluginType.CONVERTER, TestArtifacts.PLUGIN_JACKSON_VERSION, pluginPath.resolve("jackson-plugin").toString()));
    }

    @Test
    void shouldRunAnUberJarWithTheLibrariesInsideIt() {
        assertThat(plugins.plugins(PluginType.SOURCE)).contains(new PluginDesc(UBER_CONNECTOR, PluginType.SOURCE,
                TestArtifacts.PLUGIN_JACKSON_VERSION, pluginPath.resolve("uber-plugin.jar").toString()));
        SourceConnector connector = plugins.newPlugin("UberSource", PluginType.SOURCE, SourceConnector.class);

        assertThat(connector.version()).isEqualTo(TestArtifacts.PLUGIN_JACKSON_VERSION);
    }

    @Test
    void shouldGiveEachLocationItsOwnLoaderWhoseParentSeesTheFramework() {
        ClassLoader jackson = plugins.pluginClass(JACKSON_CONVERTER, PluginType.CONVERTER).getClassLoader();
        ClassLoader uber = plugins.pluginClass(UBER_CONNECTOR, PluginType.SOURCE).getClassLoader();

        assertThat(jackson).isInstanceOf(PluginClassLoader.class).isNotSameAs(uber);
        assertThat(jackson.getParent()).isSameAs(plugins.classLoader()).isSameAs(uber.getParent());
        assertThat(plugins.classLoader().getParent()).isSameAs(Plugins.class.getClassLoader());
    }

    @Test
    void shouldMakeAPluginWithItsOwnLoaderAsTheContextLoader() throws Exception {
        Class<?> uberClass = plugins.pluginClass(UBER_CONNECTOR, PluginType.SOURCE);
        ClassLoader before = Thread.currentThread().getContextClassLoader();

        Object connector = plugins.newInstance(uberClass);

        assertThat(uberClass.getField("constructedWith").get(connector)).isSameAs(uberClass.getClassLoader());
        assertThat(Thread.currentThread().getContextClassLoader()).isSameAs(before);
    }

    @Test
    void shouldAlwaysTakeSharedClassesFromTheFrameworkEvenWhenAPluginBundlesThem() throws Exception {
        ClassLoader loader = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        assertThat(loader.loadClass("org.apache.kafka.connect.sink.SinkConnector")).isSameAs(SinkConnector.class);
        assertThat(loader.loadClass("org.apache.kafka.connect.transforms.Transformation")).isSameAs(Transformation.class);
        assertThat(loader.loadClass("org.slf4j.Logger")).isSameAs(org.slf4j.Logger.class);
        assertThat(loader.loadClass("java.lang.String")).isSameAs(String.class);
    }

    @Test
    void shouldLoadASharedClassTheFrameworkLacksFromThePlugin() throws Exception {
        ClassLoader loader = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        assertThat(loader.loadClass("org.slf4j.PluginOnlyMarker").getClassLoader()).isSameAs(loader);
    }

    @Test
    void shouldLoadAnApacheSmtThatAPluginBundlesFromThePlugin() throws Exception {
        ClassLoader loader = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        Class<?> filter = loader.loadClass("org.apache.kafka.connect.transforms.Filter");

        assertThat(filter).isNotSameAs(org.apache.kafka.connect.transforms.Filter.class);
        assertThat(filter.getField("ORIGIN").get(null)).isEqualTo("plugin");
    }

    @Test
    void shouldFindResourcesInThePluginFirstAndThenInTheFramework() throws IOException {
        ClassLoader loader = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        assertThat(read(loader.getResource("ferry-probe.txt"))).isEqualTo("plugin");
        try (InputStream in = loader.getResourceAsStream("ferry-probe.txt")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("plugin");
        }
        List<URL> all = Collections.list(loader.getResources("ferry-probe.txt"));
        assertThat(all).hasSize(2);
        assertThat(read(all.get(0))).isEqualTo("plugin");
        assertThat(read(all.get(1))).isEqualTo("framework");
    }

    @Test
    void shouldFindTheClassFileOfASharedClassInTheFrameworkFirst() throws IOException {
        ClassLoader loader = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();
        String resource = "org/apache/kafka/connect/sink/SinkConnector.class";

        assertThat(loader.getResource(resource)).isEqualTo(Plugins.class.getClassLoader().getResource(resource));
        List<URL> all = Collections.list(loader.getResources(resource));
        assertThat(all).hasSize(2);
        assertThat(all.get(0)).isEqualTo(Plugins.class.getClassLoader().getResource(resource));
        assertThat(all.get(1).toString()).contains("bundling-plugin.jar");
    }

    @Test
    void shouldLetOnePluginLoadAnotherPluginsClassByName() throws Exception {
        ClassLoader bundling = plugins.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        Class<?> converter = Class.forName(JACKSON_CONVERTER, false, bundling);

        assertThat(converter).isSameAs(plugins.pluginClass(JACKSON_CONVERTER, PluginType.CONVERTER));
        assertThat(plugins.classLoader().loadClass("JacksonVersionConverter")).isSameAs(converter);
    }

    @Test
    void shouldReportAPluginsVersionFromItsOwnLibraries() {
        assertThat(Plugins.versionOf(plugins.newPlugin("UberSource", PluginType.SOURCE, Object.class)))
                .isEqualTo(TestArtifacts.PLUGIN_JACKSON_VERSION);
        assertThat(Plugins.versionOf(Map.of())).isEqualTo(PluginDesc.UNDEFINED_VERSION);
    }

    @Test
    void shouldCloseThePluginLoaders() throws IOException {
        Plugins closing = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
        ClassLoader loader = closing.pluginClass(BUNDLING_CONNECTOR, PluginType.SINK).getClassLoader();

        closing.close();
        closing.close();

        assertThat(loader.getResource("ferry-probe.txt")).isNotEqualTo(null).satisfies(url ->
                assertThat(url.toString()).doesNotContain("bundling-plugin.jar"));
        assertThatThrownBy(() -> loader.loadClass("org.slf4j.PluginOnlyMarker"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    private static String read(URL url) throws IOException {
        var connection = url.openConnection();
        connection.setUseCaches(false);
        try (InputStream in = connection.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }
}
