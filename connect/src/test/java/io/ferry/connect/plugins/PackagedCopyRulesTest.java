package io.ferry.connect.plugins;

import static io.ferry.connect.plugins.PackagedCopies.ALPHA;
import static io.ferry.connect.plugins.PackagedCopies.BETA;
import static io.ferry.connect.plugins.PackagedCopies.OWN_CONVERTER;
import static io.ferry.connect.plugins.PackagedCopies.TAG_CONVERTER;
import static io.ferry.connect.plugins.PackagedCopies.TAG_PLAIN;
import static io.ferry.connect.plugins.PackagedCopies.TAG_PREDICATE;
import static io.ferry.connect.plugins.PackagedCopies.TAG_SHAPE;
import static io.ferry.connect.plugins.PackagedCopies.TAG_SMT;
import static io.ferry.connect.plugins.PackagedCopies.locationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.testplugins.SequenceSourceConnector;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.pipeline.TransformationChain;
import io.ferry.connect.worker.pipeline.TransformationStage;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which copy of a converter, SMT or predicate a connector's task gets when the class is installed in several places
 * ({@link PackagedCopies}), as Apache Kafka Connect 4.1+ decides it: pinned, the copy the version picks; unpinned and
 * named by the connector's config, the copy packaged with the connector, else the latest; the worker's converter,
 * the worker's pinned version or the latest, never the connector's copy.
 */
class PackagedCopyRulesTest {
    private static final String KAFKA = AppInfoParser.getVersion();

