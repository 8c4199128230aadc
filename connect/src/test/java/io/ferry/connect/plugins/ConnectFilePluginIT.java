package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.sink.SinkConnector;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Apache's connect-file 4.3.1 jar, copied into a {@code plugin.path} at test time, found, named by its
 * aliases and run unchanged from its own class loader. The same jar is also on the test classpath (a test
 * dependency), so these tests also show the {@code plugin.path} copy winning over the classpath's.
 */
class ConnectFilePluginIT {

    private static final String SOURCE_CLASS = "org.apache.kafka.connect.file.FileStreamSourceConnector";
    private static final String SINK_CLASS = "org.apache.kafka.connect.file.FileStreamSinkConnector";

    @TempDir
    static Path root;

    static Path location;
    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        Path pluginPath = root.resolve("plugins");
        location = pluginPath.resolve("connect-file");
        TestPluginBuilder.copyInto(TestArtifacts.connectFileJar(), location);
        plugins = Plugins.discover(List.of(pluginPath));
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void shouldFindTheFileStreamConnectorsInTheirPluginLocationWithTheirVersion() {
        assertThat(plugins.plugins(PluginType.SOURCE)).contains(
                new PluginDesc(SOURCE_CLASS, PluginType.SOURCE, TestArtifacts.CONNECT_FILE_VERSION, location.toString()),
                new PluginDesc(SOURCE_CLASS, PluginType.SOURCE, TestArtifacts.CONNECT_FILE_VERSION, PluginDesc.CLASSPATH));
        assertThat(plugins.plugins(PluginType.SINK)).contains(
                new PluginDesc(SINK_CLASS, PluginType.SINK, TestArtifacts.CONNECT_FILE_VERSION, location.toString()));
    }

