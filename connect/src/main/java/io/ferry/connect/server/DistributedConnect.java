package io.ferry.connect.server;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.ferry.connect.config.ConfigProviders;
import io.ferry.connect.config.DistributedWorkerConfig;
import io.ferry.connect.herder.ServerInfo;
import io.ferry.connect.herder.distributed.DistributedHerder;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.plugins.LoaderSwap;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.rest.ConnectRestServer;
import io.ferry.connect.rest.RestLeaderClient;
import io.ferry.connect.rest.WorkerHttpClient;
import io.ferry.connect.storage.kafka.KafkaConfigStore;
import io.ferry.connect.storage.kafka.KafkaOffsetStore;
import io.ferry.connect.storage.kafka.KafkaStatusStore;
import io.ferry.connect.validation.ConnectorConfigValidator;
import io.ferry.connect.worker.ExactlyOnceSources;
import io.ferry.connect.worker.Worker;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.AppInfoParser;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker of a distributed Connect cluster, wired and running: plugins found, the internal topics
 * read, the REST API listening, the group joined and the first plan applied. {@link #close} leaves
 * the group first (so the others take over at once), then stops the rest in reverse order.
 */
public final class DistributedConnect implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DistributedConnect.class);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final List<AutoCloseable> parts;
    private final DistributedHerder herder;
    private final URI restUrl;

    private DistributedConnect(List<AutoCloseable> parts, DistributedHerder herder, URI restUrl) {
        this.parts = parts;
        this.herder = herder;
        this.restUrl = restUrl;
    }

    /**
     * Starts a worker with these settings (a {@code connect-distributed.properties}).
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the setting, for a setting that is
     *         missing or wrong, internal topics that are not as they must be, or settings that clash
     *         with the other workers of the group
     * @throws org.apache.kafka.connect.errors.ConnectException when the Kafka cluster cannot be reached
     */
    @SuppressWarnings("try") // the swap is held for its effect: the plugins' loader as context loader
    public static DistributedConnect start(Map<String, String> settings, String version) {
        List<AutoCloseable> parts = new ArrayList<>();
        Plugins plugins = WorkerBootstrap.plugins(settings);
        parts.add(plugins);
        try (LoaderSwap swap = LoaderSwap.to(plugins.classLoader())) {
            return start(settings, version, plugins, parts);
        } catch (io.ferry.kafka.support.admin.TopicSetupException e) {
            // An internal topic that is not as it must be: the message names the topic and its setting.
            WorkerBootstrap.closeAll(parts);
            throw new ConfigException(e.getMessage());
        } catch (RuntimeException e) {
            WorkerBootstrap.closeAll(parts);
            throw e;
        }
    }

    private static DistributedConnect start(Map<String, String> settings, String version, Plugins plugins, List<AutoCloseable> parts) {
        DistributedWorkerConfig config = new DistributedWorkerConfig(WorkerBootstrap.withListenerPorts(settings));
        // Bad listeners or TLS settings are refused at once, not after waiting for the Kafka cluster.
        ConnectRestServer.checkSettings(config);
        String clusterId = WorkerBootstrap.kafkaClusterId(config);
        URI advertised = WorkerBootstrap.advertisedUrl(config);
        String workerId = config.getString(DistributedWorkerConfig.WORKER_ID) != null
                ? config.getString(DistributedWorkerConfig.WORKER_ID) : advertised.getHost() + ":" + advertised.getPort();
        ConnectMetrics metrics = new ConnectMetrics(workerId, config.originals(), Time.SYSTEM, clusterId);
        parts.add(metrics);
        ConfigProviders providers = ConfigProviders.from(config, plugins);
        parts.add(providers);
        AtomicInteger generation = new AtomicInteger(-1);
        KafkaStatusStore statuses = new KafkaStatusStore(KafkaStatusStore.Settings.from(config, workerId, generation::get));
        parts.add(statuses);
        statuses.start(START_TIMEOUT);
        KafkaOffsetStore offsets = new KafkaOffsetStore(KafkaOffsetStore.Settings.from(config));
        AtomicReference<DistributedHerder> herderOfWorker = new AtomicReference<>();
        Worker worker = new Worker(new Worker.Settings(workerId, config, plugins, metrics, offsets, providers, statuses::addTopic,
                Time.SYSTEM, ExactlyOnceSources.from(config).withStartCheck(task -> herderOfWorker.get().requireAssigned(task))));
        ServerInfo info = new ServerInfo(AppInfoParser.getVersion(), AppInfoParser.getCommitId(), clusterId);
        ConnectorConfigValidator validator = new ConnectorConfigValidator(plugins, config, providers);
        parts.add(validator);
        DistributedHerder herder = new DistributedHerder(new DistributedHerder.Settings(config, advertised, worker, statuses,
                (writer, listener) -> new KafkaConfigStore(KafkaConfigStore.Settings.from(config), writer, listener), validator, info,
                new RestLeaderClient(new WorkerHttpClient(config), ConnectRestServer.DEFAULT_REQUEST_TIMEOUT), generation));
        herderOfWorker.set(herder);
        parts.add(herder);
        ConnectRestServer rest = WorkerBootstrap.restServer(herder, config, metrics, plugins);
        // The REST API comes before the herder, as the leader may be asked for task configs while others join.
        parts.add(parts.indexOf(herder), rest);
        herder.start(START_TIMEOUT);
        log.info("Ferry Connect {} worker {} joined cluster {}", version, workerId, config.groupId());
        return new DistributedConnect(parts, herder, rest.url());
    }

    public DistributedHerder herder() {
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
