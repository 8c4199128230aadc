package io.ferry.connect.rest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.logging.LoggerLevels;
import io.ferry.connect.plugins.Plugins;
import io.ferry.connect.rest.extension.RestExtensions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the REST server on a free port before each test, over an {@link InMemoryHerder} and the
 * log levels of a private Logback context (so tests never change the process's logging), and stops
 * it after.
 */
final class RestServerExtension implements BeforeEachCallback, AfterEachCallback {
    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final Map<String, String> workerSettings = new HashMap<>();
    private Consumer<ConnectRestServer.Builder> customizer = builder -> { };
    private boolean loadsExtensions;
    private Plugins extensionPlugins;
    private InMemoryHerder herder;
    private LoggerContext logging;
    private ConnectRestServer server;
    private ConnectHttp http;
    final List<String> clusterLevelRequests = new ArrayList<>();

    RestServerExtension worker(String key, String value) {
        workerSettings.put(key, value);
        return this;
    }

    /**
     * Runs these REST extensions ({@code rest.extension.classes}), found on the classpath: the plugins
     * are scanned once for every test class, and closed when the tests end.
     */
    RestServerExtension restExtensions(String classes) {
        workerSettings.put(WorkerConfig.REST_EXTENSION_CLASSES, classes);
        this.loadsExtensions = true;
        return this;
    }

    /** The plugins on the classpath the REST extensions come from. */
    Plugins plugins() {
        return extensionPlugins;
    }

    RestServerExtension customize(Consumer<ConnectRestServer.Builder> customizer) {
        this.customizer = customizer;
        return this;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        herder = new InMemoryHerder();
        if (loadsExtensions) {
            extensionPlugins = context.getRoot().getStore(ExtensionContext.Namespace.create(RestServerExtension.class))
                    .computeIfAbsent(Plugins.class, type -> Plugins.onClasspath(), Plugins.class);
        }
        logging = new LoggerContext();
        logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(Level.INFO);
        logging.getLogger("io.ferry.connect.worker.Worker").setLevel(Level.WARN);
        LoggerLevels levels = new LoggerLevels(logging, Clock.fixed(NOW, ZoneOffset.UTC));
        WorkerConfig worker = workerConfig(workerSettings);
        ConnectRestServer.Builder builder = ConnectRestServer.builder(herder, worker)
                .loggerLevels(levels)
                .clusterLoggerLevels((namespace, level) -> clusterLevelRequests.add(namespace + "=" + level))
                .metrics(() -> "# TYPE ferry_up gauge\nferry_up 1.0\n")
                .requestTimeout(Duration.ofSeconds(5))
                .healthCheckTimeout(Duration.ofMillis(300));
        if (extensionPlugins != null) {
            builder.restExtensions(RestExtensions.load(worker, extensionPlugins, herder, Duration.ofSeconds(5)));
        }
        customizer.accept(builder);
        server = builder.build().start();
        http = new ConnectHttp(server.url());
    }

    static WorkerConfig workerConfig(Map<String, String> settings) {
        Map<String, String> props = new HashMap<>();
        props.put(WorkerConfig.KEY_CONVERTER, "org.apache.kafka.connect.json.JsonConverter");
        props.put(WorkerConfig.VALUE_CONVERTER, "org.apache.kafka.connect.json.JsonConverter");
        props.put(WorkerConfig.LISTENERS, "http://127.0.0.1:0");
        props.putAll(settings);
        return new WorkerConfig(props);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.close();
        logging.stop();
    }

    InMemoryHerder herder() {
        return herder;
    }

    ConnectRestServer server() {
        return server;
    }

    ConnectHttp http() {
        return http;
    }

    LoggerContext logging() {
        return logging;
    }
}
