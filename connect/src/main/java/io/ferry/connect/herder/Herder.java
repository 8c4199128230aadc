package io.ferry.connect.herder;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.plugins.PluginDesc;

/**
 * What a worker's users can ask of it: the operations behind Apache Kafka Connect's REST API.
 *
 * <p>Operations that change state, or that may need another worker, answer with a future; it
 * completes exceptionally with {@link org.apache.kafka.connect.errors.NotFoundException} for an
 * unknown connector or task, {@link org.apache.kafka.connect.errors.AlreadyExistsException} for a
 * name in use, {@link BadRequestException} for a request that cannot be done as asked (an invalid
 * config, offsets of a connector that is not stopped), {@link ConflictException} while the worker
 * cannot decide (starting, rebalancing). Reads of statuses answer directly from the latest known
 * state. Every method is thread-safe.
 */
public interface Herder {

    /** Whether startup is over and requests are served. */
    boolean ready();

    ServerInfo serverInfo();

    /** The names of the connectors, sorted. */
    CompletableFuture<List<String>> connectors();

    CompletableFuture<ConnectorInfo> connectorInfo(String connector);

    /** The config as it was submitted: provider references unresolved. */
    CompletableFuture<Map<String, String>> connectorConfig(String connector);

    /**
     * Creates or (when {@code allowReplace}) replaces a connector's config after validating it.
     *
     * @param initialState the target state of a new connector; ignored for an existing one
     */
    CompletableFuture<Created<ConnectorInfo>> putConnectorConfig(String connector, Map<String, String> config,
            TargetState initialState, boolean allowReplace);

    /** Merges {@code patch} into the config: a null value removes its key. */
    CompletableFuture<ConnectorInfo> patchConnectorConfig(String connector, Map<String, String> patch);

    CompletableFuture<Void> deleteConnector(String connector);

    /** The task configs the connector's tasks run with. */
    CompletableFuture<List<TaskConfig>> taskConfigs(String connector);

    ConnectorStatus connectorStatus(String connector);

    TaskStatus taskStatus(TaskId task);

    /**
     * Restarts a connector and, when asked, its tasks.
     *
     * @return the status with the instances being restarted shown as RESTARTING
     */
    CompletableFuture<ConnectorStatus> restartConnector(String connector, boolean includeTasks, boolean onlyFailed);

    CompletableFuture<Void> restartTask(TaskId task);

    CompletableFuture<Void> pauseConnector(String connector);

    CompletableFuture<Void> resumeConnector(String connector);

    /** Stops the connector and its tasks, keeping its config: the state in which offsets may change. */
    CompletableFuture<Void> stopConnector(String connector);

    /** The topics the connector used since it started or its topics were last reset. */
    ActiveTopics activeTopics(String connector);

    void resetActiveTopics(String connector);

    CompletableFuture<ConnectorOffsets> connectorOffsets(String connector);

    /** Writes the given offsets; the connector must be STOPPED. A null offset removes its partition. */
    CompletableFuture<OffsetsAltered> alterConnectorOffsets(String connector, ConnectorOffsets offsets);

    /** Removes every offset of the connector; it must be STOPPED. */
    CompletableFuture<OffsetsAltered> resetConnectorOffsets(String connector);

    /** Validates a connector config without running it: the per-field errors, as Apache's validate answers. */
    ConfigInfos validateConnectorConfig(Map<String, String> config);

    /** The plugins of the worker, connectors first; only connectors when asked. */
    List<PluginDesc> plugins(boolean connectorsOnly);

    /** The config definition of a plugin, by class or alias. */
    List<ConfigKeyInfo> pluginConfig(String classOrAlias);
}
