package io.ferry.connect.rest.jaxrs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Response;

/**
 * Runs the filters of a {@link ComponentRegistry} on every request an endpoint serves: request filters
 * before the route, in their order; response filters after it. A request filter that {@linkplain
 * jakarta.ws.rs.container.ContainerRequestContext#abortWith aborts} (or throws a {@link
 * WebApplicationException}, answered as {@link ResourceResponses#failure} says; on a request a resource
 * answers, an exception the extensions' {@linkplain ExceptionMappers exception mappers} map answers with
 * the mapper's response) answers the request with its response: the route and the remaining
 * request filters do not run; the response filters do. A {@code String} entity is written as UTF-8 ({@code text/plain} unless the
 * response names a type), a {@code byte[]} as it is, anything else as JSON. Each filter runs with its
 * own class's loader as the thread's context loader, as the extension that registered it was (JAAS,
 * for one, loads login modules from the context loader).
 */
public final class JaxRsFilters {
    private static final String REQUEST_CONTEXT = JaxRsFilters.class.getName() + ".request";
    private static final String ABORTED = JaxRsFilters.class.getName() + ".aborted";

    private final ComponentRegistry registry;
    private final Predicate<Context> resourceAnswers;

    /**
     * @param resourceAnswers whether a resource of the extensions, not a route of Ferry's, answers a
     *                        request: only then do the extensions' exception mappers answer what a request filter throws
     */
    public JaxRsFilters(ComponentRegistry registry, Predicate<Context> resourceAnswers) {
        this.registry = registry;
        this.resourceAnswers = resourceAnswers;
    }

    /**
     * Adds the handlers. They run for requests an endpoint serves only, after every plain before handler
     * (cross-origin, content negotiation): like JAX-RS filters, which run once a resource is matched, so an
     * unknown path is answered 404 and a wrong method 405 whatever the filters would say.
     */
    public void register(RoutesConfig routes) {
        routes.beforeMatched(this::filterRequest);
        routes.afterMatched(this::filterResponse);
    }

    private void filterRequest(Context ctx) throws IOException {
        List<ContainerRequestFilter> filters = registry.requestFilters();
        if (filters.isEmpty()) {
            return;
        }
        JavalinRequestContext request = new JavalinRequestContext(ctx);
        ctx.attribute(REQUEST_CONTEXT, request);
        for (ContainerRequestFilter filter : filters) {
            Thread thread = Thread.currentThread();
            ClassLoader previous = thread.getContextClassLoader();
            thread.setContextClassLoader(filter.getClass().getClassLoader());
            try {
                filter.filter(request);
            } catch (RuntimeException e) {
                Optional<Response> mapped = resourceAnswers.test(ctx) ? registry.exceptionMappers().answer(e) : Optional.empty();
                if (mapped.isPresent()) {
                    request.abortWith(mapped.get());
                } else if (e instanceof WebApplicationException web) {
                    request.abortWith(ResourceResponses.failure(web));
                } else {
                    throw e;
                }
            } finally {
                thread.setContextClassLoader(previous);
            }
            if (request.aborted() != null) {
                ResourceResponses.write(ctx, request.aborted(), null);
                // As in JAX-RS, response filters see an aborted request's response too: run them here, once,
                // whatever Javalin does with the after-matched handlers of a request whose remaining handlers are skipped.
                runResponseFilters(ctx, request);
                ctx.attribute(ABORTED, true);
                ctx.skipRemainingHandlers();
                return;
            }
        }
    }

    /** The request as the request filters left it, or as it came when none ran. */
    static JavalinRequestContext requestContext(Context ctx) {
        JavalinRequestContext request = ctx.attribute(REQUEST_CONTEXT);
        return request != null ? request : new JavalinRequestContext(ctx);
    }

    private void filterResponse(Context ctx) throws IOException {
        if (ctx.attribute(ABORTED) == null) {
            runResponseFilters(ctx, requestContext(ctx));
        }
    }

    private void runResponseFilters(Context ctx, JavalinRequestContext request) throws IOException {
        List<ContainerResponseFilter> filters = registry.responseFilters();
        if (filters.isEmpty()) {
            return;
        }
        JavalinResponseContext response = new JavalinResponseContext(ctx);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        for (ContainerResponseFilter filter : filters) {
            thread.setContextClassLoader(filter.getClass().getClassLoader());
            try {
                filter.filter(request, response);
            } finally {
                thread.setContextClassLoader(previous);
            }
        }
        response.apply();
    }

    static byte[] bytes(Object entity) {
        if (entity instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (entity instanceof byte[] raw) {
            return raw;
        }
        try {
            return JaxRsResources.JSON.writeValueAsBytes(entity);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("Could not write the " + entity.getClass().getName()
                    + " entity of a REST extension's response as JSON", e);
        }
    }
}
