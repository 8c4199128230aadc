package io.ferry.connect.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.validation.ConnectorConfigValidator;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.apache.kafka.connect.transforms.Transformation;
import org.apache.kafka.connect.transforms.predicates.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Validation checks the copy of an SMT a connector would run: the one packaged in its folder when unpinned, not the
 * latest installed elsewhere. Here the latest copy (2.0) cannot describe its settings, while the connector's own (1.0)
 * can and asks for one. And the connector's folder packages PickyShape, only a Converter, while the copy installed
 * elsewhere (2.0) is a header converter, transformation and predicate too.
 */
class PackagedCopyValidationTest {
    private static final String CONNECTOR = "com.example.gamma.GammaSourceConnector";
    private static final String TASK = "com.example.gamma.GammaSourceTask";
    private static final String SMT = "com.example.picky.PickySmt";
    private static final String SHAPE = "com.example.picky.PickyShape";

    @TempDir
    static Path root;

    static Plugins plugins;

    @BeforeAll
    static void discover() throws IOException {
        Path pluginPath = root.resolve("plugins");
        String configDef = "new ConfigDef()";
        TestPluginBuilder.plugin()
                .source(CONNECTOR, TestPluginSources.sourceConnector(CONNECTOR, "1.0", TASK, configDef))
                .source(TASK, TestPluginSources.sourceTask(TASK, "1.0", 1, "gamma"))
                .service(SourceConnector.class, CONNECTOR)
                .writeJar(pluginPath.resolve("gamma/gamma-connector.jar"));
        TestPluginBuilder.plugin()
                .source(SMT, TestPluginSources.passThroughTransformation(SMT, "1.0",
                        "new ConfigDef().define(\"field\", ConfigDef.Type.STRING, ConfigDef.Importance.HIGH, \"Which.\")"))
                .service(Transformation.class, SMT)
                .writeJar(pluginPath.resolve("gamma/picky-1.0.jar"));
        TestPluginBuilder.plugin()
                .source(SHAPE, PackagedCopies.converter(SHAPE, "1.0"))
                .service(Converter.class, SHAPE)
                .writeJar(pluginPath.resolve("gamma/odd-kinds.jar"));
        TestPluginBuilder.plugin()
                .source(SMT, TestPluginSources.passThroughTransformation(SMT, "2.0", "null"))
                .source(SHAPE, PackagedCopies.everyKind(SHAPE, "2.0"))
                .service(Transformation.class, SMT, SHAPE)
                .service(HeaderConverter.class, SHAPE)
                .service(Predicate.class, SHAPE)
                .writeJar(pluginPath.resolve("picky/picky-2.0.jar"));
        plugins = Plugins.discover(List.of(pluginPath), PluginDiscoveryMode.SERVICE_LOAD);
    }

    @AfterAll
    static void close() {
        if (plugins != null) {
            plugins.close();
        }
    }

    @Test
    void shouldValidateAnUnpinnedSmtInTheCopyPackagedWithTheConnector() {
        ConfigInfos infos = validate(Map.of());

        assertThat(errors(infos)).containsExactly("transforms.p.field: Missing required configuration \"transforms.p.field\" "
                + "which has no default value.");
        assertThat(value(infos, "transforms.p.plugin.version")).isEqualTo("1.0");
    }

    @Test
    void shouldValidateAnSmtInLatestAsUnset() {
        ConfigInfos infos = validate(Map.of("transforms.p.plugin.version", "latest"));

        assertThat(errors(infos)).containsExactly("transforms.p.field: Missing required configuration \"transforms.p.field\" "
                + "which has no default value.");
    }

    @Test
    void shouldValidateAPinnedSmtInTheCopyItsVersionPicks() {
        assertThat(errors(validate(Map.of("transforms.p.plugin.version", "1.0", "transforms.p.field", "f")))).isEmpty();
        assertThat(errors(validate(Map.of("transforms.p.plugin.version", "2.0"))))
                .singleElement().asString()
                .startsWith("transforms.p.type: ")
                .endsWith(SMT + ".config() must return a ConfigDef that is not null.");
    }

    @Test
    void shouldReportOnItsKeyAConverterWhoseClassPackagedWithTheConnectorIsOfAnotherKind() {
        for (String version : new String[] {null, "2.0"}) {
            Map<String, String> extra = new HashMap<>(Map.of("transforms.p.field", "f", "header.converter", SHAPE));
            if (version != null) {
                extra.put("header.converter.plugin.version", version);
            }
            assertThat(errors(validate(extra))).as("version " + version).singleElement().asString()
                    .startsWith("header.converter: Class class " + SHAPE + " does not implement the HeaderConverter interface")
                    .contains("gamma");
        }
    }

    @Test
    void shouldReportOnItsTypeKeyAnSmtOrPredicateWhoseClassPackagedWithTheConnectorIsOfAnotherKind() {
        ConfigInfos infos = validate(Map.of("transforms.p.field", "f", "transforms", "p,odd", "transforms.odd.type", SHAPE,
                "predicates", "odd", "predicates.odd.type", SHAPE));

        assertThat(errors(infos)).satisfiesExactlyInAnyOrder(
                error -> assertThat(error).startsWith("transforms.odd.type: Class class " + SHAPE
                        + " does not implement the Transformation interface (").contains("gamma"),
                error -> assertThat(error).startsWith("predicates.odd.type: Class class " + SHAPE
                        + " does not implement the Predicate interface (").contains("gamma"));
    }

    private static ConfigInfos validate(Map<String, String> extra) {
        Map<String, String> worker = Map.of("bootstrap.servers", "localhost:9092",
                "key.converter", StringConverter.class.getName(), "value.converter", StringConverter.class.getName());
        Map<String, String> config = new HashMap<>(Map.of("name", "gamma", "connector.class", CONNECTOR, "topic", "t",
                "transforms", "p", "transforms.p.type", SMT));
        config.putAll(extra);
        WorkerConfig workerConfig;
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            workerConfig = new WorkerConfig(worker);
        }
        try (ConnectorConfigValidator validator = new ConnectorConfigValidator(plugins, workerConfig)) {
            return validator.validate(config);
        }
    }

    private static List<String> errors(ConfigInfos infos) {
        return infos.configs().stream()
                .map(ConfigInfo::value)
                .filter(value -> value != null && !value.errors().isEmpty())
                .flatMap(value -> value.errors().stream().map(error -> value.name() + ": " + error))
                .toList();
    }

    private static String value(ConfigInfos infos, String name) {
        return infos.configs().stream()
                .filter(info -> info.value() != null && info.value().name().equals(name))
                .map(info -> info.value().value())
                .findFirst().orElse(null);
    }
}
