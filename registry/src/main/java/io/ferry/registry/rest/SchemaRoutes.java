package io.ferry.registry.rest;

import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.store.SchemaContent;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /schemas: schemas by global id, and every version of every subject. */
final class SchemaRoutes {
    private final SchemaRegistryService registry;

    SchemaRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.get("/schemas", this::schemas);
        routes.get("/schemas/types", ctx -> Replies.value(ctx, registry.schemaTypes()));
        routes.get("/schemas/ids/{id}", this::byId);
        routes.get("/schemas/ids/{id}/schema", ctx -> Replies.text(ctx, registry.schemaText(Params.pathInt(ctx, "id"), ctx.queryParam("format"))));
        routes.get("/schemas/guids/{guid}", this::byGuid);
        routes.get("/schemas/guids/{guid}/schema", ctx -> Replies.text(ctx,
                registry.schemaText(registry.idOfGuid(ctx.pathParam("guid")), ctx.queryParam("format"))));
        routes.get("/schemas/ids/{id}/subjects",
                ctx -> Replies.value(ctx, registry.subjectsOfId(Params.pathInt(ctx, "id"), Params.flag(ctx, "deleted"))));
        routes.get("/schemas/ids/{id}/versions", ctx -> Replies.json(ctx,
                ApiJson.subjectVersions(registry.versionsOfId(Params.pathInt(ctx, "id"), Params.flag(ctx, "deleted")))));
    }

    private void schemas(Context ctx) {
        var versions = registry.schemas(ctx.queryParam("subjectPrefix"), Params.flag(ctx, "deleted"), Params.flag(ctx, "latestOnly"),
                Params.integer(ctx, "offset", 0), Params.integer(ctx, "limit", -1));
        var array = ApiJson.MAPPER.createArrayNode();
        versions.forEach(version -> array.add(Views.version(registry, version, ctx.queryParam("format"))));
        Replies.json(ctx, array);
    }

    private void byId(Context ctx) {
        schemaString(ctx, Params.pathInt(ctx, "id"));
    }

    private void byGuid(Context ctx) {
        schemaString(ctx, registry.idOfGuid(ctx.pathParam("guid")));
    }

    private void schemaString(Context ctx, int id) {
        SchemaContent content = registry.schemaById(id);
        Replies.json(ctx, ApiJson.schemaString(content, registry.schemaText(id, ctx.queryParam("format")), registry.guidOf(id),
                Params.flag(ctx, "fetchMaxId") ? registry.maxId() : null));
    }
}
