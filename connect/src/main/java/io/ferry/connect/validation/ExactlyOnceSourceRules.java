package io.ferry.connect.validation;

import java.util.Map;
import java.util.Optional;

import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exactly-once rules (KIP-618) a distributed worker checks for a source connector, reported
 * against the key they concern, with Apache Kafka Connect's messages: {@code exactly.once.support=required}
 * needs the worker's exactly-once support and the connector's SUPPORTED; {@code transaction.boundary=connector}
 * needs a connector that can define its transactions; and {@code offsets.storage.topic}, when set,
 * must be the worker's own offsets topic, since Ferry keeps every connector's offsets there.
 * Standalone workers check none of this, as Apache's do not.
 */
final class ExactlyOnceSourceRules {
    private static final Logger log = LoggerFactory.getLogger(ExactlyOnceSourceRules.class);

    private ExactlyOnceSourceRules() {
    }

    static void check(DistributedWorkerConfig worker, SourceConnector connector, Map<String, String> props,
            Map<String, ConfigValue> validated) {
        checkExactlyOnceSupport(worker, connector, props, validated.get(SourceConnectorConfig.EXACTLY_ONCE_SUPPORT));
        checkTransactionBoundary(connector, props, validated.get(SourceConnectorConfig.TRANSACTION_BOUNDARY));
        checkOffsetsTopic(worker, validated.get(SourceConnectorConfig.OFFSETS_TOPIC));
    }

    private static void checkExactlyOnceSupport(DistributedWorkerConfig worker, SourceConnector connector, Map<String, String> props,
            ConfigValue setting) {
        if (setting == null || !setting.errorMessages().isEmpty() || !"required".equalsIgnoreCase(String.valueOf(setting.value()).trim())) {
            return;
        }
        if (!worker.exactlyOnceSourceSupport().tasksUseTransactions()) {
            setting.addErrorMessage("This worker does not have exactly-once source support enabled.");
        }
        try {
            ExactlyOnceSupport support = connector.exactlyOnceSupport(props);
            if (support == null) {
                setting.addErrorMessage("The connector does not implement the API required for preflight validation of exactly-once "
                        + "source support. Please consult the documentation for the connector to determine whether it supports "
                        + "exactly-once semantics, and then consider reconfiguring the connector to use the value \"requested\" "
                        + "for this property (which will disable this preflight check and allow the connector to be created).");
            } else if (support == ExactlyOnceSupport.UNSUPPORTED) {
                setting.addErrorMessage("The connector does not support exactly-once semantics with the provided configuration.");
            }
        } catch (RuntimeException e) {
            log.error("Failed while validating connector support for exactly-once semantics", e);
            setting.addErrorMessage(unexpected(e));
        }
    }

    private static void checkTransactionBoundary(SourceConnector connector, Map<String, String> props, ConfigValue setting) {
        if (setting == null || !setting.errorMessages().isEmpty()
                || SourceTask.TransactionBoundary.fromProperty(String.valueOf(setting.value()).trim()) != SourceTask.TransactionBoundary.CONNECTOR) {
            return;
        }
        try {
            ConnectorTransactionBoundaries boundaries = connector.canDefineTransactionBoundaries(props);
            if (boundaries == null) {
                setting.addErrorMessage("This connector has returned a null value from its canDefineTransactionBoundaries method, which "
                        + "is not permitted. The connector will be treated as if it cannot define its own transaction boundaries, and "
                        + "cannot be configured with '" + SourceConnectorConfig.TRANSACTION_BOUNDARY + "' set to 'connector'.");
            } else if (boundaries != ConnectorTransactionBoundaries.SUPPORTED) {
                setting.addErrorMessage("The connector does not support connector-defined transaction boundaries with the given "
                        + "configuration. Please reconfigure it to use a different transaction boundary definition.");
            }
        } catch (RuntimeException e) {
            log.error("Failed while validating connector support for defining its own transaction boundaries", e);
            setting.addErrorMessage(unexpected(e));
        }
    }

    private static void checkOffsetsTopic(DistributedWorkerConfig worker, ConfigValue setting) {
        if (setting == null || !setting.errorMessages().isEmpty()) {
            return;
        }
        Optional<String> topic = Optional.ofNullable(setting.value()).map(Object::toString).map(String::trim).filter(t -> !t.isEmpty());
        String workerTopic = worker.getString(DistributedWorkerConfig.OFFSET_TOPIC);
        if (topic.isPresent() && !topic.get().equals(workerTopic)) {
            setting.addErrorMessage("Ferry keeps every connector's offsets in the worker's offsets topic ("
                    + DistributedWorkerConfig.OFFSET_TOPIC + "=" + workerTopic + "); a separate offsets topic per connector is not "
                    + "supported. Remove this setting or set it to '" + workerTopic + "'.");
        }
    }

    private static String unexpected(RuntimeException e) {
        String message = e.getMessage();
        return message != null && !message.isBlank() ? "An unexpected error occurred during validation: " + message.trim()
                : "An unexpected error occurred during validation; please see the worker logs for more details.";
    }
}
