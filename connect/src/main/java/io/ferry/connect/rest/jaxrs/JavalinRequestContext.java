package io.ferry.connect.rest.jaxrs;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.security.Principal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.javalin.http.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * A Javalin request as a JAX-RS request filter sees it, and as the {@link HttpHeaders} an extension's
 * resource is given (with the headers as the filters left them). Filters run after Ferry has chosen to serve the
 * request (post-matching, in JAX-RS terms), so the method and URI cannot be changed; the body can be
 * read, not replaced. Headers the filter changes are seen by later filters only. Cookies are not parsed
 * (read the {@code Cookie} header). Used by one request's thread.
 */
final class JavalinRequestContext implements ContainerRequestContext, HttpHeaders {
    private final Context ctx;
    private final Map<String, Object> properties = new HashMap<>();
    private final MultivaluedMap<String, String> headers = new CaseInsensitiveHeaders<>();
    private final RequestUriInfo uriInfo;
    private SecurityContext securityContext;
    private Response aborted;

    JavalinRequestContext(Context ctx) {
        this.ctx = ctx;
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.addAll(name, Collections.list(ctx.req().getHeaders(name)));
        }
        URI request = requestUri(ctx);
        this.uriInfo = new RequestUriInfo(URI.create(request.getScheme() + "://" + request.getRawAuthority() + "/"), request);
        this.securityContext = new AnonymousSecurityContext("https".equalsIgnoreCase(request.getScheme()));
    }

    private static URI requestUri(Context ctx) {
        String query = ctx.req().getQueryString();
        return URI.create(ctx.req().getRequestURL() + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    /** The response a filter answered with instead of the route; {@code null} while none did. */
    Response aborted() {
        return aborted;
    }

    @Override
    public Object getProperty(String name) {
        return properties.get(name);
    }

    @Override
    public Collection<String> getPropertyNames() {
        return List.copyOf(properties.keySet());
    }

    @Override
    public void setProperty(String name, Object value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
    }

    @Override
    public void removeProperty(String name) {
        properties.remove(name);
    }

    @Override
    public RequestUriInfo getUriInfo() {
        return uriInfo;
    }

    @Override
    public void setRequestUri(URI requestUri) {
        throw new IllegalStateException("The request URI can only be changed before requests are matched, which Ferry's REST API does not offer");
    }

    @Override
    public void setRequestUri(URI baseUri, URI requestUri) {
        setRequestUri(requestUri);
    }

    /** The request's method; content negotiation and preconditions are not supported. */
    @Override
    public Request getRequest() {
        return new MethodOnlyRequest(getMethod());
    }

    @Override
    public String getMethod() {
        return ctx.req().getMethod();
    }

    @Override
    public void setMethod(String method) {
        throw new IllegalStateException("The request method can only be changed before requests are matched, which Ferry's REST API does not offer");
    }

    @Override
    public MultivaluedMap<String, String> getHeaders() {
        return headers;
    }

    @Override
    public List<String> getRequestHeader(String name) {
        return headers.get(name);
    }

    @Override
    public MultivaluedMap<String, String> getRequestHeaders() {
        return headers;
    }

    @Override
    public String getHeaderString(String name) {
        return HeaderValues.joined(headers, name);
    }

    @Override
    public Date getDate() {
        String date = headers.getFirst(HttpHeaders.DATE);
        if (date == null) {
            return null;
        }
        try {
            return Date.from(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not an HTTP date in the Date header: " + date, e);
        }
    }

    @Override
    public Locale getLanguage() {
        String language = headers.getFirst(HttpHeaders.CONTENT_LANGUAGE);
        return language == null ? null : Locale.forLanguageTag(language.trim());
    }

    @Override
    public int getLength() {
        String length = headers.getFirst(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public MediaType getMediaType() {
        String type = headers.getFirst(HttpHeaders.CONTENT_TYPE);
        return type == null ? null : MediaTypeHeader.INSTANCE.fromString(type);
    }

    @Override
    public List<MediaType> getAcceptableMediaTypes() {
        List<MediaType> types = new ArrayList<>();
        for (String accept : headers.getOrDefault(HttpHeaders.ACCEPT, List.of())) {
            for (String range : accept.split(",")) {
                if (!range.isBlank()) {
                    types.add(MediaTypeHeader.INSTANCE.fromString(range.trim()));
                }
            }
        }
        return types.isEmpty() ? List.of(MediaType.WILDCARD_TYPE) : types;
    }

    @Override
    public List<Locale> getAcceptableLanguages() {
        List<Locale> languages = new ArrayList<>();
        for (String accept : headers.getOrDefault(HttpHeaders.ACCEPT_LANGUAGE, List.of())) {
            for (String range : accept.split(",")) {
                String tag = range.split(";")[0].trim();
                if (!tag.isEmpty()) {
                    languages.add(tag.equals("*") ? new Locale("*") : Locale.forLanguageTag(tag));
                }
            }
        }
        return languages.isEmpty() ? List.of(new Locale("*")) : languages;
    }

    @Override
    public Map<String, Cookie> getCookies() {
        return Map.of();
    }

    @Override
    public boolean hasEntity() {
        return getLength() > 0 || headers.containsKey("Transfer-Encoding");
    }

    /** The body, read once and kept by Javalin, so that the route still sees it. */
    @Override
    public InputStream getEntityStream() {
        return new ByteArrayInputStream(ctx.bodyAsBytes());
    }

    @Override
    public void setEntityStream(InputStream input) {
        throw new UnsupportedOperationException("Ferry's REST API does not let a filter replace a request's body");
    }

    @Override
    public SecurityContext getSecurityContext() {
        return securityContext;
    }

    @Override
    public void setSecurityContext(SecurityContext context) {
        this.securityContext = context;
    }

    @Override
    public void abortWith(Response response) {
        if (response == null) {
            throw new NullPointerException("abortWith needs a response");
        }
        this.aborted = response;
    }

    /** The security context of a request no filter has authenticated. */
    private record AnonymousSecurityContext(boolean secure) implements SecurityContext {
        @Override
        public Principal getUserPrincipal() {
            return null;
        }

        @Override
        public boolean isUserInRole(String role) {
            return false;
        }

        @Override
        public boolean isSecure() {
            return secure;
        }

        @Override
        public String getAuthenticationScheme() {
            return null;
        }
    }
}
