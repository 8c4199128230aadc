package io.ferry.connect.rest.jaxrs;

import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import jakarta.ws.rs.core.MediaType;

/**
 * One request as an extension's resource method binds its parameters from it: the request as the
 * filters left it, the path parameters of the matched template, and its body. Used by one request's thread.
 */
final class ResourceRequest {
    private final Context ctx;
    private final JavalinRequestContext request;
    private final RequestUriInfo uriInfo;
    private final Map<String, String> pathParameters;

    ResourceRequest(Context ctx, JavalinRequestContext request, Map<String, String> pathParameters) {
        this.ctx = ctx;
        this.request = request;
        this.uriInfo = request.getUriInfo().withPathParameters(pathParameters);
        this.pathParameters = pathParameters;
    }

    /** The value of a path parameter; {@code null} when the template has no such variable. */
    String pathParameter(String name) {
        return pathParameters.get(name);
    }

    /** Every value of a query parameter, decoded; {@code null} when absent. */
    List<String> queryParameter(String name) {
        return uriInfo.getQueryParameters().get(name);
    }

    /** Every value of a header; {@code null} when absent. */
    List<String> header(String name) {
        return request.getRequestHeader(name);
    }

    /** The request's {@code Content-Type}; {@code null} when it has none. */
    MediaType mediaType() {
        return request.getMediaType();
    }

    /** The body, read once and kept. */
    byte[] body() {
        return ctx.bodyAsBytes();
    }

    RequestUriInfo uriInfo() {
        return uriInfo;
    }

    JavalinRequestContext context() {
        return request;
    }
}
