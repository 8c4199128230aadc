package io.ferry.registry.server;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.registry.cluster.RequestForwarder;
import io.ferry.registry.compat.CompatibilityCheckers;
import io.ferry.registry.rest.NodeInfo;
import io.ferry.registry.rest.RegistryHttpServer;
import io.ferry.registry.schema.avro.AvroSchemaProvider;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.service.SchemaTypes;
import io.ferry.registry.service.WriterRole;
import io.ferry.registry.store.RegistryIndex;
import io.ferry.registry.store.RegistryLog;
import io.ferry.registry.store.SchemasTopicCodec;
import io.ferry.registry.store.StoreException;
import io.ferry.registry.store.local.LocalFileLog;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One registry node, wired and running: log replayed into the index, service, HTTP server.
 * {@link #start} returns once the node serves requests; {@link #close} stops it in reverse order.
 */
public final class RegistryServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RegistryServer.class);

    private final RegistryLog registryLog;
    private final RegistryHttpServer http;
    private final String url;

    private RegistryServer(RegistryLog registryLog, RegistryHttpServer http, String url) {
        this.registryLog = registryLog;
        this.http = http;
        this.url = url;
    }

    /**
     * Starts a node.
     *
     * @param version Ferry's version, for /v1/metadata/version
     * @throws StoreException when the log cannot be opened or read
     */
    public static RegistryServer start(RegistryServerConfig config, String version) throws StoreException {
        if (!(config.backend() instanceof RegistryServerConfig.LocalBackend local)) {
            throw new IllegalArgumentException("backend " + config.backend() + " is not supported yet");
        }
        long started = System.nanoTime();
        RegistryIndex index = new RegistryIndex();
        LocalFileLog localLog = new LocalFileLog(local.logFile(), new SchemasTopicCodec());
        localLog.start(index, Duration.ofMinutes(5));
        try {
            SchemaTypes types = new SchemaTypes(List.of(new AvroSchemaProvider()), CompatibilityCheckers.standard());
            SchemaRegistryService service = new SchemaRegistryService(index, localLog, WriterRole.ALWAYS, types, config.settings());
            PrometheusMeterRegistry metrics = metrics(index);
            NodeInfo info = new NodeInfo(null, "schema-registry", version, () -> health(index, localLog));
            RegistryHttpServer http = new RegistryHttpServer(service, RequestForwarder.NONE, info, metrics, config.maxRequestBytes())
                    .start(config.host(), config.port());
            String url = "http://" + config.host() + ":" + http.port();
            log.info("Schema registry serving at {} from {} ({} schemas, started in {} ms)", url, localLog.describe(), index.maxId(),
                    (System.nanoTime() - started) / 1_000_000);
            return new RegistryServer(localLog, http, url);
        } catch (RuntimeException e) {
            localLog.close();
            throw e;
        }
    }

    private static NodeInfo.Health health(RegistryIndex index, RegistryLog registryLog) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backend", registryLog.describe());
        details.put("leader", true);
        details.put("maxId", index.maxId());
        details.put("appliedOffset", index.appliedOffset());
        return new NodeInfo.Health(true, details);
    }

    private static PrometheusMeterRegistry metrics(RegistryIndex index) {
        PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(metrics);
        new JvmThreadMetrics().bindTo(metrics);
        Gauge.builder("ferry.registry.max.id", index, RegistryIndex::maxId)
                .description("Highest schema id given").register(metrics);
        Gauge.builder("ferry.registry.subjects", index, idx -> idx.subjects().size())
                .description("Subjects with at least one version").register(metrics);
        Gauge.builder("ferry.registry.log.applied.offset", index, RegistryIndex::appliedOffset)
                .description("Position of the last log record applied").register(metrics);
        return metrics;
    }

    /** The base URL clients use, e.g. {@code http://127.0.0.1:8081}. */
    public String url() {
        return url;
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        try {
            http.close();
        } finally {
            registryLog.close();
        }
    }
}
