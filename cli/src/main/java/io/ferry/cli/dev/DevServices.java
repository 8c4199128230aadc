package io.ferry.cli.dev;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.ferry.cli.support.CliException;
import io.ferry.cli.support.FerryVersion;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.kafka.embedded.EmbeddedKafkaNode;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.kafka.embedded.KafkaNodeConfig;
import io.ferry.kafka.embedded.KafkaNodeRole;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, the schema registry and a Connect worker in this process, with their data under one folder:
 * {@code kafka/}, {@code registry/}, {@code connect/}. The worker's key and value converters are Ferry's
 * AvroConverter on the registry. {@link #close()} stops them in reverse order.
 */
public final class DevServices implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DevServices.class);
    private static final String LOOPBACK = "127.0.0.1";

    /** Loopback ports of the three services; 0 picks a free one. */
    public record Ports(int kafka, int registry, int connect) {

        /** The usual ports (9092, 8081, 8083) where they are free, free ones where they are taken. */
        public static Ports usualWhereFree() {
            return new Ports(freeOrAny(9092), freeOrAny(8081), freeOrAny(8083));
        }

        private static int freeOrAny(int port) {
            try (java.net.ServerSocket socket = new java.net.ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new java.net.InetSocketAddress(LOOPBACK, port));
                return port;
            } catch (java.io.IOException taken) {
                return 0;
            }
        }
    }

    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private EmbeddedKafkaNode kafka;
    private RegistryServer registry;
    private StandaloneConnect connect;

    private DevServices() {
    }

    /**
     * Starts the three services one after another, telling {@code ready} each one's ready line; stops
     * early (returning what runs) when {@code stopRequested} says so between two of them.
     */
    public static DevServices start(Path root, Ports ports, Consumer<String> ready, java.util.function.BooleanSupplier stopRequested)
            throws Exception {
        DevServices services = new DevServices();
        try {
            services.kafka = startKafka(root.resolve("kafka"), port(ports.kafka()));
            services.running.push(services.kafka::stop);
            ready.accept("Kafka ready at " + services.kafka.bootstrapServers());
            if (stopRequested.getAsBoolean()) {
                return services;
            }
            services.registry = RegistryServer.start(RegistryServerConfig.local(LOOPBACK, port(ports.registry()), root.resolve("registry")),
                    FerryVersion.current().ferry());
            services.running.push(services.registry);
            ready.accept("Schema registry ready at " + services.registry.url());
            if (stopRequested.getAsBoolean()) {
                return services;
            }
            services.connect = startConnect(root.resolve("connect"), services.kafka.bootstrapServers(), services.registry.url(),
                    port(ports.connect()));
            services.running.push(services.connect);
            ready.accept("Connect worker ready at " + services.connect.restUrl());
            return services;
        } catch (Exception | Error e) {
            services.close();
            throw e;
        }
    }

    /** Null when a stop came before Kafka was up. */
    public EmbeddedKafkaNode kafka() {
        return kafka;
    }

    /** Null when a stop came before the registry was up. */
    public RegistryServer registry() {
        return registry;
    }

    /** Null when a stop came before the worker was up. */
    public StandaloneConnect connect() {
        return connect;
    }

    private static EmbeddedKafkaNode startKafka(Path dir, int port) {
        KafkaNodeConfig config = KafkaNodeConfig.builder()
                .nodeId(1)
                .role(KafkaNodeRole.COMBINED)
                .listener(new HostPort(LOOPBACK, port))
                .controller(1, new HostPort(LOOPBACK, LocalPorts.pickFree(LOOPBACK)))
                .logDir(dir.resolve("data"))
                .properties(Map.of("group.initial.rebalance.delay.ms", "0"))
                .build();
        EmbeddedKafkaNode node = EmbeddedKafkaNode.prepare(config, Optional.empty());
        node.start(Duration.ofSeconds(120));
        return node;
    }

    private static StandaloneConnect startConnect(Path dir, String bootstrap, String registryUrl, int port) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrap);
        worker.put("listeners", "http://" + LOOPBACK + ":" + port);
        for (String side : List.of("key", "value")) {
            worker.put(side + ".converter", "io.ferry.serde.connect.AvroConverter");
            worker.put(side + ".converter.schema.registry.url", registryUrl);
        }
        worker.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        worker.put("offset.flush.interval.ms", "5000");
        Path plugins = Files.createDirectories(dir.resolve("plugins"));
        worker.put("plugin.path", plugins.toString());
        try {
            return StandaloneConnect.start(worker, List.of(), FerryVersion.current().ferry());
        } catch (ConfigException | ConnectException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static int port(int configured) {
        return configured == 0 ? LocalPorts.pickFree(LOOPBACK) : configured;
    }

    /** Stops what runs, the worker first (committing its offsets), Kafka last. */
    @Override
    public void close() {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                log.warn("Stopping a dev service failed", e);
            }
        }
    }
}
