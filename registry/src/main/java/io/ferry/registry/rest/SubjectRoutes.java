package io.ferry.registry.rest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.registry.service.RegisterRequest;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.service.VersionSpec;
import io.ferry.registry.store.SubjectVersion;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /subjects: listing, lookup, registration, versions and deletes. */
final class SubjectRoutes {
    private final SchemaRegistryService registry;

    SubjectRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.get("/subjects", ctx -> Replies.value(ctx,
                registry.subjects(ctx.queryParam("subjectPrefix"), Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly"))));
        routes.post("/subjects/{subject}", this::lookup);
        routes.delete("/subjects/{subject}",
                ctx -> Replies.value(ctx, registry.deleteSubject(Params.subject(ctx), Params.flag(ctx, "permanent"))));
        routes.get("/subjects/{subject}/versions", ctx -> Replies.value(ctx,
                registry.versions(Params.subject(ctx), Params.flag(ctx, "deleted"), Params.flag(ctx, "deletedOnly"))));
        routes.post("/subjects/{subject}/versions", this::registerSchema);
        routes.get("/subjects/{subject}/versions/{version}",
                ctx -> Replies.json(ctx, Views.version(registry, version(ctx), ctx.queryParam("format"))));
        routes.get("/subjects/{subject}/metadata", this::latestWithMetadata);
        routes.get("/subjects/{subject}/versions/{version}/schema", ctx -> Replies.text(ctx, version(ctx).content().schema()));
        routes.get("/subjects/{subject}/versions/{version}/referencedby", ctx -> Replies.value(ctx,
                registry.referencedBy(Params.subject(ctx), VersionSpec.parse(ctx.pathParam("version")), Params.flag(ctx, "deleted"))));
        routes.delete("/subjects/{subject}/versions/{version}", ctx -> Replies.value(ctx,
                registry.deleteVersion(Params.subject(ctx), VersionSpec.parse(ctx.pathParam("version")), Params.flag(ctx, "permanent"))));
    }

    private SubjectVersion version(Context ctx) {
        VersionSpec spec = VersionSpec.parse(ctx.pathParam("version"));
        return registry.version(Params.subject(ctx), spec, Params.flag(ctx, "deleted"));
    }

    /** The query's {@code key}/{@code value} pairs, in order (each key with the value at the same place). */
    private void latestWithMetadata(Context ctx) {
        List<String> keys = ctx.queryParams("key");
        List<String> values = ctx.queryParams("value");
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            properties.put(keys.get(i), i < values.size() ? values.get(i) : "");
        }
        SubjectVersion found = registry.latestWithMetadata(Params.subject(ctx), properties, Params.flag(ctx, "deleted"));
        Replies.json(ctx, Views.version(registry, found, ctx.queryParam("format")));
    }

    private void lookup(Context ctx) {
        RegisterRequest request = RequestBodies.register(ctx.bodyAsBytes(), "lookUpSchemaUnderSubject.arg5");
        SubjectVersion found = registry.lookup(Params.subject(ctx), request, Params.flag(ctx, "normalize"), Params.flag(ctx, "deleted"));
        Replies.json(ctx, Views.version(registry, found, ctx.queryParam("format")));
    }

    private void registerSchema(Context ctx) {
        RegisterRequest request = RequestBodies.register(ctx.bodyAsBytes(), "register.arg4");
        SubjectVersion registered = registry.register(Params.subject(ctx), request, Params.flag(ctx, "normalize"));
        Replies.json(ctx, ApiJson.registered(registered, registry.guidOf(registered.id())));
    }
}
