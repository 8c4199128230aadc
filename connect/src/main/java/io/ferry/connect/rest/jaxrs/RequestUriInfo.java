package io.ferry.connect.rest.jaxrs;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

/**
 * The URI of a request as a filter or a resource sees it: the server's root is the base URI, so {@link
 * #getPath()} of {@code /connectors/a/tasks} is {@code connectors/a/tasks}. A filter sees no path
 * parameters (it runs before an extension's resource binds them); a resource sees those of its template,
 * decoded whatever {@code decode} says. There are no matched URIs or resources; URI builders are not
 * supported.
 */
final class RequestUriInfo implements UriInfo {
    private final URI base;
    private final URI request;
    private final Map<String, String> pathParameters;

    /**
     * @param base    the server's root, ending with {@code /}
     * @param request the whole request URI, with its query
     */
    RequestUriInfo(URI base, URI request) {
        this(base, request, Map.of());
    }

    private RequestUriInfo(URI base, URI request, Map<String, String> pathParameters) {
        this.base = base;
        this.request = request;
        this.pathParameters = pathParameters;
    }

    /** The same URI, as the resource whose template bound these (decoded) path parameters sees it. */
    RequestUriInfo withPathParameters(Map<String, String> parameters) {
        return new RequestUriInfo(base, request, Map.copyOf(parameters));
    }

    @Override
    public String getPath() {
        return getPath(true);
    }

    @Override
    public String getPath(boolean decode) {
        String path = decode ? request.getPath() : request.getRawPath();
        if (path == null) {
            return "";
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    @Override
    public List<PathSegment> getPathSegments() {
        return getPathSegments(true);
    }

    @Override
    public List<PathSegment> getPathSegments(boolean decode) {
        List<PathSegment> segments = new ArrayList<>();
        for (String raw : getPath(false).split("/", -1)) {
            String[] parts = raw.split(";");
            MultivaluedMap<String, String> matrix = new MultivaluedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                int equals = parts[i].indexOf('=');
                String name = equals < 0 ? parts[i] : parts[i].substring(0, equals);
                String value = equals < 0 ? "" : parts[i].substring(equals + 1);
                matrix.add(decode ? decode(name) : name, decode ? decode(value) : value);
            }
            segments.add(new Segment(decode ? decode(parts.length == 0 ? "" : parts[0]) : parts.length == 0 ? "" : parts[0], matrix));
        }
        return segments;
    }

    private record Segment(String path, MultivaluedMap<String, String> matrix) implements PathSegment {
        @Override
        public String getPath() {
            return path;
        }

        @Override
        public MultivaluedMap<String, String> getMatrixParameters() {
            return matrix;
        }
    }

    @Override
    public URI getRequestUri() {
        return request;
    }

    @Override
    public UriBuilder getRequestUriBuilder() {
        throw FerryRuntimeDelegate.unsupported("UriBuilder");
    }

    @Override
    public URI getAbsolutePath() {
        return URI.create(base.getScheme() + "://" + base.getRawAuthority() + request.getRawPath());
    }

    @Override
    public UriBuilder getAbsolutePathBuilder() {
        throw FerryRuntimeDelegate.unsupported("UriBuilder");
    }

    @Override
    public URI getBaseUri() {
        return base;
    }

    @Override
    public UriBuilder getBaseUriBuilder() {
        throw FerryRuntimeDelegate.unsupported("UriBuilder");
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters() {
        return getPathParameters(true);
    }

    @Override
    public MultivaluedMap<String, String> getPathParameters(boolean decode) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        pathParameters.forEach(parameters::add);
        return parameters;
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters() {
        return getQueryParameters(true);
    }

    @Override
    public MultivaluedMap<String, String> getQueryParameters(boolean decode) {
        MultivaluedMap<String, String> parameters = new MultivaluedHashMap<>();
        String query = request.getRawQuery();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.add(decode ? decodeQuery(name) : name, decode ? decodeQuery(value) : value);
        }
        return parameters;
    }

    @Override
    public List<String> getMatchedURIs() {
        return List.of();
    }

    @Override
    public List<String> getMatchedURIs(boolean decode) {
        return List.of();
    }

    @Override
    public List<Object> getMatchedResources() {
        return List.of();
    }

    @Override
    public URI resolve(URI uri) {
        return base.resolve(uri);
    }

    @Override
    public URI relativize(URI uri) {
        URI absolute = uri.isAbsolute() ? uri : base.resolve(uri);
        return request.resolve(".").relativize(absolute);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String decodeQuery(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
