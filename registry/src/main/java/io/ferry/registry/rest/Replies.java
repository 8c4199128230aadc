package io.ferry.registry.rest;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes answers in the content type negotiated for the request. */
final class Replies {
    static final String RESPONSE_TYPE = "ferry.responseType";

    private Replies() {
    }

    static String responseType(Context ctx) {
        String type = ctx.attribute(RESPONSE_TYPE);
        return type != null ? type : MediaTypes.SCHEMA_REGISTRY_V1;
    }

    static void json(Context ctx, JsonNode body) {
        json(ctx, 200, body);
    }

    static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType(responseType(ctx)).result(ApiJson.bytes(body));
    }

    /** A bare JSON value: a number, a list. */
    static void value(Context ctx, Object value) {
        json(ctx, ApiJson.MAPPER.valueToTree(value));
    }

    /** A schema's own text as the body (GET .../schema), not quoted. */
    static void text(Context ctx, String text) {
        ctx.status(200).contentType(responseType(ctx)).result(text.getBytes(StandardCharsets.UTF_8));
    }

    static void error(Context ctx, int status, int code, String message) {
        json(ctx, status, ApiJson.error(code, message));
    }
}
