package io.ferry.registry.rest;

import java.util.Locale;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;

/**
 * Path and query parameters as Confluent's registry reads them: booleans are true only for
 * "true"; a number that does not parse makes the route not match (404).
 */
final class Params {

    private Params() {
    }

    static boolean flag(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value != null && value.trim().toLowerCase(Locale.ROOT).equals("true");
    }

    static int integer(Context ctx, String name, int fallback) {
        String value = ctx.queryParam(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    static int pathInt(Context ctx, String name) {
        try {
            return Integer.parseInt(ctx.pathParam(name));
        } catch (NumberFormatException e) {
            throw new NotFoundResponse();
        }
    }

    static String subject(Context ctx) {
        return ctx.pathParam("subject");
    }
}
