package io.ferry.kafka.embedded;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KRaft node running in this JVM through {@code kafka.server.KafkaRaftServer}, the class
 * {@code kafka-server-start.sh} runs.
 *
 * <p>Not thread-safe for concurrent {@link #start}/{@link #stop} calls from several threads; the
 * owner drives the lifecycle. A stopped node can be started again on the same storage.
 */
public final class EmbeddedKafkaNode implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaNode.class);

    private final KafkaNodeConfig config;
    private final String clusterId;
    private volatile KafkaRaftServer server;

    private EmbeddedKafkaNode(KafkaNodeConfig config, String clusterId) {
        this.config = config;
        this.clusterId = clusterId;
    }

    /**
     * Prepares a node: formats its log directory on first use, or checks that it belongs to
     * {@code clusterId} when one is given.
     */
    public static EmbeddedKafkaNode prepare(KafkaNodeConfig config, Optional<String> clusterId) {
        String id = KafkaStorage.formatIfNeeded(config, clusterId);
        return new EmbeddedKafkaNode(config, id);
    }

    public KafkaNodeConfig config() {
        return config;
    }

    public String clusterId() {
        return clusterId;
    }

    public int nodeId() {
        return config.nodeId();
    }

    /** The address clients bootstrap from, {@code host:port}. */
    public String bootstrapServers() {
        return config.bootstrapServers();
    }

    public boolean isRunning() {
        return server != null;
    }

    /**
     * Starts the node and returns once it serves clients: the broker is registered, unfenced and
     * listed by the cluster's metadata.
     *
     * @throws EmbeddedKafkaException when the node cannot start; the message names the cause (a port
     *                                in use, a locked directory, a bad setting) and the node is left
     *                                stopped
     */
    public synchronized void start(Duration readyTimeout) {
        if (server != null) {
            return;
        }
        LocalPorts.requireBindable(config.listener(), "the broker listener");
        if (config.role() == KafkaNodeRole.COMBINED) {
            LocalPorts.requireBindable(config.controllerAddress(), "the controller listener");
        }
        KafkaConfig kafkaConfig;
        try {
            kafkaConfig = new KafkaConfig(config.toKafkaProperties(), false);
        } catch (ConfigException e) {
            throw new EmbeddedKafkaException("invalid broker setting: " + e.getMessage(), e);
        }
        KafkaRaftServer candidate = new KafkaRaftServer(kafkaConfig, Time.SYSTEM);
        try {
            candidate.startup();
            awaitServing(readyTimeout);
        } catch (RuntimeException e) {
            stopQuietly(candidate);
            throw StartupFailures.explain(e, config);
        }
        server = candidate;
        log.info("Kafka node {} ({}) serving at {} in cluster {}", config.nodeId(), config.role(), bootstrapServers(), clusterId);
    }

    private void awaitServing(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, Object> adminConfig = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.CLIENT_ID_CONFIG, "ferry-embedded-readiness-" + config.nodeId());
        Exception last = null;
        try (Admin admin = Admin.create(adminConfig)) {
            while (System.nanoTime() < deadline) {
                try {
                    for (Node node : admin.describeCluster().nodes().get(2, TimeUnit.SECONDS)) {
                        if (node.id() == config.nodeId()) {
                            return;
                        }
                    }
                } catch (ExecutionException | TimeoutException e) {
                    last = e;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new EmbeddedKafkaException("interrupted while waiting for Kafka node " + config.nodeId(), e);
                }
                sleep(50);
            }
        }
        throw new EmbeddedKafkaException("Kafka node " + config.nodeId() + " at " + bootstrapServers()
                + " did not become ready within " + timeout.toMillis() + " ms"
                + (last != null ? " (last error: " + last.getMessage() + ")" : ""), last);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EmbeddedKafkaException("interrupted while waiting for Kafka", e);
        }
    }

    /** Controlled shutdown: partitions move away, logs are flushed, the directory lock is released. */
    public synchronized void stop() {
        KafkaRaftServer running = server;
        if (running == null) {
            return;
        }
        server = null;
        running.shutdown();
        running.awaitShutdown();
        log.info("Kafka node {} stopped", config.nodeId());
    }

    private static void stopQuietly(KafkaRaftServer candidate) {
        try {
            candidate.shutdown();
            candidate.awaitShutdown();
        } catch (RuntimeException e) {
            log.debug("Shutdown after a failed start also failed", e);
        }
    }

    @Override
    public void close() {
        stop();
    }
}
