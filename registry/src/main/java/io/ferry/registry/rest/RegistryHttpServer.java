package io.ferry.registry.rest;

import java.util.Optional;

import io.ferry.registry.cluster.RequestForwarder;
import io.ferry.registry.service.SchemaRegistryService;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.eclipse.jetty.http.UriCompliance;

/**
 * The registry's HTTP server: Confluent Schema Registry's REST API on Javalin, plus /health and
 * /metrics. The composition of the route groups; each group is a small class.
 */
public final class RegistryHttpServer implements AutoCloseable {
    /** Larger request bodies are refused with 413. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 16L * 1024 * 1024;

    private final Javalin app;

    public RegistryHttpServer(SchemaRegistryService registry, RequestForwarder forwarder, NodeInfo info,
                              PrometheusMeterRegistry metrics, long maxRequestBytes) {
        this.app = Javalin.create(config -> configure(config, registry, forwarder, info, metrics, maxRequestBytes));
    }

    private static void configure(JavalinConfig config, SchemaRegistryService registry, RequestForwarder forwarder, NodeInfo info,
                                  PrometheusMeterRegistry metrics, long maxRequestBytes) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.maxRequestSize = maxRequestBytes;
        config.http.prefer405over404 = true;
        config.http.generateEtags = false;
        config.router.ignoreTrailingSlashes = true;
        // Subjects may hold any character; clients percent-encode them, slashes included.
        config.jetty.modifyHttpConfiguration(http -> {
            http.setUriCompliance(UriCompliance.LEGACY);
            http.setSendServerVersion(false);
        });
        config.routes.before(RegistryHttpServer::negotiate);
        new HttpMetrics(metrics).register(config.routes);
        new ErrorHandling(forwarder).register(config.routes);
        new ServerRoutes(info, metrics).register(config.routes);
        new SchemaRoutes(registry).register(config.routes);
        new SubjectRoutes(registry).register(config.routes);
        new CompatibilityRoutes(registry).register(config.routes);
        new SettingsRoutes(registry).register(config.routes);
    }

    /** 415 for a body the API cannot read, 406 when the client accepts nothing it writes. */
    private static void negotiate(Context ctx) {
        Optional<String> responseType = MediaTypes.negotiate(ctx.header("Accept"));
        if (responseType.isEmpty()) {
            Replies.error(ctx, 406, 406, "HTTP 406 Not Acceptable");
            ctx.skipRemainingHandlers();
            return;
        }
        ctx.attribute(Replies.RESPONSE_TYPE, responseType.get());
        HandlerType method = ctx.method();
        if ((method == HandlerType.POST || method == HandlerType.PUT) && !MediaTypes.isAcceptedRequestType(ctx.contentType())) {
            Replies.error(ctx, 415, 415, "HTTP 415 Unsupported Media Type");
            ctx.skipRemainingHandlers();
        }
    }

    /**
     * Loads the classes a server needs (Javalin, Jetty, Jackson) without starting one, so that a
     * node can do it while it replays its log.
     */
    public static void warmUp() {
        Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/", ctx -> ctx.result(ApiJson.bytes(ApiJson.error(200, "warm"))));
        });
    }

    /** Starts listening; port 0 picks a free port. */
    public RegistryHttpServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