    @TempDir
    static Path root;

    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        plugins = Plugins.discover(List.of(PackagedCopies.write(root.resolve("plugins"))), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    /** Where a plugin is named: a converter in the connector's config or the worker's, an SMT, a predicate. */
    enum Slot { CONNECTOR_CONVERTER, WORKER_CONVERTER, SMT, PREDICATE }

    /**
     * @param connector the connector's class name; "classpath" for a connector on the worker's classpath
     * @param version   the plugin's {@code plugin.version}; null when unset
     * @param location  the plugin folder the copy used comes from; "classpath" for the worker's own
     */
    record Case(String description, String connector, Slot slot, String plugin, String version, String location,
            String expectedVersion) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("a converter the connector names, unpinned, is the copy packaged with it, though older",
                        ALPHA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER, null, "alpha", "1.0"),
                new Case("a converter the connector asks for in 'latest' is the latest installed, as a pinned one is looked up",
                        ALPHA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER, "latest", "tags", "2.0"),
                new Case("a pinned version is that version, wherever it is", ALPHA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER, "2.0",
                        "tags", "2.0"),
                new Case("a range is the highest version in it", ALPHA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER, "[1.0,)", "tags", "2.0"),
                new Case("a version pinned to the packaged one is the packaged copy", ALPHA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER,
                        "1.0", "alpha", "1.0"),
                new Case("a connector that packages no copy gets the latest", BETA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER, null,
                        "tags", "2.0"),
                new Case("another connector may pin the version packaged with the first", BETA, Slot.CONNECTOR_CONVERTER, TAG_CONVERTER,
                        "1.0", "alpha", "1.0"),
                new Case("a converter only in another connector's folder is found there", BETA, Slot.CONNECTOR_CONVERTER,
                        OWN_CONVERTER, null, "alpha", "1.0"),
                new Case("a connector on the classpath packages nothing: the latest", "classpath", Slot.CONNECTOR_CONVERTER,
                        TAG_CONVERTER, null, "tags", "2.0"),
                new Case("a converter only on the classpath is the classpath's", ALPHA, Slot.CONNECTOR_CONVERTER,
                        StringConverter.class.getName(), null, "classpath", KAFKA),
                new Case("the worker's converter, unpinned, is the latest, not the connector's copy", ALPHA, Slot.WORKER_CONVERTER,
                        TAG_CONVERTER, null, "tags", "2.0"),
                new Case("the worker's converter in the version the worker pins", ALPHA, Slot.WORKER_CONVERTER, TAG_CONVERTER, "1.0",
                        "alpha", "1.0"),
                new Case("the worker's converter for a connector that packages none", BETA, Slot.WORKER_CONVERTER, TAG_CONVERTER, null,
                        "tags", "2.0"),
                new Case("an SMT, unpinned, is the copy packaged with the connector", ALPHA, Slot.SMT, TAG_SMT, null, "alpha", "1.0"),
                new Case("an SMT in 'latest' is the same as unset: the copy packaged with the connector", ALPHA, Slot.SMT, TAG_SMT,
                        "latest", "alpha", "1.0"),
                new Case("an SMT pinned elsewhere", ALPHA, Slot.SMT, TAG_SMT, "2.0", "tags", "2.0"),
                new Case("an SMT of a connector that packages none is the latest", BETA, Slot.SMT, TAG_SMT, null, "tags", "2.0"),
                new Case("a predicate, unpinned, is the copy packaged with the connector", ALPHA, Slot.PREDICATE, TAG_PREDICATE, null,
                        "alpha", "1.0"),
                new Case("a predicate in 'latest' is the same as unset", ALPHA, Slot.PREDICATE, TAG_PREDICATE, "latest", "alpha", "1.0"),
                new Case("a predicate pinned to a range the packaged copy is outside of", ALPHA, Slot.PREDICATE, TAG_PREDICATE,
                        "[2.0,)", "tags", "2.0"),
                new Case("a predicate of a connector that packages none is the latest", BETA, Slot.PREDICATE, TAG_PREDICATE, null,
                        "tags", "2.0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void shouldRunTheCopyTheRulesPick(Case c) throws Exception {
        Class<?> connectorClass = c.connector().equals("classpath") ? SequenceSourceConnector.class : plugins.connectorClass(c.connector());

        Class<?> used = switch (c.slot()) {
            case CONNECTOR_CONVERTER, WORKER_CONVERTER -> valueConverterClass(c, connectorClass);
            case SMT -> smtClass(c, connectorClass);
            case PREDICATE -> plugins.pluginClassFor(connectorClass, c.plugin(), PluginType.PREDICATE, VersionRequirement.of("v", c.version()));
        };

        assertThat(used.getName()).isEqualTo(c.plugin());
        assertThat(locationOf(used)).isEqualTo(c.location());
        assertThat(plugins.installedVersion(used)).isEqualTo(c.expectedVersion());
    }

    /**
     * A class the connector's folder packages under the name its config gives, of another kind than the setting needs.
     *
     * @param setting the setting naming it: {@code header.converter}, {@code key.converter}, {@code value.converter},
     *                {@code transforms.odd.type} or {@code predicates.odd.type}
     */
    record OddKind(String description, String setting, String plugin, String version, String kind) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<OddKind> oddKinds() {
        return Stream.of(
                new OddKind("a Converter named as the header converter", "header.converter", TAG_SHAPE, null, "HeaderConverter"),
                new OddKind("a Converter named as the header converter, pinned", "header.converter", TAG_SHAPE, "2.0", "HeaderConverter"),
                new OddKind("a class of no kind named as the key converter", "key.converter", TAG_PLAIN, null, "Converter"),
                new OddKind("a class of no kind named as the value converter in 'latest'", "value.converter", TAG_PLAIN, "latest",
                        "Converter"),
                new OddKind("a Converter named as a transformation", "transforms.odd.type", TAG_SHAPE, null, "Transformation"),
                new OddKind("a Converter named as a transformation, pinned", "transforms.odd.type", TAG_SHAPE, "2.0", "Transformation"),
                new OddKind("a Converter named as a predicate", "predicates.odd.type", TAG_SHAPE, null, "Predicate"));
    }

    /**
     * Apache Kafka Connect resolves the classes a connector's config names through the connector's loader first, and
     * fails one of another kind instead of running the copy of that name installed elsewhere (tags 2.0, of the kind).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("oddKinds")
    void shouldFailAPluginWhoseClassPackagedWithTheConnectorIsOfAnotherKind(OddKind c) {
        Class<?> alpha = plugins.connectorClass(ALPHA);
        Map<String, String> config = new HashMap<>(Map.of("name", "c", c.setting(), c.plugin()));
        String prefix = c.setting().substring(0, c.setting().lastIndexOf('.') + 1);
        if (c.version() != null) {
            config.put(prefix + "plugin.version", c.version());
        }
        if (c.setting().startsWith("transforms.")) {
            config.put("transforms", "odd");
        } else if (c.setting().startsWith("predicates.")) {
            config.putAll(Map.of("predicates", "odd", "transforms", "tag", "transforms.tag.type", TAG_SMT,
                    "transforms.tag.predicate", "odd"));
        }

        String expected = "Class class " + c.plugin() + " does not implement the " + c.kind() + " interface";
        if (c.setting().endsWith("converter")) {
            assertThatThrownBy(() -> converters(config, Map.of(), alpha).close())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("Invalid value " + c.plugin() + " for configuration " + c.setting() + ": " + expected)
                    .hasMessageContaining("alpha");
        } else {
            assertThatThrownBy(() -> TransformationChain.stages(config, plugins, alpha).forEach(TransformationStage::close))
                    .isInstanceOf(PluginKindMismatchException.class)
                    .hasMessageStartingWith(expected)
                    .hasMessageContaining("alpha");
        }
    }

    @Test
    void shouldRunTheCopyOfTheKindElsewhereForAConnectorThatPackagesNoClassOfThatName() throws Exception {
        Class<?> beta = plugins.connectorClass(BETA);

        try (TaskConverters converters = converters(Map.of("name", "c", "header.converter", TAG_SHAPE, "key.converter", TAG_PLAIN),
                Map.of(), beta)) {
            assertThat(locationOf(converters.header().getClass())).isEqualTo("tags");
            assertThat(locationOf(converters.key().getClass())).isEqualTo("tags");
        }
        assertThat(locationOf(plugins.pluginClassFor(beta, TAG_SHAPE, PluginType.TRANSFORMATION, VersionRequirement.of("v", null))))
                .isEqualTo("tags");
    }

    @Test
    void shouldKeepTheWorkersConverterForAConnectorThatPackagesAClassOfThatNameOfAnotherKind() throws Exception {
        // The worker's converter is the worker's choice: it is never looked up in the connector's folder.
        try (TaskConverters converters = converters(Map.of("name", "c"), Map.of("key.converter", TAG_PLAIN,
                "header.converter", TAG_SHAPE), plugins.connectorClass(ALPHA))) {
            assertThat(locationOf(converters.key().getClass())).isEqualTo("tags");
            assertThat(locationOf(converters.header().getClass())).isEqualTo("tags");
        }
    }

    @Test
    void shouldStillRunTheCopyPackagedWithTheConnectorWhereItIsOfTheKind() throws Exception {
        try (TaskConverters converters = converters(Map.of("name", "c", "value.converter", TAG_SHAPE), Map.of(),
                plugins.connectorClass(ALPHA))) {
            assertThat(locationOf(converters.value().getClass())).isEqualTo("alpha");
            assertThat(plugins.installedVersion(converters.value().getClass())).isEqualTo("1.0");
        }
    }

    @Test
    void shouldShowAsTheDefaultVersionOfAnUnpinnedPluginTheVersionThatRuns() {
        Class<?> alpha = plugins.connectorClass(ALPHA);
        Class<?> beta = plugins.connectorClass(BETA);

        assertThat(plugins.unpinnedVersionFor(alpha, TAG_CONVERTER, PluginType.CONVERTER)).isEqualTo("1.0");
        assertThat(plugins.unpinnedVersionFor(alpha, "TagSmt", PluginType.TRANSFORMATION)).isEqualTo("1.0");
        assertThat(plugins.unpinnedVersionFor(beta, TAG_CONVERTER, PluginType.CONVERTER)).isEqualTo("2.0");
        assertThat(plugins.unpinnedVersionFor(SequenceSourceConnector.class, TAG_CONVERTER, PluginType.CONVERTER)).isEqualTo("2.0");
        assertThat(plugins.unpinnedVersionFor(alpha, "no.such.Converter", PluginType.CONVERTER)).isNull();
    }

    @Test
    void shouldFindThePackagedCopyByAliasToo() {
        Class<?> alpha = plugins.connectorClass(ALPHA);

        Class<?> byAlias = plugins.pluginClassFor(alpha, "TagConverter", PluginType.CONVERTER, VersionRequirement.of("v", null));

        assertThat(locationOf(byAlias)).isEqualTo("alpha");
        assertThat(byAlias).isSameAs(plugins.pluginClassFor(alpha, TAG_CONVERTER, PluginType.CONVERTER, VersionRequirement.of("v", null)));
    }

    private static Class<?> valueConverterClass(Case c, Class<?> connectorClass) {
        Map<String, String> workerSettings = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092",
                "key.converter", StringConverter.class.getName(), "value.converter", StringConverter.class.getName()));
        Map<String, String> connector = new HashMap<>(Map.of("name", "c"));
        Map<String, String> named = c.slot() == Slot.WORKER_CONVERTER ? workerSettings : connector;
        named.put("value.converter", c.plugin());
        if (c.version() != null) {
            named.put("value.converter.plugin.version", c.version());
        }
        WorkerConfig worker;
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            worker = new WorkerConfig(workerSettings);
        }
        try (TaskConverters converters = TaskConverters.of(worker, connector, plugins, connectorClass)) {
            return converters.value().getClass();
        }
    }

    /** The task converters for a connector config, with the worker's settings over String converters. */
    private static TaskConverters converters(Map<String, String> connector, Map<String, String> workerOverrides, Class<?> connectorClass) {
        Map<String, String> workerSettings = new HashMap<>(Map.of("bootstrap.servers", "localhost:9092",
                "key.converter", StringConverter.class.getName(), "value.converter", StringConverter.class.getName()));
        workerSettings.putAll(workerOverrides);
        WorkerConfig worker;
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            worker = new WorkerConfig(workerSettings);
        }
        return TaskConverters.of(worker, connector, plugins, connectorClass);
    }

    private static Class<?> smtClass(Case c, Class<?> connectorClass) {
        Map<String, String> config = new HashMap<>(Map.of("name", "c", "transforms", "tag", "transforms.tag.type", c.plugin()));
        if (c.version() != null) {
            config.put("transforms.tag.plugin.version", c.version());
        }
        List<TransformationStage<SourceRecord>> stages = TransformationChain.stages(config, plugins, connectorClass);
        try {
            return stages.get(0).transformationClass();
        } finally {
            stages.forEach(TransformationStage::close);
        }
    }
}
