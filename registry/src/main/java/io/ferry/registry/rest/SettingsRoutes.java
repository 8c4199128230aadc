package io.ferry.registry.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.service.ConfigUpdate;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.store.RegistryMode;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /config and /mode, global and per subject. */
final class SettingsRoutes {
    private final SchemaRegistryService registry;

    SettingsRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.get("/config", ctx -> Replies.json(ctx, ApiJson.config(registry.config(null, true))));
        routes.put("/config", ctx -> updateConfig(ctx, null, "updateTopLevelConfig.arg1"));
        routes.delete("/config", ctx -> Replies.json(ctx, ApiJson.config(registry.deleteConfig(null))));
        routes.get("/config/{subject}", ctx -> Replies.json(ctx,
                ApiJson.config(registry.config(Params.subject(ctx), Params.flag(ctx, "defaultToGlobal")))));
        routes.put("/config/{subject}", ctx -> updateConfig(ctx, Params.subject(ctx), "updateSubjectLevelConfig.arg2"));
        routes.delete("/config/{subject}", ctx -> Replies.json(ctx, ApiJson.config(registry.deleteConfig(Params.subject(ctx)))));

        routes.get("/mode", ctx -> mode(ctx, registry.mode(null, true)));
        routes.put("/mode", ctx -> updateMode(ctx, null, "updateTopLevelMode.arg1"));
        routes.delete("/mode", ctx -> mode(ctx, registry.deleteMode(null)));
        routes.get("/mode/{subject}", ctx -> mode(ctx, registry.mode(Params.subject(ctx), Params.flag(ctx, "defaultToGlobal"))));
        routes.put("/mode/{subject}", ctx -> updateMode(ctx, Params.subject(ctx), "updateMode.arg2"));
        routes.delete("/mode/{subject}", ctx -> mode(ctx, registry.deleteMode(Params.subject(ctx))));
    }

    private void updateConfig(Context ctx, String subject, String operation) {
        ConfigUpdate update = RequestBodies.config(ctx.bodyAsBytes(), operation);
        ConfigUpdate merged = registry.updateConfig(subject, update);
        Replies.json(ctx, ApiJson.configUpdate(merged.compatibility(), merged.others()));
    }

    private void updateMode(Context ctx, String subject, String operation) {
        RegistryMode mode = RequestBodies.mode(ctx.bodyAsBytes(), operation);
        mode(ctx, registry.updateMode(subject, mode, Params.flag(ctx, "force")));
    }

    private static void mode(Context ctx, RegistryMode mode) {
        ObjectNode node = ApiJson.MAPPER.createObjectNode();
        node.put("mode", mode.name());
        Replies.json(ctx, node);
    }
}
