package io.ferry.connect.rest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.herder.Herder;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * {@code GET /} (version, commit, Kafka cluster), {@code GET /health} and Ferry's {@code GET /metrics}.
 *
 * <p>Health: 200 {@code healthy} when the herder answers a request within the health check timeout;
 * 503 {@code starting} while the worker starts; 500 {@code unhealthy} when a started herder does not
 * answer in time.
 */
final class RootRoutes {
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Herder herder;
    private final Supplier<String> metrics;
    private final Duration healthCheckTimeout;

    RootRoutes(Herder herder, Supplier<String> metrics, Duration healthCheckTimeout) {
        this.herder = herder;
        this.metrics = metrics;
        this.healthCheckTimeout = healthCheckTimeout;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> Replies.json(ctx, ConnectorJson.serverInfo(herder.serverInfo())));
        routes.get("/health", this::health);
        routes.get("/metrics", ctx -> ctx.status(200).contentType(PROMETHEUS_TEXT)
                .result(metrics.get().getBytes(StandardCharsets.UTF_8)));
    }

    private void health(Context ctx) {
        if (!herder.ready()) {
            Replies.json(ctx, 503, health("starting", "Worker is still starting up."));
            return;
        }
        CompletableFuture<List<String>> probe = herder.connectors();
        if (!Completion.completesWithin(probe, healthCheckTimeout)) {
            Replies.json(ctx, 500, health("unhealthy", "Worker was unable to handle this request and may be unable to handle other requests."));
            return;
        }
        Completion.valueOf(probe);
        Replies.json(ctx, health("healthy", "Worker has completed startup and is ready to handle requests."));
    }

    private static ObjectNode health(String status, String message) {
        ObjectNode node = ConnectorJson.MAPPER.createObjectNode();
        node.put("status", status);
        node.put("message", message);
        return node;
    }
}
