package io.ferry.connect.validation;

import static io.ferry.connect.validation.ValidationFixtures.allErrors;
import static io.ferry.connect.validation.ValidationFixtures.config;
import static io.ferry.connect.validation.ValidationFixtures.errorsOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.herder.ConfigInfos;
import org.apache.kafka.connect.source.SourceTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A source connector's exactly-once settings, as a distributed worker validates them (KIP-618). */
class ExactlyOnceValidationTest {
    private static final String NUMBERED = "io.ferry.connect.testplugins.NumberedSourceConnector";

    private static DistributedWorkerConfig distributed(String exactlyOnce) {
        Map<String, String> props = new HashMap<>();
        props.put("bootstrap.servers", "localhost:9092");
        props.put("key.converter", ValidationFixtures.JSON_CONVERTER);
        props.put("value.converter", ValidationFixtures.JSON_CONVERTER);
        props.put("group.id", "connect-cluster");
        props.put("config.storage.topic", "connect-configs");
        props.put("offset.storage.topic", "connect-offsets");
        props.put("status.storage.topic", "connect-status");
        props.put("exactly.once.source.support", exactlyOnce);
        return new DistributedWorkerConfig(props);
    }

    private static Map<String, String> numbered(String... extra) {
        Map<String, String> props = config("name", "numbers", "connector.class", NUMBERED, "tasks.max", "1", "topic", "numbers");
        props.putAll(config(extra));
        return props;
    }

    private static ConfigInfos validate(DistributedWorkerConfig worker, Map<String, String> connector) {
        try (ConnectorConfigValidator validator = new ConnectorConfigValidator(ValidationFixtures.PLUGINS, worker)) {
            return validator.validate(connector);
        }
    }

    @Test
    void shouldAcceptRequiredExactlyOnceFromAConnectorThatSupportsIt() {
        ConfigInfos infos = validate(distributed("enabled"), numbered("exactly.once.support", "required"));

        assertThat(infos.errorCount()).as("%s", allErrors(infos)).isZero();
    }

    @ParameterizedTest(name = "answer {0}")
    @CsvSource(delimiter = '|', value = {
            "UNSUPPORTED|The connector does not support exactly-once semantics with the provided configuration.",
            "null|The connector does not implement the API required for preflight validation of exactly-once source support.",
            "throw|An unexpected error occurred during validation: cannot tell"})
    void shouldRefuseRequiredExactlyOnceUnlessTheConnectorSaysSupported(String answer, String error) {
        ConfigInfos infos = validate(distributed("enabled"), numbered("exactly.once.support", "required", "answer.exactly.once", answer));

        assertThat(errorsOf(infos, SourceConnectorConfig.EXACTLY_ONCE_SUPPORT)).singleElement().asString().startsWith(error);
        assertThat(infos.errorCount()).isEqualTo(1);
    }

    @Test
    void shouldRefuseRequiredExactlyOnceOnAWorkerWithoutIt() {
        ConfigInfos infos = validate(distributed("preparing"), numbered("exactly.once.support", "REQUIRED"));

        assertThat(errorsOf(infos, SourceConnectorConfig.EXACTLY_ONCE_SUPPORT))
                .containsExactly("This worker does not have exactly-once source support enabled.");
    }

    @Test
    void shouldNotAskTheConnectorWhenExactlyOnceIsOnlyRequested() {
        ConfigInfos infos = validate(distributed("enabled"), numbered("answer.exactly.once", "UNSUPPORTED"));

        assertThat(errorsOf(infos, SourceConnectorConfig.EXACTLY_ONCE_SUPPORT)).isEmpty();
    }

