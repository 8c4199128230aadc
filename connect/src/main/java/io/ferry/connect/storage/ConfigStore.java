package io.ferry.connect.storage;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.model.TargetState;

/**
 * Connector configs, their task configs and target states, as submitted (provider references
 * unresolved). The standalone herder keeps them in memory; distributed workers in a Kafka topic.
 * Used by the herder's owner thread; implementations are thread-safe nonetheless.
 */
public interface ConfigStore {

    Set<String> connectors();

    boolean contains(String connector);

    /** @return null when unknown */
    Map<String, String> connectorConfig(String connector);

    void putConnectorConfig(String connector, Map<String, String> config, TargetState targetState);

    /** Removes the connector, its task configs and target state. */
    void removeConnector(String connector);

    /** @return null when unknown */
    TargetState targetState(String connector);

    void putTargetState(String connector, TargetState targetState);

    /** The task configs, by task number; empty when the connector has none. */
    List<Map<String, String>> taskConfigs(String connector);

    void putTaskConfigs(String connector, List<Map<String, String>> configs);
}
