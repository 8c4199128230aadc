package io.ferry.cli.dev;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.kafka.embedded.KafkaStorage;
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
        try (DevServices services = DevServices.start(root, new DevServices.Ports(kafkaPort, registryPort, connectPort),
                line -> announce(out, line), signals::stopRequested)) {
            if (services.connect() != null && !signals.stopRequested()) {
                announce(out, "Ferry dev ready (data in " + root + "); Ctrl-C stops it");
                signals.await();
            }
        }
        return 0;
    }

    private static void announce(PrintWriter out, String line) {
        out.println(line);
        out.flush();
        log.info(line);
    }
}
