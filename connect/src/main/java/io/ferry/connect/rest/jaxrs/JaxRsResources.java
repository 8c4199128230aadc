package io.ferry.connect.rest.jaxrs;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.router.InternalRouter;
import io.javalin.router.ParsedEndpoint;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the JAX-RS resources REST extensions registered, next to Ferry's own routes, which win: the
 * resources' routes are added after them, so a request Ferry serves never reaches a resource.
 *
 * <p>A request is matched as JAX-RS matches it: among the resource methods whose template matches the
 * whole path, those of the most specific template ({@link PathTemplate#MOST_SPECIFIC_FIRST}: the path
 * is chosen before the method, as JAX-RS 3.1 §3.7.2 says); of those, the ones of the request's method
 * (a {@code HEAD} falls back to {@code GET}; an {@code OPTIONS} no method declares is answered with
 * {@code Allow}), else 405; whose {@code @Consumes} accepts the body's {@code Content-Type}, else 415;
 * whose {@code @Produces} the client accepts, else 406. The method runs on a new instance of its class, or on the registered
 * object, with its class's loader as the thread's context loader; the filters of the extensions run
 * around it as around Ferry's routes. What it returns is written by {@link ResourceResponses}; a {@link
 * WebApplicationException} it throws answers as {@link ResourceResponses#write(Context,
 * WebApplicationException)} says, unless it has no entity and an exception mapper of the extensions
 * maps it; any other exception is answered by the mapper of the nearest type ({@link ExceptionMappers}),
 * else goes to Ferry's error mapping (500 with Apache's error body, or the status Apache gives Connect's
 * own exceptions). The mappers answer only what resources throw, never Ferry's routes.
 */
public final class JaxRsResources {
    private static final Logger log = LoggerFactory.getLogger(JaxRsResources.class);
    /** How resources read and write JSON entities. */
    static final ObjectMapper JSON = new ObjectMapper();
    private static final List<HandlerType> METHODS = List.of(HandlerType.GET, HandlerType.POST, HandlerType.PUT, HandlerType.DELETE,
            HandlerType.PATCH, HandlerType.HEAD, HandlerType.OPTIONS);
    private static final String REST_OF_PATH = "<ferry-jaxrs-path>";

    private final List<ResourceMethod> methods;
    private final ExceptionMappers mappers;
    /** The usual HTTP methods, and those of a resource's own {@code @HttpMethod} annotations (WebDAV's {@code REPORT}, ...). */
    private final Set<HandlerType> routedMethods = new LinkedHashSet<>(METHODS);
    private final Handler handler = this::serve;
    private volatile InternalRouter router;

    public JaxRsResources(ComponentRegistry registry) {
        this.methods = registry.resourceMethods();
        this.mappers = registry.exceptionMappers();
        methods.forEach(method -> routedMethods.add(HandlerType.findOrCreate(method.httpMethod())));
    }

    /**
     * Adds routes for every path a resource may serve, where Ferry has none, and logs the resource
     * methods added and those a route of Ferry's shadows. Call it after Ferry's own routes are added.
     *
     * @param router the router the routes go to, which tells whether Ferry or a resource answers a request
     */
    public void register(RoutesConfig routes, InternalRouter router) {
        Set<String> prefixes = new TreeSet<>();
        methods.forEach(method -> prefixes.add(method.path().literalPrefix()));
        Set<String> taken = new HashSet<>();
        router.allHttpHandlers().forEach(endpoint -> taken.add(endpoint.endpoint.method.name() + " " + endpoint.endpoint.path));
        Set<String> ferrys = Set.copyOf(taken);
        for (String prefix : prefixes) {
            for (HandlerType type : routedMethods) {
                for (String path : routes(prefix)) {
                    // A path Ferry serves stays Ferry's with matrix parameters too: a resource must not answer GET /connectors;v=1.
                    boolean ferrysWithMatrix = path.startsWith(prefix + ";") && ferrys.contains(type.name() + " " + prefix);
                    if (!ferrysWithMatrix && taken.add(type.name() + " " + path)) {
                        routes.addHttpHandler(type, path, handler);
                    }
                }
            }
        }
        this.router = router;
        for (ResourceMethod method : methods) {
            String example = method.path().template().replaceAll("\\{[^/]*}", "x");
            ParsedEndpoint first = router.findFirstHttpHandlerEntry(HandlerType.findOrCreate(method.httpMethod()), example);
            if (first != null && first.endpoint.handler != handler) {
                log.warn("REST extension resource method {} is shadowed where Ferry's route {} {} matches: Ferry's routes answer first",
                        method, method.httpMethod(), first.endpoint.path);
            } else {
                log.info("Added REST extension resource method {}", method);
            }
        }
    }

    /** The routes that take the paths under a prefix: itself, what follows a slash, and its matrix parameters ({@code ;v=1}). */
    private static List<String> routes(String prefix) {
        if (prefix.equals("/")) {
            return List.of(prefix, "/" + REST_OF_PATH);
        }
        return List.of(prefix, prefix + "/" + REST_OF_PATH, prefix + ";" + REST_OF_PATH);
    }

    /** Whether a resource, not a route of Ferry's, answers this request. */
    public boolean answers(Context ctx) {
        InternalRouter current = router;
        if (current == null || methods.isEmpty()) {
            return false;
        }
        ParsedEndpoint first = current.findFirstHttpHandlerEntry(ctx.method(), ctx.path());
        return first != null && first.endpoint.handler == handler;
    }

