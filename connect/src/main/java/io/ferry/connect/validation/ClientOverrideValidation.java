package io.ferry.connect.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.SinkConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.herder.ConfigInfos;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.connector.Connector;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigOverridePolicy;
import org.apache.kafka.connect.connector.policy.ConnectorClientConfigRequest;
import org.apache.kafka.connect.health.ConnectorType;

/**
 * Checks a connector's client overrides ({@code producer.override.*}, {@code consumer.override.*},
 * {@code admin.override.*}) against the worker's override policy, for the clients the connector
 * will have: a producer for a source (or a sink with a dead letter queue), a consumer for a sink, an
 * admin client for a source that creates topics (or a sink with a dead letter queue).
 */
final class ClientOverrideValidation {

    /** A client a connector may have: its kind, the prefix of its overrides, its settings' definition. */
    record Client(ConnectorClientConfigRequest.ClientType type, String prefix, ConfigDef definition) {
    }

    static final Client PRODUCER = new Client(ConnectorClientConfigRequest.ClientType.PRODUCER,
            ConnectorConfig.PRODUCER_OVERRIDES_PREFIX, ProducerConfig.configDef());
    static final Client CONSUMER = new Client(ConnectorClientConfigRequest.ClientType.CONSUMER,
            ConnectorConfig.CONSUMER_OVERRIDES_PREFIX, ConsumerConfig.configDef());
    static final Client ADMIN = new Client(ConnectorClientConfigRequest.ClientType.ADMIN,
            ConnectorConfig.ADMIN_OVERRIDES_PREFIX, AdminClientConfig.configDef());

    private final ConnectorClientConfigOverridePolicy policy;

    ClientOverrideValidation(ConnectorClientConfigOverridePolicy policy) {
        this.policy = policy;
    }

    /** One section per client the connector has, in Apache's order: producer, consumer, admin. */
    List<ConfigInfos> validate(Map<String, String> props, ConnectorType type, Class<? extends Connector> connectorClass) {
        List<ConfigInfos> sections = new ArrayList<>();
        for (Client client : clientsOf(props, type)) {
            sections.add(validate(props, type, connectorClass, client));
        }
        return sections;
    }

    /** The clients a connector of this type with these settings has. */
    static List<Client> clientsOf(Map<String, String> props, ConnectorType type) {
        boolean source = type == ConnectorType.SOURCE;
        boolean deadLetterQueue = !isBlank(props.get(SinkConnectorConfig.DLQ_TOPIC_NAME));
        List<Client> clients = new ArrayList<>();
        if (source || deadLetterQueue) {
            clients.add(PRODUCER);
        }
        if (!source) {
            clients.add(CONSUMER);
        }
        boolean createsTopics = props.get(SourceConnectorConfig.TOPIC_CREATION_PREFIX + SourceConnectorConfig.DEFAULT_GROUP
                + "." + SourceConnectorConfig.REPLICATION_FACTOR) != null;
        if (source ? createsTopics : deadLetterQueue) {
            clients.add(ADMIN);
        }
        return clients;
    }

    private ConfigInfos validate(Map<String, String> props, ConnectorType type, Class<? extends Connector> connectorClass, Client client) {
        Map<String, Object> overrides = new HashMap<>();
        List<ConfigValue> unparsable = new ArrayList<>();
        ConverterValidation.withoutPrefix(props, client.prefix()).forEach((name, raw) -> {
            ConfigDef.ConfigKey key = client.definition().configKeys().get(name);
            try {
                overrides.put(name, key != null ? ConfigDef.parseType(name, raw, key.type) : raw);
            } catch (ConfigException e) {
                ConfigValue value = new ConfigValue(name, raw, new ArrayList<>(), new ArrayList<>());
                value.addErrorMessage(e.getMessage());
                unparsable.add(value);
            }
        });
        ConnectorClientConfigRequest request = new ConnectorClientConfigRequest(props.get(ConnectorConfig.NAME), type, connectorClass,
                overrides, client.type());
        List<ConfigValue> values = new ArrayList<>();
        List<ConfigValue> judged = policy.validate(request);
        if (judged != null) {
            values.addAll(judged);
        }
        values.addAll(unparsable);
        return ConfigInfosBuilder.prefixed(client.definition().configKeys(), values, client.prefix());
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
