package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.ferry.connect.plugins.PluginLocationReport.Layout;
import io.ferry.connect.plugins.PluginLocationReport.Plugin;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One location seen both ways: a class of two kinds listed under one, a manifest entry under a kind its class is
 * not, and a config provider without a manifest (found by manifests only, so not at all), as a jar and as a
 * directory of classes.
 */
class PluginLocationReportTest {
    private static final String TWO_WAY = "com.example.report.TwoWayConverter";
    private static final String PROVIDER = "com.example.report.SilentConfigProvider";

    @TempDir
    Path temp;

    @Test
    void shouldReportEachKindOfAClassAndEveryManifestEntry() throws IOException {
        Path jar = builder().writeJar(temp.resolve("report.jar"));
        PluginLocationReport report = PluginLocationReport.of(jar);

        assertThat(report.location()).isEqualTo(jar.toAbsolutePath());
        assertThat(report.layout()).isEqualTo(Layout.JAR);
        assertThat(report.plugins()).containsExactly(
                new Plugin(TWO_WAY, PluginType.CONVERTER, "2.0", List.of("TwoWayConverter", "TwoWay"), true, true),
                new Plugin(TWO_WAY, PluginType.HEADER_CONVERTER, "2.0", List.of("TwoWayConverter"), true, false),
                new Plugin(TWO_WAY, PluginType.TRANSFORMATION, "undefined", List.of(), false, true));
        assertThat(report.plugins()).extracting(Plugin::compatible).containsExactly(true, false, false);
        assertThat(report.manifests()).containsOnlyKeys(jar.toAbsolutePath());
        assertThat(report.manifests().get(jar.toAbsolutePath()).get(PluginType.TRANSFORMATION)).containsExactly(TWO_WAY);
        assertThat(report.manifests().get(jar.toAbsolutePath()).get(PluginType.SOURCE)).isEmpty();
    }

    @Test
    void shouldReadTheManifestsOfADirectoryOfClasses() throws IOException {
        Path classes = builder().writeClasses(temp.resolve("classes"));
        PluginLocationReport report = PluginLocationReport.of(classes);

        assertThat(report.layout()).isEqualTo(Layout.CLASSES);
        assertThat(report.plugins()).extracting(Plugin::type, Plugin::loadable, Plugin::hasManifest).containsExactly(
                tuple(PluginType.CONVERTER, true, true),
                tuple(PluginType.HEADER_CONVERTER, true, false),
                tuple(PluginType.TRANSFORMATION, false, true));
        assertThat(report.manifests()).containsOnlyKeys(classes.toAbsolutePath());
    }

    @Test
    void shouldReportAnEmptyDirectoryAsHoldingNothing() throws IOException {
        Path empty = Files.createDirectories(temp.resolve("empty"));
        PluginLocationReport report = PluginLocationReport.of(empty);

        assertThat(report.layout()).isEqualTo(Layout.JARS);
        assertThat(report.plugins()).isEmpty();
        assertThat(report.manifests()).isEmpty();
    }

    private static TestPluginBuilder builder() {
        return plugin().source(TWO_WAY, """
                        package com.example.report;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.components.Versioned;
                        import org.apache.kafka.connect.data.Schema;
                        import org.apache.kafka.connect.data.SchemaAndValue;
                        import org.apache.kafka.connect.header.Header;
                        import org.apache.kafka.connect.storage.Converter;
                        import org.apache.kafka.connect.storage.HeaderConverter;
                        public class TwoWayConverter implements Converter, HeaderConverter, Versioned {
                            public String version() { return "2.0"; }
                            public void configure(Map<String, ?> configs, boolean isKey) { }
                            public void configure(Map<String, ?> configs) { }
                            public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }
                            public SchemaAndValue toConnectData(String topic, byte[] value) { return null; }
                            public SchemaAndValue toConnectHeader(String topic, String headerKey, byte[] value) { return null; }
                            public byte[] fromConnectHeader(String topic, String headerKey, Schema schema, Object value) { return null; }
                            public ConfigDef config() { return new ConfigDef(); }
                            public void close() { }
                        }
                        """)
                .source(PROVIDER, """
                        package com.example.report;
                        import java.util.Map;
                        import java.util.Set;
                        import org.apache.kafka.common.config.ConfigData;
                        import org.apache.kafka.common.config.provider.ConfigProvider;
                        public class SilentConfigProvider implements ConfigProvider {
                            public ConfigData get(String path) { return new ConfigData(Map.of()); }
                            public ConfigData get(String path, Set<String> keys) { return new ConfigData(Map.of()); }
                            public void configure(Map<String, ?> configs) { }
                            public void close() { }
                        }
                        """)
                .service(Converter.class, TWO_WAY)
                .service(Transformation.class, TWO_WAY);
    }
}
