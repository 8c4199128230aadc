package io.ferry.connect.rest;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.logging.ClusterLoggerLevels;
import io.ferry.connect.logging.LoggerLevels;
import io.ferry.connect.rest.extension.RestExtensions;
import io.ferry.connect.rest.jaxrs.JaxRsFilters;
import io.ferry.connect.rest.jaxrs.JaxRsResources;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker's REST API: Apache Kafka Connect's, on the worker's {@code listeners} (http and https), driving a
 * {@link Herder}; plus {@code GET /metrics} in Prometheus's text format.
 *
 * <p>Requests wait for the herder at most the request timeout (Apache's 90 s by default). Built with
 * {@link #builder}; {@link #start()} binds every listener (port 0 picks a free one); {@link #close()}
 * stops it. Thread-safe.
 */
public final class ConnectRestServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ConnectRestServer.class);

    /** Apache Kafka Connect's: long enough for a rebalance that waits a whole session timeout. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(90);
    public static final Duration DEFAULT_HEALTH_CHECK_TIMEOUT = Duration.ofSeconds(10);
    /** Larger request bodies are refused with 413. */
    static final long MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final WorkerConfig worker;
    private final List<Listeners.Listener> listeners;
    private final ListenerConnectors listenerConnectors;
    private final ExecutorService pluginWork;
    private final Javalin app;
    private final List<ServerConnector> connectors = new ArrayList<>();
    private final RestExtensions extensions;

    private ConnectRestServer(Builder builder) {
        this.worker = builder.worker;
        this.listeners = Listeners.parse(worker.getList(WorkerConfig.LISTENERS));
        Listeners.checkAdvertisedListener(worker);
        this.listenerConnectors = new ListenerConnectors(RestSsl.forListeners(worker), listeners);
        WorkerHttpClient otherWorkers = new WorkerHttpClient(worker);
        this.extensions = builder.extensions;
        this.pluginWork = Executors.newCachedThreadPool(daemonThreads("ferry-rest-plugins-"));
        Completion completion = new Completion(builder.requestTimeout, pluginWork);
        LoggerLevels levels = builder.loggerLevels != null ? builder.loggerLevels : LoggerLevels.ofProcess(Clock.systemUTC());
        ClusterLoggerLevels cluster = builder.clusterLoggerLevels != null ? builder.clusterLoggerLevels : ClusterLoggerLevels.local(levels);
        JaxRsResources resources = extensions == null || extensions.components().hasNoResources() ? null : new JaxRsResources(extensions.components());
        this.app = Javalin.create(config -> {
            configureServer(config);
            Predicate<Context> resourceAnswers = resources == null ? ctx -> false : resources::answers;
            new HttpBoundary(worker.getString(WorkerConfig.ACCESS_CONTROL_ALLOW_ORIGIN),
                    worker.getString(WorkerConfig.ACCESS_CONTROL_ALLOW_METHODS), resourceAnswers).register(config.routes);
            if (extensions != null && !extensions.components().hasNoFilters()) {
                new JaxRsFilters(extensions.components(), resourceAnswers).register(config.routes);
            }
            new ErrorMapping(new LeaderForwarding(otherWorkers, builder.requestTimeout, builder.herder::catchUp)).register(config.routes);
            new RootRoutes(builder.herder, builder.metrics, builder.healthCheckTimeout).register(config.routes);
            new ConnectorRoutes(builder.herder, completion).register(config.routes);
            new ConnectorControlRoutes(builder.herder, completion, builder.topicTracking, builder.topicTrackingReset).register(config.routes);
            new OffsetRoutes(builder.herder, completion).register(config.routes);
            new PluginRoutes(builder.herder, completion).register(config.routes);
            new LoggerRoutes(levels, cluster).register(config.routes);
            if (resources != null) {
                // After Ferry's routes, so that they answer first.
                resources.register(config.routes, config.unsafe.internalRouter);
            }
        });
    }

    /** A server for the herder, listening where the worker config says. */
    public static Builder builder(Herder herder, WorkerConfig worker) {
        return new Builder(herder, worker);
    }

    private void configureServer(JavalinConfig config) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = MAX_REQUEST_BYTES;
        config.http.prefer405over404 = true;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = true;
        config.jetty.modifyHttpConfiguration(http -> http.setSendServerVersion(false));
        for (Listeners.Listener listener : listeners) {
            config.jetty.addConnector((server, http) -> {
                ServerConnector connector = listenerConnectors.connector(server, http, listener);
                connectors.add(connector);
                return connector;
            });
        }
    }

    /**
     * Binds every listener and starts serving.
     *
     * @throws io.javalin.util.JavalinException when a listener cannot be bound
     */
    public ConnectRestServer start() {
        app.start();
        log.info("REST API listening at {}, advertised as {}", urls(), advertisedUrl());
        return this;
    }

    /** The URL of the first listener, with the port bound; for a listener on every interface, this machine's loopback. */
    public URI url() {
        return urls().get(0);
    }

    /** The URLs of every listener, in the order of {@code listeners}. */
    public List<URI> urls() {
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < listeners.size(); i++) {
            String host = listeners.get(i).host();
            urls.add(Listeners.url(listeners.get(i).protocol(), host.isEmpty() || host.equals("0.0.0.0") ? "127.0.0.1" : host, boundPort(i)));
        }
        return urls;
    }

    /** The URL given to other workers and shown as the worker id: {@code rest.advertised.*} over the listeners. */
    public URI advertisedUrl() {
        return Listeners.advertised(worker, listeners, this::boundPort);
    }

    /**
     * Checks the listeners and the TLS settings of https ones (the key store is read), without
     * binding anything, so that a worker refuses bad REST settings before it reaches Kafka.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the setting, for listeners that cannot be served
     */
    public static void checkSettings(WorkerConfig worker) {
        List<Listeners.Listener> listeners = Listeners.parse(worker.getList(WorkerConfig.LISTENERS));
        Listeners.checkAdvertisedListener(worker);
        new ListenerConnectors(RestSsl.forListeners(worker), listeners);
    }

    /**
     * The URL a worker gives to other workers, before its server starts: every listener must have
     * its port (not 0).
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the setting, for listeners that cannot be served
     */
    public static URI advertisedUrl(WorkerConfig worker) {
        List<Listeners.Listener> listeners = Listeners.parse(worker.getList(WorkerConfig.LISTENERS));
        Listeners.checkAdvertisedListener(worker);
        return Listeners.advertised(worker, listeners, index -> listeners.get(index).port());
    }

    private int boundPort(int index) {
        Connector connector = index < connectors.size() ? connectors.get(index) : null;
        if (!(connector instanceof ServerConnector server) || server.getLocalPort() <= 0) {
            throw new IllegalStateException("The REST server is not started");
        }
        return server.getLocalPort();
    }

    @Override
    public void close() {
        app.stop();
        pluginWork.shutdownNow();
        if (extensions != null) {
            extensions.close();
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** The server's collaborators and limits; everything but the herder and the worker config has a default. */
    public static final class Builder {
        private final Herder herder;
        private final WorkerConfig worker;
        private LoggerLevels loggerLevels;
        private ClusterLoggerLevels clusterLoggerLevels;
        private Supplier<String> metrics = () -> "";
        private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
        private Duration healthCheckTimeout = DEFAULT_HEALTH_CHECK_TIMEOUT;
        private boolean topicTracking = true;
        private boolean topicTrackingReset = true;
        private RestExtensions extensions;

        private Builder(Herder herder, WorkerConfig worker) {
            this.herder = Objects.requireNonNull(herder, "herder");
            this.worker = Objects.requireNonNull(worker, "worker");
        }

        /** The log levels /admin/loggers reads and sets; by default this process's (Logback). */
        public Builder loggerLevels(LoggerLevels levels) {
            this.loggerLevels = Objects.requireNonNull(levels);
            return this;
        }

        /** How {@code scope=cluster} sets a level on every worker; by default on this one only (standalone). */
        public Builder clusterLoggerLevels(ClusterLoggerLevels cluster) {
            this.clusterLoggerLevels = Objects.requireNonNull(cluster);
            return this;
        }

        /** The Prometheus text that {@code GET /metrics} answers, made at each request; by default empty. */
        public Builder metrics(Supplier<String> metrics) {
            this.metrics = Objects.requireNonNull(metrics);
            return this;
        }

        /** The longest a request waits for the herder before it is answered 500 "Request timed out". */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = positive(timeout);
            return this;
        }

        /** The longest {@code GET /health} waits for the herder to answer. */
        public Builder healthCheckTimeout(Duration timeout) {
            this.healthCheckTimeout = positive(timeout);
            return this;
        }

        /**
         * Apache's {@code topic.tracking.enable} and {@code topic.tracking.allow.reset}: when off, the
         * topics endpoints answer 403.
         */
        public Builder topicTracking(boolean enabled, boolean resetAllowed) {
            this.topicTracking = enabled;
            this.topicTrackingReset = resetAllowed;
            return this;
        }

        /**
         * The REST extensions whose filters run on every request, after cross-origin and content checks,
         * and whose resources are served where Ferry's routes do not answer; closed with the server. None by default.
         */
        public Builder restExtensions(RestExtensions extensions) {
            this.extensions = Objects.requireNonNull(extensions);
            return this;
        }

        /**
         * @throws org.apache.kafka.common.config.ConfigException naming the setting, for listeners that cannot be served
         */
        public ConnectRestServer build() {
            return new ConnectRestServer(this);
        }

        private static Duration positive(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("a timeout must be positive: " + timeout);
            }
            return timeout;
        }
    }
}
