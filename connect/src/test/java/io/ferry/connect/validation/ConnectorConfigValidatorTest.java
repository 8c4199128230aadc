package io.ferry.connect.validation;

import static io.ferry.connect.validation.ValidationFixtures.FILE_SINK;
import static io.ferry.connect.validation.ValidationFixtures.FILE_SOURCE;
import static io.ferry.connect.validation.ValidationFixtures.JSON_CONVERTER;
import static io.ferry.connect.validation.ValidationFixtures.PLUGINS;
import static io.ferry.connect.validation.ValidationFixtures.allErrors;
import static io.ferry.connect.validation.ValidationFixtures.config;
import static io.ferry.connect.validation.ValidationFixtures.entry;
import static io.ferry.connect.validation.ValidationFixtures.errorsOf;
import static io.ferry.connect.validation.ValidationFixtures.sink;
import static io.ferry.connect.validation.ValidationFixtures.source;
import static io.ferry.connect.validation.ValidationFixtures.worker;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConfigInfos;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConnectorConfigValidatorTest {
    private final ConnectorConfigValidator validator = new ConnectorConfigValidator(PLUGINS, worker());

    @Test
    void shouldFindNoErrorInAGoodSinkConfigWithTransformsAndPredicates() {
        ConfigInfos infos = validator.validate(sink(
                "transforms", "tag,route",
                "transforms.tag.type", "org.apache.kafka.connect.transforms.InsertField$Value",
                "transforms.tag.static.field", "origin", "transforms.tag.static.value", "ferry",
                "transforms.tag.predicate", "isOrders",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter",
                "transforms.route.regex", "(.*)", "transforms.route.replacement", "copy-$1",
                "predicates", "isOrders",
                "predicates.isOrders.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches",
                "predicates.isOrders.pattern", "orders"));

        assertThat(allErrors(infos)).isEmpty();
        assertThat(infos.errorCount()).isZero();
        assertThat(infos.name()).isEqualTo(FILE_SINK);
        assertThat(infos.groups()).startsWith("Common", "Transforms", "Predicates", "Error Handling")
                .contains("Transforms: tag", "Transforms: route", "Predicates: isOrders");
        assertThat(entry(infos, "transforms.tag.static.field")).hasValueSatisfying(info -> {
            assertThat(info.definition().group()).isEqualTo("Transforms: tag");
            assertThat(info.value().value()).isEqualTo("origin");
        });
        assertThat(entry(infos, "file")).as("the connector's own key").isPresent();
    }

    @Test
    void shouldFindNoErrorInAGoodSourceConfig() {
        ConfigInfos infos = validator.validate(source());

        assertThat(allErrors(infos)).isEmpty();
        assertThat(infos.name()).isEqualTo(FILE_SOURCE);
        assertThat(entry(infos, "topic.creation.groups")).as("source settings").isPresent();
        assertThat(entry(infos, "topics")).as("sink settings").isEmpty();
    }

    @Test
    void shouldRefuseAConfigWithoutConnectorClass() {
        Map<String, String> props = config("name", "nameless", "topics", "t");

        assertThatThrownBy(() -> validator.validate(props))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Connector config {").hasMessageContaining("name=nameless").hasMessageContaining("topics=t")
                .hasMessageEndingWith("} contains no connector type");
    }

    @Test
    void shouldRefuseAnUnknownConnectorClassNamingTheAvailableOnes() {
        assertThatThrownBy(() -> validator.validate(sink("connector.class", "com.example.NoSuchConnector")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageStartingWith("Failed to find any class that implements Connector and which name matches "
                        + "com.example.NoSuchConnector, available connectors are: ")
                .hasMessageContaining(FILE_SINK).hasMessageContaining(FILE_SOURCE);
    }

    @Test
    void shouldRefuseAConnectorVersionThatIsNoVersionOrRangeNamingTheKey() {
        assertThatThrownBy(() -> validator.validate(sink("connector.plugin.version", "[1.0")))
                .isInstanceOf(BadRequestException.class)
                .hasMessageContaining("connector.plugin.version").hasMessageContaining("[1.0");
    }

    @Test
    void shouldAcceptAConnectorAlias() {
        ConfigInfos infos = validator.validate(sink("connector.class", "FileStreamSink"));

        assertThat(allErrors(infos)).isEmpty();
        assertThat(infos.name()).isEqualTo("FileStreamSink");
    }

    @Test
    void shouldReportABadTasksMaxAgainstIt() {
        assertThat(errorsOf(validator.validate(sink("tasks.max", "0")), "tasks.max"))
                .containsExactly("Invalid value 0 for configuration tasks.max: Value must be at least 1");
        assertThat(errorsOf(validator.validate(sink("tasks.max", "many")), "tasks.max"))
                .startsWith("Invalid value many for configuration tasks.max: Not a number of type INT");
    }

    @Test
    void shouldReportTopicsAndTopicsRegexTogetherAgainstBoth() {
        ConfigInfos infos = validator.validate(sink("topics.regex", "orders-.*"));

        String error = "topics and topics.regex are mutually exclusive options, but both are set.";
        assertThat(errorsOf(infos, "topics")).containsExactly(error);
        assertThat(errorsOf(infos, "topics.regex")).containsExactly(error);
        assertThat(infos.errorCount()).isEqualTo(2);
    }

    @Test
    void shouldReportASinkWithoutTopics() {
        Map<String, String> props = sink();
        props.remove("topics");

        assertThat(errorsOf(validator.validate(props), "topics")).containsExactly("Must configure one of topics or topics.regex");
    }

    @Test
    void shouldReportADeadLetterQueueTopicThatIsAlsoRead() {
        ConfigInfos infos = validator.validate(sink("topics", "orders,dlq", "errors.deadletterqueue.topic.name", "dlq"));

        assertThat(errorsOf(infos, "topics")).containsExactly(
                "The DLQ topic 'dlq' may not be included in the list of topics ('topics=[orders, dlq]') consumed by the connector");
    }

    @Test
    void shouldReportAnUnknownTransformTypeAgainstItsTypeKey() {
        ConfigInfos infos = validator.validate(sink("transforms", "bad", "transforms.bad.type", "com.example.NoSuchTransform"));

        assertThat(errorsOf(infos, "transforms.bad.type")).containsExactly(
                "Invalid value com.example.NoSuchTransform for configuration transforms.bad.type: "
                        + "Class com.example.NoSuchTransform could not be found.");
        assertThat(infos.errorCount()).isEqualTo(1);
        assertThat(entry(infos, "transforms.bad.type").orElseThrow().definition().group()).isEqualTo("Transforms: bad");
    }

    @Test
    void shouldReportATransformTypeThatIsNoTransformation() {
        ConfigInfos infos = validator.validate(sink("transforms", "bad", "transforms.bad.type", JSON_CONVERTER));

        assertThat(errorsOf(infos, "transforms.bad.type")).containsExactly(
                "Invalid value class " + JSON_CONVERTER + " for configuration transforms.bad.type: Not a Transformation");
    }

    @Test
    void shouldReportAMissingTransformType() {
        ConfigInfos infos = validator.validate(sink("transforms", "untyped"));

        assertThat(errorsOf(infos, "transforms.untyped.type"))
                .containsExactly("Missing required configuration \"transforms.untyped.type\" which has no default value.");
    }

    @Test
    void shouldReportATransformSettingAgainstItsPrefixedKey() {
        ConfigInfos infos = validator.validate(sink("transforms", "route",
                "transforms.route.type", "org.apache.kafka.connect.transforms.RegexRouter"));

        assertThat(allErrors(infos)).allSatisfy(error -> assertThat(error).startsWith("transforms.route.")).contains(
                "transforms.route.regex: Missing required configuration \"transforms.route.regex\" which has no default value.",
                "transforms.route.replacement: Missing required configuration \"transforms.route.replacement\" which has no default value.");
    }

    @Test
    void shouldReportTheConnectorsOwnValidation() {
        Map<String, String> props = source();
        props.remove("topic");

        assertThat(errorsOf(validator.validate(props), "topic"))
                .containsExactly("Missing required configuration \"topic\" which has no default value.");
    }

    @Test
    void shouldReportNullValues() {
        Map<String, String> props = sink();
        props.put("file", null);
        props.put("custom.setting", null);

        ConfigInfos infos = validator.validate(props);

        assertThat(errorsOf(infos, "custom.setting")).containsExactly("Null value can not be supplied as the configuration value.");
        assertThat(errorsOf(infos, "file")).contains("Null value can not be supplied as the configuration value.");
    }

    @Test
    void shouldValidateTheSettingsOfAConverterTheConnectorSets() {
        ConfigInfos infos = validator.validate(sink("value.converter", JSON_CONVERTER, "value.converter.schemas.enable", "maybe"));

        assertThat(errorsOf(infos, "value.converter.schemas.enable"))
                .containsExactly("Invalid value maybe for configuration schemas.enable: Expected value to be either true or false");
        assertThat(entry(infos, "value.converter.converter.type").orElseThrow().value().value()).isEqualTo("value");
    }

    @Test
    void shouldReportAnUnknownConverterClass() {
        ConfigInfos infos = validator.validate(sink("key.converter", "com.example.NoSuchConverter"));

        assertThat(errorsOf(infos, "key.converter")).containsExactly(
                "Invalid value com.example.NoSuchConverter for configuration key.converter: Class com.example.NoSuchConverter could not be found.");
    }

    @Test
    void shouldRefuseOverridesTheNonePolicyForbids() {
        try (ConnectorConfigValidator none = new ConnectorConfigValidator(PLUGINS, worker("connector.client.config.override.policy", "None"))) {
            ConfigInfos infos = none.validate(sink("consumer.override.max.poll.records", "10"));

            assertThat(errorsOf(infos, "consumer.override.max.poll.records")).containsExactly(
                    "The 'None' policy does not allow 'max.poll.records' to be overridden in the connector configuration.");
            assertThat(entry(infos, "consumer.override.max.poll.records").orElseThrow().definition().name())
                    .isEqualTo("consumer.override.max.poll.records");
            assertThat(infos.errorCount()).isEqualTo(1);
        }
    }

    @Test
    void shouldLetThePrincipalPolicyOverrideOnlyTheClientsIdentity() {
        try (ConnectorConfigValidator principal = new ConnectorConfigValidator(PLUGINS,
                worker("connector.client.config.override.policy", "org.apache.kafka.connect.connector.policy.PrincipalConnectorClientConfigOverridePolicy"))) {
            ConfigInfos infos = principal.validate(source("producer.override.security.protocol", "SASL_SSL",
                    "producer.override.linger.ms", "5"));

            assertThat(errorsOf(infos, "producer.override.security.protocol")).isEmpty();
            assertThat(errorsOf(infos, "producer.override.linger.ms")).containsExactly(
                    "The 'Principal' policy does not allow 'linger.ms' to be overridden in the connector configuration.");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Allowlist", "org.apache.kafka.connect.connector.policy.AllowlistConnectorClientConfigOverridePolicy"})
    void shouldLetTheAllowlistPolicyOverrideOnlyTheListedSettings(String policy) {
        try (ConnectorConfigValidator allowlist = new ConnectorConfigValidator(PLUGINS, worker(
                "connector.client.config.override.policy", policy,
                "connector.client.config.override.allowlist", "linger.ms, batch.size"))) {
            ConfigInfos infos = allowlist.validate(source("producer.override.linger.ms", "5",
                    "producer.override.batch.size", "100", "producer.override.acks", "1"));

            assertThat(errorsOf(infos, "producer.override.linger.ms")).isEmpty();
            assertThat(errorsOf(infos, "producer.override.batch.size")).isEmpty();
            assertThat(errorsOf(infos, "producer.override.acks")).containsExactly(
                    "The 'Allowlist' policy does not allow 'acks' to be overridden in the connector configuration.");
        }
    }

    @Test
    void shouldAllowNoOverrideWithAnEmptyAllowlist() {
        try (ConnectorConfigValidator allowlist = new ConnectorConfigValidator(PLUGINS,
                worker("connector.client.config.override.policy", "Allowlist"))) {
            assertThat(errorsOf(allowlist.validate(source("producer.override.linger.ms", "5")), "producer.override.linger.ms"))
                    .containsExactly("The 'Allowlist' policy does not allow 'linger.ms' to be overridden in the connector configuration.");
        }
    }

    @Test
    void shouldCheckOverridesOnlyOfClientsTheConnectorHas() {
        try (ConnectorConfigValidator none = new ConnectorConfigValidator(PLUGINS, worker("connector.client.config.override.policy", "None"))) {
            ConfigInfos infos = none.validate(source("consumer.override.max.poll.records", "10"));

            assertThat(allErrors(infos)).isEmpty();
        }
    }

    @Test
    void shouldAllowEveryOverrideByDefault() {
        assertThat(allErrors(validator.validate(source("producer.override.linger.ms", "5")))).isEmpty();
    }

    @Test
    void shouldValidateTheValuesConfigProvidersResolve(@TempDir Path dir) throws Exception {
        Path secrets = Files.writeString(dir.resolve("tasks.properties"), "tasks=0\n");
        var workerConfig = worker("config.providers", "file",
                "config.providers.file.class", "org.apache.kafka.common.config.provider.FileConfigProvider");
        try (ConfigProviders providers = ConfigProviders.from(workerConfig, PLUGINS);
             ConnectorConfigValidator resolving = new ConnectorConfigValidator(PLUGINS, workerConfig, providers)) {
            ConfigInfos infos = resolving.validate(sink("tasks.max", "${file:" + secrets + ":tasks}"));

            assertThat(errorsOf(infos, "tasks.max")).containsExactly("Invalid value 0 for configuration tasks.max: Value must be at least 1");
        }
    }

    @Test
    void shouldNameThePasswordKeysOfTheWholeDefinition() {
        Map<String, String> props = new HashMap<>(source("producer.override.sasl.jaas.config", "secret",
                "producer.override.linger.ms", "5"));

        assertThat(validator.passwordKeys(props)).contains("producer.override.sasl.jaas.config")
                .doesNotContain("producer.override.linger.ms", "file", "name");
    }

    @Test
    void shouldNameTheConnectorsPasswordKeysEvenWhenNoInstalledVersionMatchesItsConfig() {
        // A connector pinned to a version since removed still has its secrets masked when its config is shown.
        String connector = "io.ferry.connect.testplugins.SequenceSourceConnector";

        assertThat(validator.passwordKeys(config("connector.class", connector, "secret", "x"))).contains("secret");
        assertThat(validator.passwordKeys(config("connector.class", connector, "connector.plugin.version", "99.0",
                "secret", "x"))).contains("secret");
    }

    @Test
    void shouldNamePasswordKeysEvenOfAnUnknownConnector() {
        assertThat(validator.passwordKeys(config("connector.class", "com.example.Unknown",
                "admin.override.ssl.key.password", "x"))).containsExactly("admin.override.ssl.key.password");
    }
}
