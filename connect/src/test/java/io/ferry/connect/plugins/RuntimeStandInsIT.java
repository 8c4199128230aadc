package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import io.ferry.connect.converters.ByteArrayConverter;
import io.ferry.connect.converters.LongConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code plugin.path} location that bundles Apache's own runtime converter (as a MirrorMaker plugin folder
 * bundles {@code connect-runtime}): Apache's name and the aliases name that class, as in Apache Kafka
 * Connect, while Ferry's class name still names Ferry's and the other stand-ins keep theirs.
 */
class RuntimeStandInsIT {
    private static final String APACHE_LONG = "org.apache.kafka.connect.converters.LongConverter";

    @TempDir
    static Path root;

    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        Path pluginPath = root.resolve("plugins");
        PluginNamesIT.converter("org.apache.kafka.connect.converters", "LongConverter", "4.3.1-apache")
                .writeJar(pluginPath.resolve("mirror").resolve("connect-runtime.jar"));
        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        plugins.close();
    }

    @Test
    void shouldUseApachesClassWhereAPluginLocationProvidesIt() {
        Class<?> byName = plugins.pluginClass(APACHE_LONG, PluginType.CONVERTER);

        assertThat(byName.getName()).isEqualTo(APACHE_LONG);
        assertThat(byName.getClassLoader()).isInstanceOf(PluginClassLoader.class);
        assertThat(plugins.pluginClass("LongConverter", PluginType.CONVERTER)).isSameAs(byName);
        assertThat(plugins.pluginClass("Long", PluginType.CONVERTER)).isSameAs(byName);
    }

    @Test
    void shouldKeepFerrysClassNameAndTheOtherStandIns() {
        assertThat(plugins.pluginClass(LongConverter.class.getName(), PluginType.CONVERTER)).isSameAs(LongConverter.class);
        assertThat(plugins.pluginClass("org.apache.kafka.connect.converters.ByteArrayConverter", PluginType.CONVERTER))
                .isSameAs(ByteArrayConverter.class);
        assertThat(plugins.pluginClass("ByteArray", PluginType.CONVERTER)).isSameAs(ByteArrayConverter.class);
    }

    @Test
    void shouldListBothClasses() {
        assertThat(plugins.plugins(PluginType.CONVERTER)).extracting(PluginDesc::className)
                .contains(APACHE_LONG, LongConverter.class.getName());
    }
}
