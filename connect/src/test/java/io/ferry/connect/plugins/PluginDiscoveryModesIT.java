package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.TestPluginBuilder.plugin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.provider.ConfigProvider;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/**
 * {@code plugin.discovery}'s four modes on a {@code plugin.path} built at test time:
 * <ul>
 *   <li>{@code scanned-plugin/}: a directory of classes without any service manifest;</li>
 *   <li>{@code listed-plugin/}: a jar whose plugins are all in manifests, some of them broken.</li>
 * </ul>
 */
class PluginDiscoveryModesIT {

    private static final String SCANNED = "com.example.scanned.";
    private static final String LISTED = "com.example.listed.";

    @TempDir
    static Path root;

    static Path pluginPath;
    static Path listedOnlyPath;
    /** Scanning the test classpath takes seconds: the tests that need only_scan share one discovery. */
    static Plugins onlyScan;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeAll
    static void buildPluginPath() throws IOException {
        pluginPath = root.resolve("plugins");
        listedOnlyPath = root.resolve("listed-only");
        plugin().source(SCANNED + "ScannedPredicate", """
                        package com.example.scanned;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.predicates.Predicate;
                        public class ScannedPredicate<R extends ConnectRecord<R>> implements Predicate<R> {
                            public ConfigDef config() { return new ConfigDef(); }
                            public boolean test(R record) { return true; }
                            public void close() { }
                            public void configure(Map<String, ?> configs) { }
                        }
                        """)
                .source(SCANNED + "AbstractBaseConverter", """
                        package com.example.scanned;
                        import java.util.Map;
                        import org.apache.kafka.connect.data.Schema;
                        import org.apache.kafka.connect.data.SchemaAndValue;
                        import org.apache.kafka.connect.storage.Converter;
                        abstract class AbstractBaseConverter implements Converter {
                            public void configure(Map<String, ?> configs, boolean isKey) { }
                            public byte[] fromConnectData(String topic, Schema schema, Object value) { return null; }
                            public SchemaAndValue toConnectData(String topic, byte[] value) { return null; }
                        }
                        """)
                .source(SCANNED + "ScannedConverter", """
                        package com.example.scanned;
                        /** A converter only through a package-private abstract superclass. */
                        public class ScannedConverter extends AbstractBaseConverter { }
                        """)
                .source(SCANNED + "JsonSubclassConverter", """
                        package com.example.scanned;
                        /** A converter through a framework class the scanned directory does not contain. */
                        public class JsonSubclassConverter extends org.apache.kafka.connect.json.JsonConverter { }
                        """)
                .source(SCANNED + "Outer", """
                        package com.example.scanned;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.Transformation;
                        public class Outer {
                            public static class InnerTransformation<R extends ConnectRecord<R>> implements Transformation<R> {
                                public R apply(R record) { return record; }
                                public ConfigDef config() { return new ConfigDef(); }
                                public void close() { }
                                public void configure(Map<String, ?> configs) { }
                            }
                            /** Needs an Outer instance: no no-arg constructor, not a plugin. */
                            public class NotStaticTransformation<R extends ConnectRecord<R>> extends InnerTransformation<R> { }
                        }
                        """)
                .source(SCANNED + "NeedsArgumentConverter", """
                        package com.example.scanned;
                        public class NeedsArgumentConverter extends AbstractBaseConverter {
                            public NeedsArgumentConverter(String required) { }
                        }
                        """)
                .source(SCANNED + "HiddenConverter", """
                        package com.example.scanned;
                        class HiddenConverter extends AbstractBaseConverter { }
                        """)
                .source(SCANNED + "UnlistedConfigProvider", """
                        package com.example.scanned;
                        import java.util.Map;
                        import java.util.Set;
                        import org.apache.kafka.common.config.ConfigData;
                        import org.apache.kafka.common.config.provider.ConfigProvider;
                        public class UnlistedConfigProvider implements ConfigProvider {
                            public ConfigData get(String path) { return new ConfigData(Map.of()); }
                            public ConfigData get(String path, Set<String> keys) { return new ConfigData(Map.of()); }
                            public void close() { }
                            public void configure(Map<String, ?> configs) { }
                        }
                        """)
                .writeClasses(pluginPath.resolve("scanned-plugin"));

        Path listedJar = plugin().source(LISTED + "ListedTransformation", """
                        package com.example.listed;
                        import java.util.Map;
                        import org.apache.kafka.common.config.ConfigDef;
                        import org.apache.kafka.connect.connector.ConnectRecord;
                        import org.apache.kafka.connect.transforms.Transformation;
                        public class ListedTransformation<R extends ConnectRecord<R>> implements Transformation<R> {
                            public R apply(R record) { return record; }
                            public ConfigDef config() { return new ConfigDef(); }
                            public void close() { }
                            public void configure(Map<String, ?> configs) { }
                        }
                        """)
                .source(LISTED + "ListedConfigProvider", """
                        package com.example.listed;
                        import java.util.Map;
                        import java.util.Set;
                        import org.apache.kafka.common.config.ConfigData;
                        import org.apache.kafka.common.config.provider.ConfigProvider;
                        public class ListedConfigProvider implements ConfigProvider {
                            public ConfigData get(String path) { return new ConfigData(Map.of()); }
                            public ConfigData get(String path, Set<String> keys) { return new ConfigData(Map.of()); }
                            public void close() { }
                            public void configure(Map<String, ?> configs) { }
                        }
                        """)
                .source(LISTED + "FailingConstructorConverter", """
                        package com.example.listed;
                        public class FailingConstructorConverter extends org.apache.kafka.connect.storage.StringConverter {
                            public FailingConstructorConverter() { throw new IllegalStateException("no licence key"); }
                        }
                        """)
                .source(LISTED + "FailingVersionConverter", """
                        package com.example.listed;
                        import org.apache.kafka.connect.components.Versioned;
                        public class FailingVersionConverter extends org.apache.kafka.connect.storage.StringConverter
                                implements Versioned {
                            public String version() { throw new IllegalStateException("version file missing"); }
                        }
                        """)
                .service(Transformation.class, LISTED + "ListedTransformation")
                .service(ConfigProvider.class, LISTED + "ListedConfigProvider")
                .service(Converter.class, LISTED + "FailingConstructorConverter", LISTED + "FailingVersionConverter",
                        LISTED + "MissingConverter  # listed, never shipped", "# a comment line")
                // StringConverter's subclasses are header converters too, and a manifest is per kind.
                .service(HeaderConverter.class, LISTED + "FailingVersionConverter")
                .writeJar(pluginPath.resolve("listed-plugin/listed.jar"));
        TestPluginBuilder.copyInto(listedJar, listedOnlyPath.resolve("listed-plugin"));
    }

