package io.ferry.cli.dev;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.ferry.cli.support.CliException;
import io.ferry.cli.support.FerryVersion;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.kafka.embedded.EmbeddedKafkaNode;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.kafka.embedded.KafkaNodeConfig;
import io.ferry.kafka.embedded.KafkaNodeRole;
import io.ferry.kafka.embedded.KafkaStorage;
import io.ferry.kafka.embedded.LocalPorts;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry dev}: a single-node Kafka, a schema registry on a local log and a standalone Connect
 * worker whose converters use that registry, all in this process with their data under one folder.
 * Prints each service's address as it comes up, then {@code Ferry dev ready}; Ctrl-C or SIGTERM stops
 * them in reverse order. Everything found again at the next start: topics, schemas, source offsets.
 */
@Command(name = "dev",
        description = {
            "Run Kafka, the schema registry and a Connect worker in one process, for developing on a laptop.",
            "Data lives under --data-dir; the worker's key and value converters are Ferry's AvroConverter on the"
                    + " registry. Prints the three addresses and 'Ferry dev ready'; Ctrl-C or SIGTERM stops everything."
                    + " Connectors are created through the worker's REST API."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class DevCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(DevCommand.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".ferry/dev",
            description = "Where Kafka, the registry and the worker keep their data, and dev.log (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "9092",
            description = "Loopback port of the Kafka broker (default: ${DEFAULT-VALUE}); 0 picks a free port.")
    private int kafkaPort;

    @Option(names = "--registry-port", paramLabel = "PORT", defaultValue = "8081",
            description = "Loopback port of the schema registry (default: ${DEFAULT-VALUE}); 0 picks a free port.")
    private int registryPort;

    @Option(names = "--connect-port", paramLabel = "PORT", defaultValue = "8083",
            description = "Loopback port of the Connect worker's REST API (default: ${DEFAULT-VALUE}); 0 picks a free port.")
    private int connectPort;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path root = dataDir.toAbsolutePath().normalize();
        KafkaStorage.requireWritableDirectory(root);
        ProcessLogging.toFile(root.resolve("dev.log"), verbose);
        PrintWriter out = spec.commandLine().getOut();
        ShutdownSignals signals = ShutdownSignals.install();
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            EmbeddedKafkaNode kafka = startKafka(root.resolve("kafka"));
            running.push(kafka::stop);
            announce(out, "Kafka ready at " + kafka.bootstrapServers());
            if (signals.stopRequested()) {
                return 0;
            }
            RegistryServer registry = RegistryServer.start(
                    RegistryServerConfig.local(LOOPBACK, port(registryPort), root.resolve("registry")), FerryVersion.current().ferry());
            running.push(registry);
            announce(out, "Schema registry ready at " + registry.url());
            if (signals.stopRequested()) {
                return 0;
            }
            StandaloneConnect connect = startConnect(root.resolve("connect"), kafka.bootstrapServers(), registry.url());
            running.push(connect);
            announce(out, "Connect worker ready at " + connect.restUrl());
            announce(out, "Ferry dev ready (data in " + root + "); Ctrl-C stops it");
            signals.await();
        } finally {
            stopAll(running);
        }
        return 0;
    }

    private EmbeddedKafkaNode startKafka(Path dir) {
        KafkaNodeConfig config = KafkaNodeConfig.builder()
                .nodeId(1)
                .role(KafkaNodeRole.COMBINED)
                .listener(new HostPort(LOOPBACK, port(kafkaPort)))
                .controller(1, new HostPort(LOOPBACK, LocalPorts.pickFree(LOOPBACK)))
                .logDir(dir.resolve("data"))
                .properties(Map.of("group.initial.rebalance.delay.ms", "0"))
                .build();
        EmbeddedKafkaNode node = EmbeddedKafkaNode.prepare(config, Optional.empty());
        node.start(Duration.ofSeconds(120));
        return node;
    }

    private StandaloneConnect startConnect(Path dir, String bootstrap, String registryUrl) throws Exception {
        Files.createDirectories(dir);
        Map<String, String> worker = new LinkedHashMap<>();
        worker.put("bootstrap.servers", bootstrap);
        worker.put("listeners", "http://" + LOOPBACK + ":" + port(connectPort));
        for (String side : List.of("key", "value")) {
            worker.put(side + ".converter", "io.ferry.serde.connect.AvroConverter");
            worker.put(side + ".converter.schema.registry.url", registryUrl);
        }
        worker.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        worker.put("offset.flush.interval.ms", "5000");
        Path plugins = dir.resolve("plugins");
        Files.createDirectories(plugins);
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

    private static void announce(PrintWriter out, String line) {
        out.println(line);
        out.flush();
        log.info(line);
    }

    private static void stopAll(Deque<AutoCloseable> running) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                log.warn("Stopping a dev service failed", e);
            }
        }
    }
}
