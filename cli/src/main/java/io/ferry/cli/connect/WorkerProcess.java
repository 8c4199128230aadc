package io.ferry.cli.connect;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import io.ferry.cli.support.CliException;
import io.ferry.cli.support.ProcessLogging;
import io.ferry.cli.support.ShutdownSignals;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What the worker commands share: reading the worker file, and a startup that a stop request can interrupt. */
final class WorkerProcess {
    private static final Logger log = LoggerFactory.getLogger(WorkerProcess.class);
    /** How long a stop requested during startup waits for the startup to finish before giving up on it. */
    private static final long STARTUP_ABANDON_MS = 10_000;

    private WorkerProcess() {
    }

    /**
     * Runs a worker process: logs to the file, starts the worker (a stop asked for meanwhile is
     * honoured), prints {@code Connect worker ready at URL}, and closes the worker on SIGTERM or Ctrl-C.
     *
     * @return the exit code
     */
    static <T extends AutoCloseable> int run(PrintWriter out, Path logFile, boolean verbose, Supplier<T> start,
            Function<T, URI> restUrl) throws Exception {
        Path log = logFile.toAbsolutePath().normalize();
        Files.createDirectories(log.getParent());
        ProcessLogging.toFile(log, verbose);

        ShutdownSignals signals = ShutdownSignals.install();
        T worker = awaitStart(CompletableFuture.supplyAsync(start), signals);
        if (worker == null) {
            return 0;
        }
        try {
            out.println("Connect worker ready at " + restUrl.apply(worker));
            out.flush();
            signals.await();
        } finally {
            worker.close();
        }
        return 0;
    }

    /** @return null when a stop was requested during startup */
    static <T extends AutoCloseable> T awaitStart(CompletableFuture<T> starting, ShutdownSignals signals)
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

    static Map<String, String> workerSettings(Path file) {
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