    @Test
    void shouldLoadThePluginPathCopyFromItsOwnLoaderRatherThanTheClasspathCopy() {
        Class<?> connector = plugins.pluginClass(SOURCE_CLASS, PluginType.SOURCE);

        assertThat(connector).isNotSameAs(FileStreamSourceConnector.class);
        assertThat(connector.getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(((PluginClassLoader) connector.getClassLoader()).location()).isEqualTo(location);
        assertThat(plugins.loaderOf(connector)).isSameAs(connector.getClassLoader());
        // The interface it implements is the framework's: the worker can call it without reflection.
        assertThat(SourceConnector.class.isAssignableFrom(connector)).isTrue();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "FileStreamSource,          SOURCE, " + SOURCE_CLASS,
        "FileStreamSourceConnector, SOURCE, " + SOURCE_CLASS,
        SOURCE_CLASS + ",           SOURCE, " + SOURCE_CLASS,
        "FileStreamSink,            SINK,   " + SINK_CLASS,
        "FileStreamSinkConnector,   SINK,   " + SINK_CLASS})
    void shouldResolveTheClassNameAndBothAliases(String name, PluginType type, String className) {
        Class<?> resolved = plugins.pluginClass(name, type);

        assertThat(resolved.getName()).isEqualTo(className);
        assertThat(resolved.getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(plugins.connectorClass(name)).isSameAs(resolved);
    }

    @Test
    void shouldRefuseASinkNamedAsASource() {
        assertThatThrownBy(() -> plugins.pluginClass("FileStreamSink", PluginType.SOURCE))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("Failed to find any class that implements Connector and which name matches "
                        + "FileStreamSink, available connectors are: ");
    }

    @Test
    void shouldExplainAnUnknownConnectorInApacheConnectsWords() {
        assertThatThrownBy(() -> plugins.newPlugin("NoSuchConnector", PluginType.SOURCE, SourceConnector.class))
                .isInstanceOf(PluginNotFoundException.class)
                .hasMessageStartingWith("Failed to find any class that implements Connector and which name matches "
                        + "NoSuchConnector, available connectors are: PluginDesc{klass=class ")
                .hasMessageContaining("PluginDesc{klass=class " + SINK_CLASS)
                .hasMessageContaining("PluginDesc{klass=class " + SOURCE_CLASS + ", name='" + SOURCE_CLASS
                        + "', version='4.3.1', encodedVersion=4.3.1, type=source, typeName='source', location='"
                        + location + "'}");
    }

    @Test
    @SuppressWarnings("try") // the loader swap is used only for its close()
    void shouldReportTheVersionAndConfigOfTheSourceConnectorUnchanged() {
        SourceConnector connector = plugins.newPlugin("FileStreamSource", PluginType.SOURCE, SourceConnector.class);

        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connector.getClass()))) {
            assertThat(connector.version()).isEqualTo(TestArtifacts.CONNECT_FILE_VERSION);
            assertThat(connector.config().names()).contains("file", "topic", "batch.size");
            List<ConfigValue> validation = connector.validate(Map.of("topic", "lines")).configValues();
            assertThat(validation).allSatisfy(value -> assertThat(value.errorMessages()).isEmpty());
        }
    }

    @Test
    @SuppressWarnings("try") // the loader swap is used only for its close()
    void shouldRunTheSourceConnectorAndItsTaskUnchanged() throws Exception {
        Path input = Files.writeString(root.resolve("input.txt"), "hello\nplugin path\n");
        SourceConnector connector = plugins.newPlugin("FileStreamSource", PluginType.SOURCE, SourceConnector.class);
        List<SourceRecord> records = new ArrayList<>();

        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connector.getClass()))) {
            connector.start(Map.of("file", input.toString(), "topic", "lines"));
            List<Map<String, String>> taskConfigs = connector.taskConfigs(3);
            assertThat(taskConfigs).hasSize(1);
            assertThat(connector.taskClass().getClassLoader()).isSameAs(connector.getClass().getClassLoader());

            SourceTask task = (SourceTask) plugins.newInstance(connector.taskClass());
            task.initialize(new NoOffsetsContext(taskConfigs.get(0)));
            task.start(taskConfigs.get(0));
            Awaitility.await().atMost(10, TimeUnit.SECONDS).until(() -> {
                List<SourceRecord> polled = task.poll();
                if (polled != null) {
                    records.addAll(polled);
                }
                return records.size() >= 2;
            });
            task.stop();
            connector.stop();
        }

        assertThat(records).extracting(SourceRecord::value).containsExactly("hello", "plugin path");
        assertThat(records).extracting(SourceRecord::topic).containsOnly("lines");
    }

    @Test
    @SuppressWarnings("try") // the loader swap is used only for its close()
    void shouldRunTheSinkConnectorAndItsTaskUnchanged() throws Exception {
        Path output = root.resolve("output.txt");
        SinkConnector connector = plugins.newPlugin("FileStreamSink", PluginType.SINK, SinkConnector.class);

        try (LoaderSwap swap = LoaderSwap.to(plugins.loaderOf(connector.getClass()))) {
            connector.start(Map.of("file", output.toString(), "topics", "lines"));
            Map<String, String> taskConfig = connector.taskConfigs(1).get(0);
            SinkTask task = (SinkTask) plugins.newInstance(connector.taskClass());
            task.initialize(new QuietSinkContext(taskConfig));
            task.start(taskConfig);
            task.put(List.of(new SinkRecord("lines", 0, null, null, Schema.STRING_SCHEMA, "written", 0),
                    new SinkRecord("lines", 0, null, null, Schema.STRING_SCHEMA, "by the plugin", 1)));
            task.flush(Map.of());
            task.stop();
            connector.stop();
        }

        assertThat(Files.readAllLines(output)).containsExactly("written", "by the plugin");
    }

    /** A source task context for a task that has never committed an offset. */
    private record NoOffsetsContext(Map<String, String> configs) implements SourceTaskContext {
        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    return null;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    return Map.of();
                }
            };
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }

    /** A sink task context that records nothing. */
    private record QuietSinkContext(Map<String, String> configs) implements SinkTaskContext {
        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
        }

        @Override
        public void offset(TopicPartition partition, long offset) {
        }

        @Override
        public void timeout(long timeoutMs) {
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(new TopicPartition("lines", 0));
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