    @ParameterizedTest(name = "answer {0}")
    @CsvSource(delimiter = '|', value = {
            "UNSUPPORTED|The connector does not support connector-defined transaction boundaries with the given configuration.",
            "null|This connector has returned a null value from its canDefineTransactionBoundaries method, which is not permitted.",
            "throw|An unexpected error occurred during validation: cannot tell"})
    void shouldRefuseConnectorDefinedBoundariesUnlessTheConnectorCanDefineThem(String answer, String error) {
        ConfigInfos infos = validate(distributed("enabled"),
                numbered("transaction.boundary", "connector", "answer.transaction.boundaries", answer));

        assertThat(errorsOf(infos, SourceConnectorConfig.TRANSACTION_BOUNDARY)).singleElement().asString().startsWith(error);
    }

    @Test
    void shouldAcceptConnectorDefinedBoundariesFromAConnectorThatDefinesThem() {
        ConfigInfos infos = validate(distributed("enabled"), numbered("transaction.boundary", "Connector"));

        assertThat(infos.errorCount()).as("%s", allErrors(infos)).isZero();
    }

    @Test
    void shouldRefuseUnknownValuesAndANegativeInterval() {
        ConfigInfos infos = validate(distributed("enabled"), numbered("exactly.once.support", "maybe", "transaction.boundary", "never",
                "transaction.boundary.interval.ms", "-1"));

        assertThat(errorsOf(infos, SourceConnectorConfig.EXACTLY_ONCE_SUPPORT)).isNotEmpty();
        assertThat(errorsOf(infos, SourceConnectorConfig.TRANSACTION_BOUNDARY)).isNotEmpty();
        assertThat(errorsOf(infos, SourceConnectorConfig.TRANSACTION_BOUNDARY_INTERVAL_MS)).containsExactly(
                "Invalid value -1 for configuration transaction.boundary.interval.ms: Value must be at least 0");
    }

    @Test
    void shouldRefuseAConnectorOffsetsTopicOtherThanTheWorkers() {
        ConfigInfos other = validate(distributed("enabled"), numbered("offsets.storage.topic", "numbers-offsets"));
        ConfigInfos same = validate(distributed("enabled"), numbered("offsets.storage.topic", "connect-offsets"));

        assertThat(errorsOf(other, SourceConnectorConfig.OFFSETS_TOPIC)).singleElement().asString()
                .contains("worker's offsets topic").contains("offset.storage.topic=connect-offsets");
        assertThat(errorsOf(same, SourceConnectorConfig.OFFSETS_TOPIC)).isEmpty();
    }

    @Test
    void shouldCheckNoExactlyOnceRuleOnAStandaloneWorker() {
        try (ConnectorConfigValidator validator = new ConnectorConfigValidator(ValidationFixtures.PLUGINS, ValidationFixtures.worker())) {
            ConfigInfos infos = validator.validate(numbered("exactly.once.support", "required", "answer.exactly.once", "UNSUPPORTED",
                    "transaction.boundary", "connector", "answer.transaction.boundaries", "UNSUPPORTED", "offsets.storage.topic", "x"));

            assertThat(infos.errorCount()).as("%s", allErrors(infos)).isZero();
        }
    }

    @Test
    void shouldReadTheSettingsWithApacheDefaults() {
        SourceConnectorConfig defaults = new SourceConnectorConfig(numbered());
        SourceConnectorConfig interval = new SourceConnectorConfig(numbered("transaction.boundary", "INTERVAL",
                "transaction.boundary.interval.ms", "250", "exactly.once.support", "Required"));

        assertThat(defaults.transactionBoundary()).isEqualTo(SourceTask.TransactionBoundary.POLL);
        assertThat(defaults.exactlyOnceRequired()).isFalse();
        assertThat(defaults.transactionBoundaryIntervalMs(60_000)).isEqualTo(60_000);
        assertThat(defaults.offsetsTopic()).isEmpty();
        assertThat(interval.transactionBoundary()).isEqualTo(SourceTask.TransactionBoundary.INTERVAL);
        assertThat(interval.transactionBoundaryIntervalMs(60_000)).isEqualTo(250);
        assertThat(interval.exactlyOnceRequired()).isTrue();
    }
}
