package io.ferry.connect.server;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.herder.standalone.StandaloneHerder;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.rest.ConnectRestServer;
import io.ferry.connect.storage.FileOffsetStore;
import io.ferry.connect.storage.MemoryConfigStore;
import io.ferry.connect.storage.MemoryStatusStore;
import io.ferry.connect.validation.ConnectorConfigValidator;
import io.ferry.connect.worker.task.TopicUseListener;
import io.ferry.connect.worker.Worker;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A standalone Connect worker, wired and running: plugins found, the Kafka cluster reached, the
 * worker and its herder started, the REST API listening, and the connectors it was started with
 * created. {@link #close} stops it all in reverse order, committing offsets on the way.
 */
public final class StandaloneConnect implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StandaloneConnect.class);

    private final List<AutoCloseable> parts;
    private final StandaloneHerder herder;
    private final URI restUrl;

    private StandaloneConnect(List<AutoCloseable> parts, StandaloneHerder herder, URI restUrl) {
        this.parts = parts;
        this.herder = herder;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker with these settings (a {@code connect-standalone.properties}) and creates
     * the connectors.
     *
     * @throws ConfigException naming the setting, for a setting that is missing or wrong
     * @throws ConnectException when the Kafka cluster cannot be reached or a connector cannot be created
     */
    public static StandaloneConnect start(Map<String, String> settings, List<ConnectorRequest> connectors, String version) {
        List<AutoCloseable> parts = new ArrayList<>();
        // Worker settings name classes (key.converter...) that may live on plugin.path: find the plugins first,
        // and parse with their loader as the context loader, as Apache Kafka Connect does.
        Plugins plugins = WorkerBootstrap.plugins(settings);
        parts.add(plugins);
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            return start(settings, connectors, version, plugins, parts);
        } catch (RuntimeException e) {
            WorkerBootstrap.closeAll(parts);
            throw e;
        }
    }

    /** The worker's settings, with a listener on port 0 given a free port and the standalone settings required. */
    private static WorkerConfig workerConfig(Map<String, String> settings) {
        WorkerConfig config = new WorkerConfig(WorkerBootstrap.withListenerPorts(settings));
        String offsetsFile = config.getString(WorkerConfig.OFFSET_STORAGE_FILE_FILENAME);
        if (offsetsFile == null || offsetsFile.isBlank()) {
            throw new ConfigException("Missing required configuration \"" + WorkerConfig.OFFSET_STORAGE_FILE_FILENAME
                    + "\" which has no default value.");
        }
        return config;
    }

    private static StandaloneConnect start(Map<String, String> settings, List<ConnectorRequest> connectors, String version,
            Plugins plugins, List<AutoCloseable> parts) {
        WorkerConfig config = workerConfig(settings);
        String offsetsFile = config.getString(WorkerConfig.OFFSET_STORAGE_FILE_FILENAME);
        // Bad listeners or TLS settings are refused at once, not after waiting for the Kafka cluster.
        ConnectRestServer.checkSettings(config);
        String clusterId = WorkerBootstrap.kafkaClusterId(config);
        URI advertised = WorkerBootstrap.advertisedUrl(config);
        String workerId = advertised.getHost() + ":" + advertised.getPort();
        ConnectMetrics metrics = new ConnectMetrics(workerId, config.originals(), Time.SYSTEM, clusterId);
        parts.add(metrics);
        ConfigProviders providers = ConfigProviders.from(config, plugins);
        parts.add(providers);
        MemoryStatusStore statuses = new MemoryStatusStore();
        TopicUseListener topics = statuses::addTopic;
        Worker worker = new Worker(new Worker.Settings(workerId, config, plugins, metrics,
                new FileOffsetStore(Path.of(offsetsFile)), providers, topics, Time.SYSTEM));
        ServerInfo info = new ServerInfo(AppInfoParser.getVersion(), AppInfoParser.getCommitId(), clusterId);
        ConnectorConfigValidator validator = new ConnectorConfigValidator(plugins, config, providers);
        parts.add(validator);
        StandaloneHerder herder = new StandaloneHerder(new StandaloneHerder.Settings(worker, new MemoryConfigStore(), statuses,
                validator, info));
        parts.add(herder);
        ConnectRestServer rest = WorkerBootstrap.restServer(herder, config, metrics, plugins);
        parts.add(rest);
        herder.start();
        for (ConnectorRequest connector : connectors) {
            create(herder, connector);
        }
        log.info("Ferry Connect {} standalone worker {} started with {} connector(s)", version, workerId, connectors.size());
        return new StandaloneConnect(parts, herder, rest.url());
    }

    private static void create(StandaloneHerder herder, ConnectorRequest connector) {
        try {
            herder.putConnectorConfig(connector.name(), connector.config(), connector.initialState(), false).get();
            log.info("Created connector {}", connector.name());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw new ConnectException("Failed to create connector " + connector.name() + ": " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while creating connector " + connector.name(), e);
        }
    }




    public StandaloneHerder herder() {
        return herder;
    }

    /** Where the REST API answers. */
    public URI restUrl() {
        return restUrl;
    }

    @Override
    public void close() {
        WorkerBootstrap.closeAll(parts);
    }

}
