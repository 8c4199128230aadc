package io.ferry.cli.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.ferry.cli.support.CliException;
import io.ferry.cli.support.FerryVersion;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import io.ferry.connect.server.ConnectorFiles;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ferry connect standalone WORKER.properties [CONNECTOR.(properties|json)...]}: the arguments
 * of Apache Kafka Connect's {@code connect-standalone}, so existing files work unchanged.
 */
@Command(name = "standalone",
        description = {
            "Run a standalone Connect worker with the connectors of the given files.",
            "WORKER is a connect-standalone.properties file (bootstrap.servers, key.converter, value.converter,"
                    + " offset.storage.file.filename, plugin.path, listeners...). Each CONNECTOR file is a connector's"
                    + " .properties, or JSON as POST /connectors takes it. Prints 'Connect worker ready at URL' once the REST"
                    + " API serves; Ctrl-C or SIGTERM stops the connectors, commits their offsets and exits."
        },
        sortOptions = false,
        mixinStandardHelpOptions = true)
public final class StandaloneCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(StandaloneCommand.class);
    /** How long a stop requested during startup waits for the startup to finish before giving up on it. */
    private static final long STARTUP_ABANDON_MS = 10_000;

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "WORKER", description = "The worker's properties file.")
    private Path workerFile;

    @Parameters(index = "1..*", paramLabel = "CONNECTOR", description = "Connector config files (.properties or .json).")
    private List<Path> connectorFiles = new ArrayList<>();

    @Option(names = "--log-file", paramLabel = "FILE", defaultValue = "logs/connect.log",
            description = "Where the worker's log goes (default: ${DEFAULT-VALUE}).")
    private Path logFile;

    @Option(names = {"-v", "--verbose"}, description = "Also write the log to standard error.")
    private boolean verbose;

    @Override
    public Integer call() throws Exception {
        Map<String, String> settings = workerSettings(workerFile);
        List<ConnectorRequest> connectors = new ArrayList<>();
        for (Path file : connectorFiles) {
            connectors.add(read(file));
        }
        Path log = logFile.toAbsolutePath().normalize();
        Files.createDirectories(log.getParent());
        ProcessLogging.toFile(log, verbose);

        ShutdownSignals signals = ShutdownSignals.install();
        CompletableFuture<StandaloneConnect> starting = CompletableFuture.supplyAsync(
                () -> StandaloneConnect.start(settings, connectors, FerryVersion.current().ferry()));
        StandaloneConnect connect = awaitStart(starting, signals);
        if (connect == null) {
            return 0;
        }
        try {
            PrintWriter out = spec.commandLine().getOut();
            out.println("Connect worker ready at " + connect.restUrl());
            out.flush();
            signals.await();
        } finally {
            connect.close();
        }
        return 0;
    }

    /** @return null when a stop was requested during startup */
    private static StandaloneConnect awaitStart(CompletableFuture<StandaloneConnect> starting, ShutdownSignals signals)
            throws InterruptedException {
        while (!starting.isDone()) {
            if (signals.await(100)) {
                log.info("Stop requested during startup");
                try {
                    starting.get(STARTUP_ABANDON_MS, TimeUnit.MILLISECONDS).close();
                } catch (Exception e) {
                    log.warn("Startup did not finish within {} ms of the stop request; exiting without it", STARTUP_ABANDON_MS);
                }
                return null;
            }
        }
        try {
            return starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof ConfigException || cause instanceof ConnectException) {
                throw new CliException(cause.getMessage(), cause);
            }
            throw e;
        }
    }

    private static ConnectorRequest read(Path file) {
        try {
            return ConnectorFiles.read(file);
        } catch (ConfigException e) {
            throw new CliException(e.getMessage(), e);
        }
    }

    private static Map<String, String> workerSettings(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            throw new CliException("The worker file " + file + " does not exist");
        } catch (IOException | IllegalArgumentException e) {
            throw new CliException("The worker file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, String> settings = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key).trim()));
        return settings;
    }
}
