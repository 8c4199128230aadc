package io.ferry.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.ferry.kafka.embedded.EmbeddedKafkaException;
import io.ferry.kafka.embedded.EmbeddedKafkaNode;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.kafka.embedded.KafkaNodeConfig;
import io.ferry.kafka.embedded.KafkaNodeRole;
import io.ferry.kafka.embedded.LocalPorts;

/**
 * In-process brokers: node 1 is combined (broker and the quorum's single controller), nodes 2..N
 * are brokers that join it. All listen on 127.0.0.1 on free ports.
 */
final class EmbeddedBrokers implements BrokerBackend {
    private static final String HOST = "127.0.0.1";
    private static final int PORT_ATTEMPTS = 3;

    private final Map<Integer, EmbeddedKafkaNode> nodes;
    private final Path dataDir;
    private final boolean deleteDataOnClose;
    private final Duration startTimeout;

    private EmbeddedBrokers(Map<Integer, EmbeddedKafkaNode> nodes, Path dataDir, boolean deleteDataOnClose, Duration startTimeout) {
        this.nodes = nodes;
        this.dataDir = dataDir;
        this.deleteDataOnClose = deleteDataOnClose;
        this.startTimeout = startTimeout;
    }

    static EmbeddedBrokers start(int count, Map<String, String> overrides, Path dataDir, boolean deleteDataOnClose, Duration timeout) {
        EmbeddedKafkaException last = null;
        for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
            Map<Integer, EmbeddedKafkaNode> nodes = prepare(count, withClusterDefaults(count, overrides), dataDir);
            try {
                startAll(nodes, timeout);
                return new EmbeddedBrokers(nodes, dataDir, deleteDataOnClose, timeout);
            } catch (EmbeddedKafkaException e) {
                nodes.values().forEach(EmbeddedKafkaNode::stop);
                if (!e.getMessage().contains("already in use")) {
                    deleteQuietly(dataDir, deleteDataOnClose);
                    throw e;
                }
                last = e; // another process took a port we picked; pick again
            }
        }
        deleteQuietly(dataDir, deleteDataOnClose);
        throw last;
    }

    private static Map<String, String> withClusterDefaults(int count, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        String replicas = Integer.toString(Math.min(count, 3));
        settings.put("offsets.topic.replication.factor", replicas);
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", replicas);
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.replication.factor", replicas);
        // Lets group-membership tests use short sessions (Kafka's default minimum is 6 s).
        settings.put("group.min.session.timeout.ms", "1000");
        // A restarted broker may register again only once its old session expired (default 9 s).
        settings.put("broker.heartbeat.interval.ms", "500");
        settings.put("broker.session.timeout.ms", "2500");
        settings.putAll(overrides);
        return settings;
    }

    private static Map<Integer, EmbeddedKafkaNode> prepare(int count, Map<String, String> settings, Path root) {
        HostPort controller = new HostPort(HOST, LocalPorts.pickFree(HOST));
        Map<Integer, EmbeddedKafkaNode> nodes = new LinkedHashMap<>();
        Optional<String> clusterId = Optional.empty();
        for (int id = 1; id <= count; id++) {
            KafkaNodeConfig config = KafkaNodeConfig.builder()
                    .nodeId(id)
                    .role(id == 1 ? KafkaNodeRole.COMBINED : KafkaNodeRole.BROKER)
                    .listener(new HostPort(HOST, LocalPorts.pickFree(HOST)))
                    .controller(1, controller)
                    .logDir(root.resolve("node-" + id))
                    .properties(settings)
                    .build();
            EmbeddedKafkaNode node = EmbeddedKafkaNode.prepare(config, clusterId);
            clusterId = Optional.of(node.clusterId());
            nodes.put(id, node);
        }
        return nodes;
    }

    private static void startAll(Map<Integer, EmbeddedKafkaNode> nodes, Duration timeout) {
        nodes.get(1).start(timeout);
        List<CompletableFuture<Void>> others = new ArrayList<>();
        for (EmbeddedKafkaNode node : nodes.values()) {
            if (node.nodeId() != 1) {
                others.add(CompletableFuture.runAsync(() -> node.start(timeout)));
            }
        }
        try {
            CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    @Override
    public String bootstrapServers() {
        return nodes.values().stream().map(EmbeddedKafkaNode::bootstrapServers).collect(Collectors.joining(","));
    }

    @Override
    public Map<String, Object> clientConfig() {
        return Map.of();
    }

    @Override
    public int brokerCount() {
        return nodes.size();
    }

    @Override
    public boolean isExternal() {
        return false;
    }

    @Override
    public void stopBroker(int nodeId) {
        node(nodeId).stop();
    }

    @Override
    public void startBroker(int nodeId) {
        node(nodeId).start(startTimeout);
    }

    private EmbeddedKafkaNode node(int nodeId) {
        EmbeddedKafkaNode node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("no broker with node id " + nodeId + "; this cluster has ids " + nodes.keySet());
        }
        return node;
    }

    @Override
    public void close() {
        List<EmbeddedKafkaNode> reversed = new ArrayList<>(nodes.values());
        java.util.Collections.reverse(reversed);
        RuntimeException failure = null;
        for (EmbeddedKafkaNode node : reversed) {
            try {
                node.stop();
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        deleteQuietly(dataDir, deleteDataOnClose);
        if (failure != null) {
            throw failure;
        }
    }

    private static void deleteQuietly(Path dir, boolean enabled) {
        if (!enabled || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Leftovers in a temporary directory do not fail a test run.
        }
    }
}
