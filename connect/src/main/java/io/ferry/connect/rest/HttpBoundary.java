package io.ferry.connect.rest;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;

/**
 * What is checked before any route: cross-origin headers when {@code access.control.allow.origin}
 * is set (with its preflight answers), and JSON in and out: a body that is not JSON 415, a client
 * that accepts no JSON 406, as Apache Kafka Connect answers. {@code /metrics} writes text; REST
 * extensions' resources negotiate their own media types.
 */
final class HttpBoundary {
    private static final String DEFAULT_METHODS = "GET,POST,HEAD";
    private static final String ALLOWED_HEADERS = "X-Requested-With,Content-Type,Accept,Origin";

    private final List<String> allowedOrigins;
    private final String allowedMethods;
    private final Predicate<Context> negotiatesItself;

    /**
     * @param allowedOrigins {@code access.control.allow.origin}: comma-separated origins, {@code *}, or empty for none
     * @param allowedMethods {@code access.control.allow.methods}; empty for GET, POST and HEAD
     * @param negotiatesItself the requests whose handler checks media types itself (REST extensions' resources)
     */
    HttpBoundary(String allowedOrigins, String allowedMethods, Predicate<Context> negotiatesItself) {
        this.negotiatesItself = negotiatesItself;
        this.allowedOrigins = allowedOrigins == null || allowedOrigins.isBlank() ? List.of()
                : Arrays.stream(allowedOrigins.split(",")).map(String::trim).filter(origin -> !origin.isEmpty()).toList();
        this.allowedMethods = allowedMethods == null || allowedMethods.isBlank() ? DEFAULT_METHODS : allowedMethods.trim();
    }

    void register(RoutesConfig routes) {
        routes.before(this::crossOrigin);
        routes.before(this::negotiate);
    }

    private void crossOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        if (origin == null || allowedOrigins.isEmpty() || !(allowedOrigins.contains("*") || allowedOrigins.contains(origin))) {
            return;
        }
        ctx.header("Access-Control-Allow-Origin", origin);
        ctx.header("Access-Control-Allow-Credentials", "true");
        ctx.header("Vary", "Origin");
        String requestedMethod = ctx.header("Access-Control-Request-Method");
        if (ctx.method() == HandlerType.OPTIONS && requestedMethod != null) {
            if (methodAllowed(requestedMethod)) {
                ctx.header("Access-Control-Allow-Methods", allowedMethods);
                ctx.header("Access-Control-Allow-Headers", ALLOWED_HEADERS);
                ctx.header("Access-Control-Max-Age", "1800");
            }
            ctx.status(200);
            ctx.skipRemainingHandlers();
        }
    }

    private boolean methodAllowed(String method) {
        return Arrays.stream(allowedMethods.split(",")).map(String::trim).anyMatch(allowed -> allowed.equalsIgnoreCase(method));
    }

    private void negotiate(Context ctx) {
        if (ctx.path().equals("/metrics") || ctx.method() == HandlerType.OPTIONS || negotiatesItself.test(ctx)) {
            return;
        }
        if (!acceptsJson(ctx.header("Accept"))) {
            throw new HttpResponseException(406);
        }
        HandlerType method = ctx.method();
        String contentType = ctx.header("Content-Type");
        if ((method == HandlerType.POST || method == HandlerType.PUT || method == HandlerType.PATCH)
                && contentType != null && !mediaType(contentType).equals(Replies.JSON)) {
            throw new HttpResponseException(415);
        }
    }

    /** Whether an Accept header allows application/json; no header allows everything. */
    static boolean acceptsJson(String accept) {
        if (accept == null || accept.isBlank()) {
            return true;
        }
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].trim().toLowerCase(Locale.ROOT);
            if ((type.equals("*/*") || type.equals("application/*") || type.equals(Replies.JSON)) && !refused(parts)) {
                return true;
            }
        }
        return false;
    }

    private static boolean refused(String[] parameters) {
        for (int i = 1; i < parameters.length; i++) {
            String parameter = parameters[i].trim().toLowerCase(Locale.ROOT);
            if (parameter.startsWith("q=")) {
                try {
                    return Double.parseDouble(parameter.substring(2).trim()) <= 0;
                } catch (NumberFormatException e) {
                    return false;
                }
            }
        }
        return false;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
