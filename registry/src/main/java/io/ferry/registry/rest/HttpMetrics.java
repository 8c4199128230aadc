package io.ferry.registry.rest;

import java.util.concurrent.TimeUnit;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Times every request as {@code http_server_requests_seconds{method,uri,status}}, uri being the route template. */
final class HttpMetrics {
    private static final String STARTED = "ferry.requestStarted";

    private final PrometheusMeterRegistry registry;

    HttpMetrics(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
        routes.after(this::record);
    }

    private void record(Context ctx) {
        Long started = ctx.attribute(STARTED);
        if (started == null) {
            return;
        }
        Timer.builder("http.server.requests")
                .tag("method", ctx.method().name())
                .tag("uri", template(ctx))
                .tag("status", Integer.toString(ctx.statusCode()))
                .register(registry)
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }

    private static String template(Context ctx) {
        try {
            Endpoint endpoint = ctx.endpoint();
            return endpoint == null ? "UNKNOWN" : endpoint.path;
        } catch (RuntimeException e) {
            return "UNKNOWN";
        }
    }
}
