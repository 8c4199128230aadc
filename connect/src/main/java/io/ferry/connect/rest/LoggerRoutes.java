package io.ferry.connect.rest;

import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.logging.ClusterLoggerLevels;
import io.ferry.connect.logging.LoggerLevel;
import io.ferry.connect.logging.LoggerLevels;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code /admin/loggers}: the levels set, one logger's level, and setting a namespace's level on
 * this worker ({@code scope=worker}, the default: 200 with the loggers set) or on every worker
 * ({@code scope=cluster}: 204).
 */
final class LoggerRoutes {
    private static final Logger log = LoggerFactory.getLogger(LoggerRoutes.class);

    private final LoggerLevels levels;
    private final ClusterLoggerLevels cluster;

    LoggerRoutes(LoggerLevels levels, ClusterLoggerLevels cluster) {
        this.levels = levels;
        this.cluster = cluster;
    }

    void register(RoutesConfig routes) {
        routes.get("/admin/loggers", ctx -> {
            ObjectNode all = ConnectorJson.MAPPER.createObjectNode();
            levels.all().forEach((name, level) -> all.set(name, json(level)));
            Replies.json(ctx, all);
        });
        routes.get("/admin/loggers/{logger}", ctx -> {
            String name = ctx.pathParam("logger");
            LoggerLevel level = levels.level(name).orElseThrow(() -> new NotFoundException("Logger " + name + " not found."));
            Replies.json(ctx, json(level));
        });
        routes.put("/admin/loggers/{logger}", this::setLevel);
    }

    private void setLevel(Context ctx) {
        String namespace = ctx.pathParam("logger");
        Map<String, String> body = RequestBodies.stringMap(ctx.bodyAsBytes());
        String level = body.get("level");
        if (level == null) {
            throw new RestException(400, "Desired 'level' parameter was not specified in request.");
        }
        if (!LoggerLevels.isLevel(level)) {
            throw new NotFoundException("invalid log level '" + level + "'.");
        }
        String scope = ctx.queryParam("scope") == null ? "worker" : ctx.queryParam("scope");
        if (scope.toLowerCase(Locale.ROOT).equals("cluster")) {
            cluster.setLevel(namespace, level);
            Replies.empty(ctx, 204);
            return;
        }
        if (!scope.equalsIgnoreCase("worker")) {
            log.warn("Received invalid scope '{}' in request to adjust logging level; will default to worker", scope);
        }
        Replies.json(ctx, ConnectorJson.MAPPER.valueToTree(levels.setLevel(namespace, level)));
    }

    private static ObjectNode json(LoggerLevel level) {
        ObjectNode node = ConnectorJson.MAPPER.createObjectNode();
        node.put("level", level.level());
        node.put("last_modified", level.lastModified());
        return node;
    }
}
