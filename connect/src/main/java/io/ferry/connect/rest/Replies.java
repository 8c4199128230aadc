package io.ferry.connect.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;

/** Writes answers: JSON bodies, empty ones, and the Location of a created connector. */
final class Replies {
    static final String JSON = "application/json";

    private Replies() {
    }

    static void json(Context ctx, JsonNode body) {
        json(ctx, 200, body);
    }

    static void json(Context ctx, int status, JsonNode body) {
        try {
            ctx.status(status).contentType(JSON).result(ConnectorJson.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    static void empty(Context ctx, int status) {
        ctx.status(status);
    }

    static void error(Context ctx, int status, String message) {
        json(ctx, status, ConnectorJson.error(status, message));
    }

    /** 201 with {@code Location: <this server>/connectors/<name>}, the name percent-encoded as a path. */
    static void created(Context ctx, String connector, JsonNode body) {
        URI base = URI.create(ctx.url());
        String location = base.getScheme() + "://" + base.getRawAuthority() + "/connectors/" + encodePath(connector);
        ctx.header("Location", location);
        json(ctx, 201, body);
    }

    /** Percent-encodes what a path may not hold as it is; slashes stay. */
    static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (isPathChar(c)) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return encoded.toString();
    }

    private static boolean isPathChar(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }
}
