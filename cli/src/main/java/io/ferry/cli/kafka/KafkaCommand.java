package io.ferry.cli.kafka;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.ferry.cli.support.HostPortConverter;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.kafka.embedded.EmbeddedKafkaNode;
import io.ferry.kafka.embedded.HostPort;
import io.ferry.kafka.embedded.KafkaNodeConfig;
import io.ferry.kafka.embedded.KafkaNodeRole;
import io.ferry.kafka.embedded.KafkaStorage;
import io.ferry.kafka.embedded.LocalPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ferry kafka}: formats the data directory on first start, runs a combined KRaft node,
 * prints one line once clients can connect, and stops cleanly on Ctrl-C or SIGTERM.
 */
@Command(name = "kafka",
        description = {
            "Run a single-node Apache Kafka: broker and KRaft controller in one process.",
            "Storage is formatted on first start and reused after; prints 'Kafka ready at HOST:PORT' once clients can"
                    + " connect; Ctrl-C or SIGTERM stops it cleanly. The log goes to DIR/server.log."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class KafkaCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(KafkaCommand.class);
    private static final String LOOPBACK = "127.0.0.1";

    @Spec
    private CommandSpec spec;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:9092", converter = HostPortConverter.class,
            description = "Address the broker listens on for clients (default: ${DEFAULT-VALUE}); port 0 picks a free port.")
    private HostPort listen;

    @Option(names = "--advertise", paramLabel = "HOST:PORT", converter = HostPortConverter.class,
            description = "Address clients are told to connect to (default: the --listen address).")
    private HostPort advertise;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = ".ferry/kafka",
            description = "Where Kafka keeps its data and log (default: ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "A broker setting as in server.properties, for example --set num.partitions=3; repeatable.")
    private Map<String, String> brokerSettings = new LinkedHashMap<>();

    @Option(names = "--ready-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "How long to wait for the broker to serve clients (default: ${DEFAULT-VALUE}).")
    private int readyTimeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        Path root = dataDir.toAbsolutePath().normalize();
        KafkaStorage.requireWritableDirectory(root);
        ProcessLogging.toFile(root.resolve("server.log"), verbose);

        HostPort listener = listen.port() == 0 ? listen.withPort(LocalPorts.pickFree(listen.host())) : listen;
        HostPort advertised = advertise != null ? advertise : listener.isWildcard() ? new HostPort(localHostName(), listener.port()) : listener;
        if (advertised.port() == 0) {
            advertised = advertised.withPort(listener.port());
        }
        KafkaNodeConfig config = KafkaNodeConfig.builder()
                .nodeId(1)
                .role(KafkaNodeRole.COMBINED)
                .listener(listener)
                .advertised(advertised)
                // Only this process talks to its controller: a loopback port chosen at each start.
                .controller(1, new HostPort(LOOPBACK, LocalPorts.pickFree(LOOPBACK)))
                .logDir(root.resolve("data"))
                .properties(brokerSettings)
                .build();

        ShutdownSignals signals = ShutdownSignals.install();
        EmbeddedKafkaNode node = EmbeddedKafkaNode.prepare(config, Optional.empty());
        node.start(Duration.ofSeconds(readyTimeoutSeconds));
        try {
            if (!signals.stopRequested()) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("Kafka ready at " + node.bootstrapServers());
                out.flush();
                log.info("Kafka ready at {} (cluster {}, data in {})", node.bootstrapServers(), node.clusterId(), root);
                signals.await();
            }
        } finally {
            node.stop();
        }
        return 0;
    }

    /** What clients elsewhere can reach a wildcard listener by: this machine's name. */
    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getCanonicalHostName();
        } catch (UnknownHostException e) {
            return LOOPBACK;
        }
    }
}
