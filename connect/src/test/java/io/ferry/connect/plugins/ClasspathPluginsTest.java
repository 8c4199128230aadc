package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.converters.BooleanConverter;
import io.ferry.connect.converters.ByteArrayConverter;
import io.ferry.connect.converters.DoubleConverter;
import io.ferry.connect.converters.FloatConverter;
import io.ferry.connect.converters.IntegerConverter;
import io.ferry.connect.converters.LongConverter;
import io.ferry.connect.converters.ShortConverter;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.file.FileStreamSourceConnector;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Cast;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The plugins of the worker's own classpath, found through their manifests without any plugin.path; among
 * them Ferry's converters that answer to the names of those Apache ships in {@code connect-runtime} (Apache's
 * class name, the simple name, the simple name without {@code Converter}).
 */
class ClasspathPluginsTest {
    private static final String APACHE_CONVERTERS = "org.apache.kafka.connect.converters.";

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

    static Stream<Arguments> converters() {
        return Stream.of(
                Arguments.of("ByteArrayConverter", "ByteArray", ByteArrayConverter.class),
                Arguments.of("BooleanConverter", "Boolean", BooleanConverter.class),
                Arguments.of("ShortConverter", "Short", ShortConverter.class),
                Arguments.of("IntegerConverter", "Integer", IntegerConverter.class),
                Arguments.of("LongConverter", "Long", LongConverter.class),
                Arguments.of("FloatConverter", "Float", FloatConverter.class),
                Arguments.of("DoubleConverter", "Double", DoubleConverter.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void shouldMakeFerrysConverterForApachesClassNameAndAliases(String simpleName, String shortAlias, Class<?> ferry) {
        for (String name : new String[] {APACHE_CONVERTERS + simpleName, simpleName, shortAlias, ferry.getName()}) {
            assertThat(plugins.pluginClass(name, PluginType.CONVERTER)).as(name).isSameAs(ferry);
            assertThat(plugins.pluginClass(name, PluginType.HEADER_CONVERTER)).as(name).isSameAs(ferry);
        }
        assertThat(plugins.newPlugin(APACHE_CONVERTERS + simpleName, PluginType.HEADER_CONVERTER, HeaderConverter.class)).isInstanceOf(ferry);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("converters")
    void shouldListFerrysClassAsConverterAndHeaderConverterWithKafkasVersion(String simpleName, String shortAlias, Class<?> ferry) {
        for (PluginType type : new PluginType[] {PluginType.CONVERTER, PluginType.HEADER_CONVERTER}) {
            assertThat(plugins.plugins(type)).as(type.apiName())
                    .contains(new PluginDesc(ferry.getName(), type, AppInfoParser.getVersion(), PluginDesc.CLASSPATH))
                    .noneMatch(desc -> desc.className().equals(APACHE_CONVERTERS + simpleName));
        }
    }

    @Test
    void shouldParseAWorkerConfigThatNamesApachesConvertersWithThePluginsLoader() {
        Map<String, String> settings = new HashMap<>();
        settings.put(WorkerConfig.KEY_CONVERTER, APACHE_CONVERTERS + "LongConverter");
        settings.put(WorkerConfig.VALUE_CONVERTER, APACHE_CONVERTERS + "ByteArrayConverter");
        settings.put(WorkerConfig.HEADER_CONVERTER, APACHE_CONVERTERS + "ByteArrayConverter");

        WorkerConfig config;
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            config = new WorkerConfig(settings);
        }

        assertThat(config.getClass(WorkerConfig.KEY_CONVERTER)).isSameAs(LongConverter.class);
        assertThat(config.getClass(WorkerConfig.VALUE_CONVERTER)).isSameAs(ByteArrayConverter.class);
        assertThat(config.getClass(WorkerConfig.HEADER_CONVERTER)).isSameAs(ByteArrayConverter.class);
    }

    @Test
    void shouldStillRefuseAnApacheRuntimeClassWithoutAStandIn() {
        assertThatThrownBy(() -> plugins.pluginClass(APACHE_CONVERTERS + "NumberConverter", PluginType.CONVERTER))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("Failed to find any class that implements Converter and which name matches "
                        + APACHE_CONVERTERS + "NumberConverter");
        assertThatThrownBy(() -> plugins.classLoader().loadClass("org.apache.kafka.connect.runtime.Worker"))
                .isInstanceOf(ClassNotFoundException.class);
    }

    @Test
    void shouldMakeAConverterThatWorks() throws Exception {
        Converter converter = plugins.newPlugin(APACHE_CONVERTERS + "LongConverter", PluginType.CONVERTER, Converter.class);
        converter.configure(Map.of(), true);

        assertThat(converter.fromConnectData("t", null, 1L)).containsExactly(0, 0, 0, 0, 0, 0, 0, 1);
        converter.close();
    }
}
