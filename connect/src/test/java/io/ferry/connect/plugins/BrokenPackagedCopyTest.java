package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.validation.ConnectorConfigValidator;
import io.ferry.connect.worker.pipeline.TaskConverters;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connector's folder packages a copy of a converter that cannot be loaded (a library it extends is missing): the
 * connector's task fails saying so, as Apache Kafka Connect's does, instead of silently running another copy.
 */
class BrokenPackagedCopyTest {
    private static final String CONNECTOR = "com.example.delta.DeltaSourceConnector";
    private static final String TASK = "com.example.delta.DeltaSourceTask";
    private static final String CONVERTER = "com.example.conv.HalfConverter";

    @TempDir
    static Path root;

    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        Path base = TestPluginBuilder.plugin()
                .source("com.example.base.BaseConverter", """
                        package com.example.base;
                        public abstract class BaseConverter implements org.apache.kafka.connect.storage.Converter { }
                        """)
                .writeJar(root.resolve("lib/base.jar"));
        Path pluginPath = root.resolve("plugins");
        TestPluginBuilder.plugin()
                .source(CONNECTOR, TestPluginSources.sourceConnector(CONNECTOR, "1.0", TASK, "new ConfigDef()"))
                .source(TASK, TestPluginSources.sourceTask(TASK, "1.0", 1, "delta"))
                .source(CONVERTER, converter("extends com.example.base.BaseConverter"))
                .compileAgainst(base)
                .service(SourceConnector.class, CONNECTOR)
                .writeJar(pluginPath.resolve("delta/delta-connector.jar"));
        TestPluginBuilder.plugin()
                .source(CONVERTER, converter("implements org.apache.kafka.connect.storage.Converter"))
                .service(Converter.class, CONVERTER)
                .writeJar(pluginPath.resolve("conv/conv.jar"));
        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    private static WorkerConfig worker() {
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            return new WorkerConfig(Map.of("bootstrap.servers", "localhost:9092",
                    "key.converter", StringConverter.class.getName(), "value.converter", StringConverter.class.getName()));
        }
    }

    @Test
    void shouldFailTheConverterWhoseCopyPackagedWithTheConnectorCannotBeLoaded() {
        Class<?> connector = plugins.connectorClass(CONNECTOR);
        WorkerConfig worker = worker();

        assertThatThrownBy(() -> TaskConverters.of(worker, Map.of("name", "d", "value.converter", CONVERTER), plugins, connector))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("value.converter")
                .hasMessageContaining("packaged in plugin location")
                .hasMessageContaining("delta")
                .hasRootCauseInstanceOf(ClassNotFoundException.class);
        // Validation's default version does not fail for it: the version of the copy elsewhere is shown.
        assertThat(plugins.unpinnedVersionFor(connector, CONVERTER, PluginType.CONVERTER)).isNotNull();
        // A version asked for looks elsewhere, where a copy loads.
        try (TaskConverters converters = TaskConverters.of(worker,
                Map.of("name", "d", "value.converter", CONVERTER, "value.converter.plugin.version", "latest"), plugins, connector)) {
            assertThat(PackagedCopies.locationOf(converters.value().getClass())).isEqualTo("conv");
        }
    }

    @Test
    void shouldRefuseToValidateAConfigNamingAPackagedCopyThatCannotBeLoadedWithAReadableReason() {
        Map<String, String> config = Map.of("name", "d", "connector.class", CONNECTOR, "value.converter", CONVERTER);

        try (ConnectorConfigValidator validator = new ConnectorConfigValidator(plugins, worker())) {
            assertThatThrownBy(() -> validator.validate(config))
                    .isInstanceOf(BadRequestException.class)
                    .hasMessageContaining(CONVERTER)
                    .hasMessageContaining("com/example/base/BaseConverter");
        }
    }

    private static String converter(String parent) {
        return """
                package com.example.conv;
                import java.util.Map;
                import org.apache.kafka.connect.data.Schema;
                import org.apache.kafka.connect.data.SchemaAndValue;
                public class HalfConverter %s {
                    public void configure(Map<String, ?> configs, boolean isKey) { }
                    public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }
                    public SchemaAndValue toConnectData(String topic, byte[] value) { return SchemaAndValue.NULL; }
                }
                """.formatted(parent);
    }
}
