package io.ferry.connect.server;

import java.net.URI;
import java.time.Clock;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.logging.LoggerLevels;
import io.ferry.connect.metrics.ConnectMetrics;
import io.ferry.connect.rest.ConnectRestServer;
import io.ferry.connect.rest.extension.RestExtensions;
import io.ferry.connect.plugins.PluginDiscoveryMode;
import io.ferry.connect.plugins.Plugins;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every kind of worker does the same way before it has a herder: find the plugins, give a
 * listener on port 0 a free port, reach the Kafka cluster, work out the URL it advertises; and
 * closing its parts in reverse order.
 */
final class WorkerBootstrap {
    private static final Logger log = LoggerFactory.getLogger(WorkerBootstrap.class);
    private static final long CLUSTER_TIMEOUT_MS = 30_000;

    private WorkerBootstrap() {
    }

    /** The plugins of {@code plugin.path} and the classpath, found the way {@code plugin.discovery} says. */
    static Plugins plugins(Map<String, String> settings) {
        return Plugins.discover(pluginPath(settings.get(WorkerConfig.PLUGIN_PATH)),
                PluginDiscoveryMode.fromConfig(settings.getOrDefault(WorkerConfig.PLUGIN_DISCOVERY, "hybrid_warn")));
    }

    /** The settings with every listener on port 0 given a free port, so the URL the worker advertises is real. */
    static Map<String, String> withListenerPorts(Map<String, String> settings) {
        Map<String, String> withPorts = new HashMap<>(settings);
        WorkerConfig given = new WorkerConfig(settings);
        withPorts.put(WorkerConfig.LISTENERS, String.join(",", ListenerPorts.resolve(given.getList(WorkerConfig.LISTENERS))));
        return withPorts;
    }

    private static List<Path> pluginPath(String entries) {
        if (entries == null || entries.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(entries.split(",")).map(String::trim).filter(entry -> !entry.isEmpty()).map(Path::of).toList();
    }

    static String kafkaClusterId(WorkerConfig config) {
        try (Admin admin = Admin.create(config.clientConfig())) {
            return admin.describeCluster().clusterId().get(CLUSTER_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ConnectException("Could not reach the Kafka cluster at " + config.getList(WorkerConfig.BOOTSTRAP_SERVERS)
                    + " (bootstrap.servers) within " + CLUSTER_TIMEOUT_MS / 1000 + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while reaching the Kafka cluster", e);
        }
    }

    /** The URL others reach this worker at: rest.advertised.* over the listeners, as the REST server gives it. */
    static URI advertisedUrl(WorkerConfig config) {
        return ConnectRestServer.advertisedUrl(config);
    }

    /** The REST API of a worker, listening: its herder, the process's log levels, its metrics, its REST extensions. */
    static ConnectRestServer restServer(Herder herder, WorkerConfig config, ConnectMetrics metrics, Plugins plugins) {
        RestExtensions extensions = RestExtensions.load(config, plugins, herder, ConnectRestServer.DEFAULT_REQUEST_TIMEOUT);
        try {
            return ConnectRestServer.builder(herder, config)
                    .restExtensions(extensions)
                    .loggerLevels(LoggerLevels.ofProcess(Clock.systemUTC()))
                    .metrics(metrics::prometheusText)
                    .topicTracking(config.getBoolean(WorkerConfig.TOPIC_TRACKING_ENABLE), config.getBoolean(WorkerConfig.TOPIC_TRACKING_ALLOW_RESET))
                    .build()
                    .start();
        } catch (RuntimeException e) {
            extensions.close();
            throw e;
        }
    }

    static void closeAll(List<AutoCloseable> parts) {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                log.warn("Could not close {}", parts.get(i), e);
            }
        }
    }
}
