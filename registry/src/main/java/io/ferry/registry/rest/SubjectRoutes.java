package io.ferry.registry.rest;

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
        routes.get("/subjects/{subject}/versions/{version}", ctx -> Replies.json(ctx, ApiJson.version(version(ctx))));
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

    private void lookup(Context ctx) {
        RegisterRequest request = RequestBodies.register(ctx.bodyAsBytes(), "lookUpSchemaUnderSubject.arg5");
        SubjectVersion found = registry.lookup(Params.subject(ctx), request, Params.flag(ctx, "normalize"), Params.flag(ctx, "deleted"));
        Replies.json(ctx, ApiJson.version(found));
    }

    private void registerSchema(Context ctx) {
        RegisterRequest request = RequestBodies.register(ctx.bodyAsBytes(), "register.arg4");
        SubjectVersion registered = registry.register(Params.subject(ctx), request, Params.flag(ctx, "normalize"));
        Replies.json(ctx, ApiJson.registered(registered));
    }
}
