package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.transforms.Cast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plugins of the worker's own classpath, found through their manifests without any plugin.path. */
class ClasspathPluginsTest {

    static Plugins plugins;

    @BeforeAll
    static void discover() {
        plugins = Plugins.onClasspath();
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void shouldFindTheBundledApachePluginsWithTheirVersions() {
        assertThat(plugins.plugins(PluginType.CONVERTER)).contains(
                new PluginDesc(JsonConverter.class.getName(), PluginType.CONVERTER, "4.3.1", PluginDesc.CLASSPATH));
        assertThat(plugins.plugins(PluginType.HEADER_CONVERTER)).contains(
                new PluginDesc(JsonConverter.class.getName(), PluginType.HEADER_CONVERTER, "4.3.1", PluginDesc.CLASSPATH));
        assertThat(plugins.plugins(PluginType.TRANSFORMATION)).contains(
                new PluginDesc(Cast.Key.class.getName(), PluginType.TRANSFORMATION, "4.3.1", PluginDesc.CLASSPATH));
        assertThat(plugins.plugins(PluginType.SOURCE)).contains(
                new PluginDesc(FileStreamSourceConnector.class.getName(), PluginType.SOURCE, "4.3.1", PluginDesc.CLASSPATH));
        assertThat(plugins.plugins(PluginType.CONFIG_PROVIDER)).extracting(PluginDesc::className)
                .contains("org.apache.kafka.common.config.provider.FileConfigProvider",
                        "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    }

    @Test
    void shouldLoadClasspathPluginsFromTheFrameworkAndRunThemWithTheRoutingLoader() {
        Class<?> connector = plugins.pluginClass("FileStreamSource", PluginType.SOURCE);

        assertThat(connector).isSameAs(FileStreamSourceConnector.class);
        assertThat(plugins.loaderOf(connector)).isSameAs(plugins.classLoader());
        assertThat(plugins.classLoader().getParent()).isSameAs(Plugins.class.getClassLoader());
    }

    @Test
    void shouldReportNoPluginWithoutAManifestWhenOnlyReadingManifests() {
        assertThat(plugins.plugins(PluginType.SOURCE)).allMatch(desc -> !desc.isolated());
        assertThat(plugins.plugins(PluginType.CONNECTOR_CLIENT_CONFIG_OVERRIDE_POLICY)).isEmpty();
    }
}
