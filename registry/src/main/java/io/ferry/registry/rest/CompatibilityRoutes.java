package io.ferry.registry.rest;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityResult;
import io.ferry.registry.service.RegisterRequest;
import io.ferry.registry.service.RegistryException;
import io.ferry.registry.service.SchemaRegistryService;
import io.ferry.registry.service.VersionSpec;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** /compatibility: would this schema be accepted? */
final class CompatibilityRoutes {
    private static final int INVALID_SCHEMA = 42201;

    private final SchemaRegistryService registry;

    CompatibilityRoutes(SchemaRegistryService registry) {
        this.registry = registry;
    }

    void register(RoutesConfig routes) {
        routes.post("/compatibility/subjects/{subject}/versions", ctx -> test(ctx, Optional.empty()));
        routes.post("/compatibility/subjects/{subject}/versions/{version}",
                ctx -> test(ctx, Optional.of(VersionSpec.parse(ctx.pathParam("version")))));
    }

    private void test(Context ctx, Optional<VersionSpec> version) {
        String subject = Params.subject(ctx);
        boolean verbose = Params.flag(ctx, "verbose");
        RegisterRequest request = RequestBodies.register(ctx.bodyAsBytes(), "testCompatibilityBySubjectName.arg3");
        ObjectNode answer = ApiJson.MAPPER.createObjectNode();
        try {
            CompatibilityResult result = registry.testCompatibility(subject, version, request, Params.flag(ctx, "normalize"));
            answer.put("is_compatible", result.isCompatible());
            if (verbose) {
                List<String> messages = result.messages(registry.validateFields(subject));
                messages.forEach(answer.putArray("messages")::add);
                if (messages.isEmpty()) {
                    answer.putArray("messages");
                }
            }
        } catch (RegistryException e) {
            // A verbose test reports an unparseable schema as an incompatibility with the parser's message.
            if (!verbose || e.errorCode() != INVALID_SCHEMA) {
                throw e;
            }
            answer.put("is_compatible", false);
            answer.putArray("messages").add(e.getMessage());
        }
        Replies.json(ctx, answer);
    }
}
