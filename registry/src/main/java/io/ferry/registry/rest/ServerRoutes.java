package io.ferry.registry.rest;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** The server's own endpoints: root, metadata, contexts, health and metrics. */
final class ServerRoutes {
    private final NodeInfo info;
    private final PrometheusMeterRegistry metrics;

    ServerRoutes(NodeInfo info, PrometheusMeterRegistry metrics) {
        this.info = info;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> Replies.json(ctx, ApiJson.MAPPER.createObjectNode()));
        routes.post("/", ctx -> Replies.json(ctx, ApiJson.MAPPER.createObjectNode()));
        routes.get("/contexts", ctx -> Replies.json(ctx, ApiJson.MAPPER.createArrayNode().add(".")));
        routes.get("/v1/metadata/id", ctx -> Replies.json(ctx, metadataId()));
        routes.get("/v1/metadata/version", ctx -> {
            ObjectNode version = ApiJson.MAPPER.createObjectNode();
            version.put("version", info.version());
            version.put("commitId", "");
            Replies.json(ctx, version);
        });
        routes.get("/health", ctx -> {
            NodeInfo.Health health = info.health().get();
            ObjectNode body = ApiJson.MAPPER.createObjectNode();
            body.put("status", health.ready() ? "UP" : "DOWN");
            body.set("details", ApiJson.MAPPER.valueToTree(health.details()));
            ctx.status(health.ready() ? 200 : 503).contentType(MediaTypes.JSON).result(ApiJson.bytes(body));
        });
        routes.get("/metrics", ctx -> ctx.status(200)
                .contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(metrics.scrape().getBytes(StandardCharsets.UTF_8)));
    }

    private ObjectNode metadataId() {
        ObjectNode body = ApiJson.MAPPER.createObjectNode();
        ObjectNode scope = body.putObject("scope");
        scope.putArray("path");
        ObjectNode clusters = scope.putObject("clusters");
        if (info.kafkaClusterId() != null) {
            clusters.put("kafka-cluster", info.kafkaClusterId());
        }
        clusters.put("schema-registry-cluster", info.groupId());
        return body;
    }
}
