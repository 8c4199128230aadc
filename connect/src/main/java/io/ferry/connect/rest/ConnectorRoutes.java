package io.ferry.connect.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.connect.herder.ConnectorInfo;
import io.ferry.connect.herder.Created;
import io.ferry.connect.herder.Herder;
import io.ferry.connect.model.TargetState;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import org.apache.kafka.connect.errors.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connectors and their configs: list (with {@code expand}), create, read, replace, patch, delete, task configs
 * (read, and written by a distributed worker to its leader).
 */
final class ConnectorRoutes {
    private static final Logger log = LoggerFactory.getLogger(ConnectorRoutes.class);
    static final String CONNECTOR = "/connectors/{connector}";

    private final Herder herder;
    private final Completion completion;

    ConnectorRoutes(Herder herder, Completion completion) {
        this.herder = herder;
        this.completion = completion;
    }

    void register(RoutesConfig routes) {
        routes.get("/connectors", this::list);
        routes.post("/connectors", this::create);
        routes.get(CONNECTOR, ctx -> Replies.json(ctx, ConnectorJson.connectorInfo(completion.await(herder.connectorInfo(name(ctx))))));
        routes.delete(CONNECTOR, ctx -> {
            completion.await(herder.deleteConnector(name(ctx)));
            Replies.empty(ctx, 204);
        });
        routes.get(CONNECTOR + "/config", ctx -> Replies.json(ctx, ConnectorJson.objectOf(completion.await(herder.connectorConfig(name(ctx))))));
        routes.put(CONNECTOR + "/config", this::put);
        routes.patch(CONNECTOR + "/config", ctx -> {
            Map<String, String> patch = RequestBodies.stringMap(ctx.bodyAsBytes());
            Replies.json(ctx, ConnectorJson.connectorInfo(completion.await(herder.patchConnectorConfig(name(ctx), patch))));
        });
        routes.get(CONNECTOR + "/tasks", ctx -> Replies.json(ctx, ConnectorJson.taskConfigs(completion.await(herder.taskConfigs(name(ctx))))));
        routes.post(CONNECTOR + "/tasks", ctx -> {
            completion.await(herder.putTaskConfigs(name(ctx), RequestBodies.taskConfigs(ctx.bodyAsBytes())));
            Replies.empty(ctx, 204);
        });
    }

    static String name(Context ctx) {
        return ctx.pathParam("connector");
    }

    /** Names; with {@code expand=status} and/or {@code expand=info}, each connector's details by name. */
    private void list(Context ctx) {
        List<String> names = completion.await(herder.connectors());
        List<String> expansions = ctx.queryParamMap().get("expand");
        if (expansions == null) {
            Replies.json(ctx, ConnectorJson.MAPPER.valueToTree(names));
            return;
        }
        ObjectNode out = ConnectorJson.MAPPER.createObjectNode();
        for (String name : names) {
            try {
                out.set(name, expand(name, expansions));
            } catch (NotFoundException e) {
                log.debug("Connector {} went away while it was listed", name);
            }
        }
        Replies.json(ctx, out);
    }

    private ObjectNode expand(String name, List<String> expansions) {
        ObjectNode node = ConnectorJson.MAPPER.createObjectNode();
        for (String expansion : expansions) {
            switch (expansion) {
                case "status" -> node.set("status", ConnectorJson.status(herder.connectorStatus(name)));
                case "info" -> node.set("info", ConnectorJson.connectorInfo(completion.await(herder.connectorInfo(name))));
                default -> log.info("Ignoring unknown expansion type {}", expansion);
            }
        }
        return node;
    }

    private void create(Context ctx) {
        RequestBodies.CreateConnectorRequest request = RequestBodies.create(ctx.bodyAsBytes());
        String name = request.name() == null ? "" : request.name().trim();
        if (request.config() == null) {
            throw new RestException(500, "The request needs a config");
        }
        Map<String, String> config = withName(name, request.config());
        TargetState initial = request.initialState() == null ? TargetState.STARTED : request.initialState().targetState();
        Created<ConnectorInfo> created = completion.await(herder.putConnectorConfig(name, config, initial, false));
        Replies.created(ctx, name, ConnectorJson.connectorInfo(created.value()));
    }

    private void put(Context ctx) {
        String name = name(ctx);
        Map<String, String> config = withName(name, RequestBodies.stringMap(ctx.bodyAsBytes()));
        Created<ConnectorInfo> result = completion.await(herder.putConnectorConfig(name, config, TargetState.STARTED, true));
        if (result.created()) {
            Replies.created(ctx, name, ConnectorJson.connectorInfo(result.value()));
        } else {
            Replies.json(ctx, ConnectorJson.connectorInfo(result.value()));
        }
    }

    /** The config with its name: the one in the URL or request; a different name in the config is refused. */
    private static Map<String, String> withName(String name, Map<String, String> config) {
        String included = config.get("name");
        if (included == null) {
            config.put("name", name);
        } else if (!included.equals(name)) {
            throw new RestException(400, "Connector name configuration (" + included + ") doesn't match connector name in the URL ("
                    + name + ")");
        }
        return config;
    }
}