    @AfterAll
    static void closeShared() {
        if (onlyScan != null) {
            onlyScan.close();
        }
    }

    private static Plugins onlyScan() {
        if (onlyScan == null) {
            onlyScan = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.ONLY_SCAN);
        }
        return onlyScan;
    }

    @BeforeEach
    void captureLogs() {
        logs.start();
        for (Class<?> source : List.of(PluginDiscovery.class, PluginLocations.class, PluginProbe.class)) {
            Logger logger = (Logger) LoggerFactory.getLogger(source);
            logger.addAppender(logs);
            logger.setLevel(Level.INFO);
        }
    }

    @AfterEach
    void releaseLogs() {
        for (Class<?> source : List.of(PluginDiscovery.class, PluginLocations.class, PluginProbe.class)) {
            ((Logger) LoggerFactory.getLogger(source)).detachAppender(logs);
        }
    }

    @Test
    void shouldFindPluginsWithoutManifestsByScanning() {
        Plugins plugins = onlyScan();
        assertThat(classNames(plugins, PluginType.PREDICATE)).contains(SCANNED + "ScannedPredicate");
        assertThat(classNames(plugins, PluginType.CONVERTER))
                .contains(SCANNED + "ScannedConverter", SCANNED + "JsonSubclassConverter",
                        LISTED + "FailingVersionConverter")
                .doesNotContain(SCANNED + "AbstractBaseConverter", SCANNED + "NeedsArgumentConverter",
                        SCANNED + "HiddenConverter", LISTED + "FailingConstructorConverter");
        assertThat(classNames(plugins, PluginType.TRANSFORMATION))
                .contains(SCANNED + "Outer$InnerTransformation", LISTED + "ListedTransformation")
                .doesNotContain(SCANNED + "Outer$NotStaticTransformation");
        assertThat(plugins.pluginClass("Inner", PluginType.TRANSFORMATION).getName())
                .isEqualTo(SCANNED + "Outer$InnerTransformation");
    }

    @Test
    void shouldFindConfigProvidersOnlyThroughManifestsEvenWhenScanning() {
        Plugins plugins = onlyScan();
        assertThat(classNames(plugins, PluginType.CONFIG_PROVIDER))
                .contains(LISTED + "ListedConfigProvider",
                        "org.apache.kafka.common.config.provider.FileConfigProvider")
                .doesNotContain(SCANNED + "UnlistedConfigProvider");
    }

    @Test
    void shouldFindOnlyListedPluginsWhenServiceLoading() {
        try (Plugins plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD)) {
            assertThat(classNames(plugins, PluginType.TRANSFORMATION)).contains(LISTED + "ListedTransformation")
                    .noneMatch(name -> name.startsWith(SCANNED));
            assertThat(classNames(plugins, PluginType.CONVERTER)).contains(LISTED + "FailingVersionConverter")
                    .noneMatch(name -> name.startsWith(SCANNED));
            assertThat(classNames(plugins, PluginType.PREDICATE)).noneMatch(name -> name.startsWith(SCANNED));
            assertThatThrownBy(() -> plugins.pluginClass("ScannedPredicate", PluginType.PREDICATE))
                    .isInstanceOf(PluginNotFoundException.class);
        }
    }

    @Test
    void shouldWarnAboutEveryPluginWithoutAManifestInHybridWarnMode() {
        try (Plugins plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.HYBRID_WARN)) {
            assertThat(classNames(plugins, PluginType.PREDICATE)).contains(SCANNED + "ScannedPredicate");
            assertThat(classNames(plugins, PluginType.TRANSFORMATION)).contains(LISTED + "ListedTransformation");
        }

        String warning = message(Level.WARN, "have no service manifest");
        assertThat(warning).contains(SCANNED + "ScannedPredicate", SCANNED + "ScannedConverter",
                SCANNED + "JsonSubclassConverter", SCANNED + "Outer$InnerTransformation", "plugin.discovery=only_scan",
                pluginPath.resolve("scanned-plugin").toString()).doesNotContain(LISTED);
    }

    @Test
    void shouldRefuseToStartInHybridFailModeWhileAPluginHasNoManifest() {
        assertThatThrownBy(() -> Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.HYBRID_FAIL))
                .isInstanceOf(PluginDiscoveryException.class)
                .hasMessageContaining(SCANNED + "ScannedPredicate")
                .hasMessageContaining("plugin.discovery=hybrid_warn")
                .hasMessageNotContaining(LISTED);
    }

    @Test
    void shouldStartInHybridFailModeWhenEveryPluginHasAManifest() {
        // The classpath is scanned too: Apache's jars on it (connect-api, -json, -transforms, -file) must agree.
        try (Plugins plugins = Plugins.discover(List.of(listedOnlyPath), PluginDiscoveryMode.HYBRID_FAIL)) {
            assertThat(classNames(plugins, PluginType.TRANSFORMATION))
                    .contains(LISTED + "ListedTransformation", "org.apache.kafka.connect.transforms.Cast$Key");
        }
        assertThat(message(Level.INFO, "Every plugin has a service manifest")).contains("service_load");
    }

    @Test
    void shouldSkipAPluginWhoseConstructorFailsAndWarnWhy() {
        try (Plugins plugins = Plugins.discover(List.of(listedOnlyPath), PluginDiscoveryMode.SERVICE_LOAD)) {
            assertThat(classNames(plugins, PluginType.CONVERTER)).doesNotContain(LISTED + "FailingConstructorConverter");
        }
        assertThat(message(Level.WARN, LISTED + "FailingConstructorConverter")).contains("constructor failed");
        assertThat(message(Level.WARN, LISTED + "MissingConverter")).contains("cannot be loaded");
    }

    @Test
    void shouldReportAVersionThatFailsAsUndefined() {
        try (Plugins plugins = Plugins.discover(List.of(listedOnlyPath), PluginDiscoveryMode.SERVICE_LOAD)) {
            assertThat(plugins.plugins(PluginType.CONVERTER)).contains(new PluginDesc(LISTED + "FailingVersionConverter",
                    PluginType.CONVERTER, PluginDesc.UNDEFINED_VERSION, listedOnlyPath.resolve("listed-plugin").toString()));
        }
    }

    @Test
    void shouldWarnAboutBadPluginPathEntriesAndCarryOn() throws IOException {
        Path missing = root.resolve("no-such-directory");
        Path notAJar = Files.writeString(root.resolve("plugins.txt"), "not a plugin");

        try (Plugins plugins = Plugins.discover(List.of(missing, notAJar, listedOnlyPath),
                PluginDiscoveryMode.SERVICE_LOAD)) {
            assertThat(classNames(plugins, PluginType.TRANSFORMATION)).contains(LISTED + "ListedTransformation");
        }
        assertThat(message(Level.WARN, missing.toString())).contains("does not exist");
        assertThat(message(Level.WARN, notAJar.toString())).contains("neither a directory nor a .jar");
    }

    private static Set<String> classNames(Plugins plugins, PluginType type) {
        return plugins.plugins(type).stream().map(PluginDesc::className).collect(Collectors.toSet());
    }

    private String message(Level level, String containing) {
        return logs.list.stream()
                .filter(event -> event.getLevel() == level && event.getFormattedMessage().contains(containing))
                .map(ILoggingEvent::getFormattedMessage)
                .findFirst()
                .orElseThrow(() -> new AssertionError("No " + level + " log containing " + containing + " in "
                        + logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList()));
    }
}
