package io.ferry.registry.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import io.ferry.registry.cluster.ForwardedRequest;
import io.ferry.registry.cluster.ForwardedResponse;
import io.ferry.registry.cluster.ForwardingException;
import io.ferry.registry.cluster.LeaderForwarder;
import io.ferry.registry.cluster.RequestForwarder;
import io.ferry.registry.service.LeaderRequiredException;
import io.ferry.registry.service.RegistryException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure becomes {@code {"error_code","message"}} with the status Confluent's registry uses,
 * in one place; writes that reach a follower are handed to the leader here.
 */
final class ErrorHandling {
    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);
    private static final String[] FORWARDED_HEADERS = {"Content-Type", "Accept", "Authorization", "X-Request-ID"};

    private final RequestForwarder forwarder;

    ErrorHandling(RequestForwarder forwarder) {
        this.forwarder = forwarder;
    }

    void register(RoutesConfig routes) {
        routes.exception(RegistryException.class, (e, ctx) -> Replies.error(ctx, e.status(), e.errorCode(), e.getMessage()));
        routes.exception(LeaderRequiredException.class, (e, ctx) -> forward(ctx));
        routes.exception(RequestBodies.MissingBodyException.class, (e, ctx) -> Replies.error(ctx, 422, 422, e.getMessage()));
        routes.exception(RequestBodies.MalformedBodyException.class, (e, ctx) -> Replies.error(ctx, 400, 400, e.getMessage()));
        routes.exception(HttpResponseException.class, (e, ctx) -> {
            int status = e.getStatus();
            if (status == 413) {
                RefusedBodies.drain(ctx);
            }
            Replies.error(ctx, status, status, "HTTP " + status + " " + reason(status));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            log.error("{} {} failed", ctx.method(), ctx.path(), e);
            Replies.error(ctx, 500, 500, "Internal Server Error");
        });
    }

    private static String reason(int status) {
        return switch (status) {
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 413 -> "Request Entity Too Large";
            case 415 -> "Unsupported Media Type";
            default -> HttpStatus.forStatus(status).getMessage();
        };
    }

    /**
     * Hands the request to the leader and relays its answer. A request that was itself forwarded is
     * not forwarded again: two nodes that each think the other leads must not bounce it forever.
     */
    private void forward(Context ctx) {
        if (ctx.header(LeaderForwarder.FORWARD_HEADER) != null || forwarder.leaderUrl().isEmpty()) {
            Replies.error(ctx, 500, 50004, unknownLeaderMessage(ctx));
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : FORWARDED_HEADERS) {
            String value = ctx.header(name);
            if (value != null) {
                headers.put(name, value);
            }
        }
        String query = ctx.queryString();
        String pathAndQuery = ctx.req().getRequestURI() + (query == null || query.isEmpty() ? "" : "?" + query);
        try {
            ForwardedResponse response = forwarder.forward(new ForwardedRequest(ctx.method().name(), pathAndQuery, headers, ctx.bodyAsBytes()));
            ctx.status(response.status()).result(response.body());
            if (response.contentType() != null) {
                ctx.contentType(response.contentType());
            }
        } catch (ForwardingException e) {
            log.warn("Forwarding {} {} to the leader failed: {}", ctx.method(), ctx.path(), e.getMessage());
            Replies.error(ctx, 500, 50003, "Error while forwarding " + operation(ctx) + " request to the leader");
        }
    }

    private static String unknownLeaderMessage(Context ctx) {
        String path = ctx.path();
        if (path.startsWith("/config")) {
            return "Failed to update compatibility level";
        }
        if (path.startsWith("/mode")) {
            return "Failed to update mode";
        }
        return "Leader not known.";
    }

    private static String operation(Context ctx) {
        String path = ctx.path();
        String method = ctx.method().name();
        if (path.startsWith("/config")) {
            return method.equals("DELETE") ? "delete config" : "update config";
        }
        if (path.startsWith("/mode")) {
            return method.equals("DELETE") ? "delete mode" : "update mode";
        }
        if (method.equals("DELETE")) {
            return path.contains("/versions/") ? "delete schema version" : "delete subject";
        }
        return "register schema";
    }
}
