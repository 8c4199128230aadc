package io.ferry.registry.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.ferry.kafka.support.membership.MembershipSettings;
import io.ferry.registry.cluster.LeaderForwarder;
import io.ferry.registry.cluster.RegistryCluster;
import io.ferry.registry.cluster.RequestForwarder;
import io.ferry.registry.compat.AvroCompatibilityChecker;
import io.ferry.registry.compat.CompatibilityChecker;
import io.ferry.registry.compat.CompatibilityCheckers;
import io.ferry.registry.compat.json.JsonSchemaCompatibilityChecker;
import io.ferry.registry.compat.protobuf.ProtobufCompatibilityChecker;
import io.ferry.registry.rest.NodeInfo;
import io.ferry.registry.rest.RegistryHttpServer;
import io.ferry.registry.schema.SchemaProvider;
import io.ferry.registry.schema.avro.AvroSchemaProvider;
import io.ferry.registry.schema.json.JsonSchemaProvider;
import io.ferry.registry.schema.protobuf.ProtobufSchemaProvider;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.service.SchemaTypes;
import io.ferry.registry.service.WriterRole;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.SchemasTopicCodec;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.kafka.KafkaTopicLog;
import io.ferry.registry.store.local.LocalFileLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry node, wired and running: the log replayed into the index, the group joined (Kafka
 * backend), the service, the HTTP server. {@link #start} returns once the node serves requests;
 * {@link #close} stops what it started, in reverse order.
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);
    private static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(30);

    private final List<AutoCloseable> parts;
    private final String url;
    private final int port;

    private RegistryServer(List<AutoCloseable> parts, String url, int port) {
        this.parts = parts;
        this.url = url;
        this.port = port;
    }

    /**
     * Starts a node.
     *
     * @param version Ferry's version, for /v1/metadata/version
     * @throws StoreException when the log cannot be opened or read
     */
    public static RegistryServer start(RegistryServerConfig config, String version) throws StoreException {
        long started = System.nanoTime();
        int port = config.port() == 0 ? freePort(config.host()) : config.port();
        String url = config.advertisedUrl() != null ? config.advertisedUrl() : "http://" + hostForUrl(config.host()) + ":" + port;
        List<AutoCloseable> parts = new ArrayList<>();
        // The HTTP stack takes about a second to set up: do it while the log replays.
        CompletableFuture<HttpStack> stack = CompletableFuture.supplyAsync(() -> HttpStack.prepare(config));
        try {
            RegistryIndex index = new RegistryIndex();
            Wiring wiring = config.backend() instanceof RegistryServerConfig.KafkaBackend kafka
                    ? kafka(kafka, config, url, index, parts)
                    : local((RegistryServerConfig.LocalBackend) config.backend(), index, parts);
            SchemaRegistryService service = new SchemaRegistryService(index, wiring.log(), wiring.role(), stack.join().types(), config.settings());
            NodeInfo info = new NodeInfo(wiring.kafkaClusterId(), wiring.groupId(), version, wiring.health());
            RegistryHttpServer http = new RegistryHttpServer(service, wiring.forwarder(), info, stack.join().metrics(index), config.maxRequestBytes())
                    .start(config.host(), port);
            parts.add(http);
            log.info("Schema registry serving at {} from {} (max id {}, started in {} ms)", url, wiring.log().describe(), index.maxId(),
                    (System.nanoTime() - started) / 1_000_000);
            return new RegistryServer(parts, "http://" + hostForUrl(config.host()) + ":" + port, port);
        } catch (StoreException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    /** What the node needs besides its log, made ready in parallel with the replay. */
    private record HttpStack(SchemaTypes types, PrometheusMeterRegistry registry) {

        static HttpStack prepare(RegistryServerConfig config) {
            SchemaTypes types = schemaTypes();
            PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
            new JvmMemoryMetrics().bindTo(metrics);
            new JvmThreadMetrics().bindTo(metrics);
            // Loads the HTTP and parsing classes now rather than on the first requests.
            RegistryHttpServer.warmUp();
            return new HttpStack(types, metrics);
        }

        PrometheusMeterRegistry metrics(RegistryIndex index) {
            Gauge.builder("ferry.registry.max.id", index, RegistryIndex::maxId)
                    .description("Highest schema id given").register(registry);
            Gauge.builder("ferry.registry.subjects", index, idx -> idx.subjects().size())
                    .description("Subjects with at least one version").register(registry);
            Gauge.builder("ferry.registry.log.applied.offset", index, RegistryIndex::appliedOffset)
                    .description("Position of the last log record applied").register(registry);
            return registry;
        }
    }

    /** What a backend contributes to the node. */
    private record Wiring(RegistryLog log, WriterRole role, RequestForwarder forwarder, String kafkaClusterId, String groupId,
                          Supplier<NodeInfo.Health> health) {
    }

    private static Wiring local(RegistryServerConfig.LocalBackend local, RegistryIndex index, List<AutoCloseable> parts) throws StoreException {
        LocalFileLog localLog = new LocalFileLog(local.logFile(), new SchemasTopicCodec());
        localLog.start(index, Duration.ofMinutes(5));
        parts.add(localLog);
        Supplier<NodeInfo.Health> health = () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backend", localLog.describe());
            details.put("leader", true);
            details.put("maxId", index.maxId());
            details.put("appliedOffset", index.appliedOffset());
            return new NodeInfo.Health(true, details);
        };
        return new Wiring(localLog, WriterRole.ALWAYS, RequestForwarder.NONE, null, "schema-registry", health);
    }

    private static Wiring kafka(RegistryServerConfig.KafkaBackend kafka, RegistryServerConfig config, String url, RegistryIndex index,
                                List<AutoCloseable> parts) throws StoreException {
        ClusterFacts facts = describeCluster(kafka);
        short replication = (short) Math.min(kafka.replicationFactor(), facts.brokers());
        if (replication < kafka.replicationFactor()) {
            log.warn("The cluster has {} broker(s); creating {} with replication factor {} instead of {}", facts.brokers(), kafka.topic(),
                    replication, kafka.replicationFactor());
        }
        MembershipSettings membership = MembershipSettings.builder(kafka.groupId(), RegistryCluster.identity(url))
                .clientConfig(kafka.clientConfig())
                .coordinationTopicReplication(replication)
                .eligible(kafka.leaderEligible())
                .sessionTimeout(kafka.sessionTimeout())
                .heartbeatInterval(kafka.heartbeatInterval())
                .build();
        RegistryCluster cluster = new RegistryCluster(membership, kafka.clientConfig());
        parts.add(cluster);
        KafkaTopicLog topicLog = new KafkaTopicLog(kafka.clientConfig(), kafka.topic(), replication, new SchemasTopicCodec(), cluster,
                config.settings().writeTimeout());
        topicLog.start(index, kafka.initTimeout());
        parts.add(topicLog);
        cluster.start(kafka.initTimeout());
        Supplier<NodeInfo.Health> health = () -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("backend", topicLog.describe());
            details.putAll(cluster.describe());
            details.put("maxId", index.maxId());
            details.put("positions", topicLog.positions());
            return new NodeInfo.Health(cluster.isMember(), details);
        };
        LeaderForwarder forwarder = new LeaderForwarder(cluster::writerUrl, FORWARD_TIMEOUT);
        return new Wiring(topicLog, cluster, forwarder, facts.clusterId(), kafka.groupId(), health);
    }

    private record ClusterFacts(String clusterId, int brokers) {
    }

    private static ClusterFacts describeCluster(RegistryServerConfig.KafkaBackend kafka) throws StoreException {
        try (Admin admin = Admin.create(kafka.clientConfig())) {
            DescribeClusterResult cluster = admin.describeCluster();
            long timeout = kafka.initTimeout().toMillis();
            return new ClusterFacts(cluster.clusterId().get(timeout, java.util.concurrent.TimeUnit.MILLISECONDS),
                    cluster.nodes().get(timeout, java.util.concurrent.TimeUnit.MILLISECONDS).size());
        } catch (java.util.concurrent.ExecutionException e) {
            throw new StoreException("cannot reach Kafka at " + kafka.clientConfig().get("bootstrap.servers") + ": " + e.getCause().getMessage(), e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new StoreException("cannot reach Kafka at " + kafka.clientConfig().get("bootstrap.servers") + " within "
                    + kafka.initTimeout().toMillis() + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while reaching Kafka", e);
        }
    }

    /** The schema types this registry serves: a parser and a compatibility checker for each. */
    private static SchemaTypes schemaTypes() {
        List<SchemaProvider> providers = List.of(
                new AvroSchemaProvider(),
                new JsonSchemaProvider(),
                new ProtobufSchemaProvider());
        List<CompatibilityChecker> checkers = List.of(
                new AvroCompatibilityChecker(),
                new JsonSchemaCompatibilityChecker(),
                new ProtobufCompatibilityChecker());
        return new SchemaTypes(providers, new CompatibilityCheckers(checkers));
    }

    /** A port that was free a moment ago: the node's URL must be known before it joins its group. */
    private static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }

    private static String hostForUrl(String host) {
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static void closeAll(List<AutoCloseable> parts) {
        List<AutoCloseable> reversed = new ArrayList<>(parts);
        Collections.reverse(reversed);
        for (AutoCloseable part : reversed) {
            try {
                part.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", part, e);
            }
        }
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        closeAll(parts);
    }
}