    private void serve(Context ctx) throws Exception {
        String path = ctx.req().getRequestURI();
        List<Match> matches = new ArrayList<>();
        for (ResourceMethod method : methods) {
            Map<String, String> values = method.path().match(path);
            if (values != null) {
                matches.add(new Match(method, values));
            }
        }
        if (matches.isEmpty()) {
            throw new HttpResponseException(otherMethodsServe(ctx) ? 405 : 404);
        }
        JavalinRequestContext request = JaxRsFilters.requestContext(ctx);
        List<Match> candidates = byMethod(ctx, ofMostSpecificTemplate(matches));
        if (candidates.isEmpty()) {
            return;
        }
        MediaType contentType = request.getMediaType();
        candidates = candidates.stream().filter(match -> consumes(match.method(), contentType)).toList();
        if (candidates.isEmpty()) {
            throw new HttpResponseException(415);
        }
        Match chosen = null;
        MediaType produced = null;
        for (Match match : candidates) {
            produced = ResourceResponses.choose(match.method().produces(), request.getAcceptableMediaTypes());
            if (produced != null) {
                chosen = match;
                break;
            }
        }
        if (chosen == null) {
            throw new HttpResponseException(406);
        }
        invoke(ctx, new ResourceRequest(ctx, request, chosen.values()), chosen.method(), produced);
    }

    private record Match(ResourceMethod method, Map<String, String> values) {
    }

    /**
     * The matches whose template is the most specific of those that match: JAX-RS chooses the path
     * before the method, so {@code GET items/new} is refused where {@code POST items/new} is declared,
     * not answered by {@code GET items/{id}}.
     */
    private static List<Match> ofMostSpecificTemplate(List<Match> matches) {
        PathTemplate best = matches.stream().map(match -> match.method().path()).min(PathTemplate.MOST_SPECIFIC_FIRST).orElseThrow();
        return matches.stream().filter(match -> match.method().path().sameRegex(best)).toList();
    }

    /**
     * The matches of the request's method. When there are none: an {@code OPTIONS} is answered with the
     * methods that are, anything else 405 with them in {@code Allow}; the list is then empty.
     */
    private List<Match> byMethod(Context ctx, List<Match> matches) {
        String requested = ctx.method().name();
        List<Match> same = matches.stream().filter(match -> match.method().httpMethod().equals(requested)).toList();
        if (same.isEmpty() && requested.equals("HEAD")) {
            if (ferryServes(HandlerType.GET, ctx.path())) {
                // The resource's GET is shadowed by Ferry's, so its HEAD must not answer either: Ferry answers a HEAD it has no route for 405.
                throw new HttpResponseException(405);
            }
            same = matches.stream().filter(match -> match.method().httpMethod().equals("GET")).toList();
        }
        if (!same.isEmpty()) {
            return same;
        }
        Set<String> allowed = new LinkedHashSet<>();
        matches.forEach(match -> allowed.add(match.method().httpMethod()));
        if (allowed.contains("GET")) {
            allowed.add("HEAD");
        }
        allowed.add("OPTIONS");
        ctx.header("Allow", String.join(", ", allowed));
        if (requested.equals("OPTIONS")) {
            ctx.status(200);
            return List.of();
        }
        throw new HttpResponseException(405);
    }

    private static boolean consumes(ResourceMethod method, MediaType contentType) {
        return contentType == null || method.consumes().isEmpty() || method.consumes().stream().anyMatch(type -> type.isCompatible(contentType));
    }

    /** Whether a route of Ferry's serves the path with another method: then the request is answered 405, as Ferry answers it. */
    private boolean otherMethodsServe(Context ctx) {
        return routedMethods.stream().anyMatch(type -> ferryServes(type, ctx.path()));
    }

    /** Whether a route of Ferry's, not a resource, serves the path with the method. */
    private boolean ferryServes(HandlerType type, String path) {
        InternalRouter current = router;
        return current != null && current.findHttpHandlerEntries(type, path).stream().anyMatch(endpoint -> endpoint.endpoint.handler != handler);
    }

    private void invoke(Context ctx, ResourceRequest request, ResourceMethod method, MediaType produced) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(method.method().getDeclaringClass().getClassLoader());
        try {
            // Written here, with the resource's loader, as a StreamingOutput or an entity's JSON writing may load the resource's classes
            // and throw a WebApplicationException of its own.
            Object result = method.invoke(request);
            ResourceResponses.write(ctx, method.method().getReturnType() == void.class ? null : result, produced);
        } catch (WebApplicationException e) {
            answer(ctx, e, produced);
        } catch (InvocationTargetException e) {
            answer(ctx, e.getCause(), produced);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Answers what a resource method (or the writing of its result) threw: by the extensions' exception
     * mappers ({@link ExceptionMappers#answer}); else a {@link WebApplicationException} as {@link
     * ResourceResponses#write(Context, WebApplicationException)} says, and anything else through Ferry's
     * error mapping, which is why it is thrown on.
     */
    private void answer(Context ctx, Throwable failure, MediaType produced) throws Exception {
        Optional<Response> mapped = mappers.answer(failure);
        if (mapped.isPresent()) {
            ResourceResponses.write(ctx, mapped.get(), produced);
        } else if (failure instanceof WebApplicationException web) {
            ResourceResponses.write(ctx, web);
        } else {
            throw failure instanceof Exception exception ? exception : new InvocationTargetException(failure);
        }
    }
}
