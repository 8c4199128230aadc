package io.ferry.connect.rest.jaxrs;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.net.URI;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.javalin.http.Context;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * A Javalin answer as a JAX-RS response filter sees it: its status and headers, which the filter may
 * change, and its entity, which it may replace. The changes reach the answer when {@link #apply()} is
 * called after the last filter. The entity is the body as text; the entity stream is not offered.
 */
final class JavalinResponseContext implements ContainerResponseContext {
    private final Context ctx;
    private final MultivaluedMap<String, Object> headers = new CaseInsensitiveHeaders<>();
    private final ResponseHeaders typed = new ResponseHeaders(headers);
    /** The headers the answer had before the filters, by lower-case name: only those the filters change are rewritten. */
    private final Map<String, List<String>> original = new HashMap<>();
    private Response.StatusType status;
    private Object entity;
    private boolean entityRead;
    private boolean entityReplaced;

    JavalinResponseContext(Context ctx) {
        this.ctx = ctx;
        for (String name : ctx.res().getHeaderNames()) {
            original.put(name.toLowerCase(Locale.ROOT), List.copyOf(ctx.res().getHeaders(name)));
            ctx.res().getHeaders(name).forEach(value -> headers.add(name, value));
        }
        this.status = OutboundResponse.statusOf(ctx.statusCode(), null);
    }

    /** The answer's body as text, read when a filter first asks and put back, as reading consumes it. */
    private Object entity() {
        if (!entityRead) {
            entityRead = true;
            String body = ctx.result();
            if (body != null) {
                ctx.result(body);
            }
            entity = body;
        }
        return entity;
    }

    /** Writes the status, headers and entity the filters left into the answer. */
    void apply() {
        ctx.status(status.getStatusCode());
        for (String name : original.keySet()) {
            if (!headers.containsKey(name)) {
                ctx.res().setHeader(name, null);
            }
        }
        headers.forEach((name, values) -> {
            List<String> texts = values.stream().map(HeaderValues::text).toList();
            // Rewriting an unchanged header is not harmless: the server's own Date cannot be removed, so it would be sent twice.
            if (!texts.equals(original.get(name.toLowerCase(Locale.ROOT)))) {
                ctx.res().setHeader(name, null);
                texts.forEach(value -> ctx.res().addHeader(name, value));
            }
        });
        if (entityReplaced) {
            if (entity == null) {
                ctx.result("");
            } else {
                ctx.result(JaxRsFilters.bytes(entity));
            }
        }
    }

    @Override
    public int getStatus() {
        return status.getStatusCode();
    }

    @Override
    public void setStatus(int code) {
        this.status = OutboundResponse.statusOf(code, null);
    }

    @Override
    public Response.StatusType getStatusInfo() {
        return status;
    }

    @Override
    public void setStatusInfo(Response.StatusType statusInfo) {
        this.status = statusInfo;
    }

    @Override
    public MultivaluedMap<String, Object> getHeaders() {
        return headers;
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        return typed.strings();
    }

    @Override
    public String getHeaderString(String name) {
        return typed.joined(name);
    }

    @Override
    public Set<String> getAllowedMethods() {
        return typed.allowedMethods();
    }

    @Override
    public Date getDate() {
        return typed.date(HttpHeaders.DATE);
    }

    @Override
    public Locale getLanguage() {
        return typed.language();
    }

    @Override
    public int getLength() {
        return typed.length();
    }

    @Override
    public MediaType getMediaType() {
        return typed.mediaType();
    }

    @Override
    public Map<String, NewCookie> getCookies() {
        return Map.of();
    }

    @Override
    public EntityTag getEntityTag() {
        return null;
    }

    @Override
    public Date getLastModified() {
        return typed.date(HttpHeaders.LAST_MODIFIED);
    }

    @Override
    public URI getLocation() {
        return typed.location();
    }

    @Override
    public Set<Link> getLinks() {
        return Set.of();
    }

    @Override
    public boolean hasLink(String relation) {
        return false;
    }

    @Override
    public Link getLink(String relation) {
        return null;
    }

    @Override
    public Link.Builder getLinkBuilder(String relation) {
        return null;
    }

    @Override
    public boolean hasEntity() {
        return entity() != null;
    }

    @Override
    public Object getEntity() {
        return entity();
    }

    @Override
    public Class<?> getEntityClass() {
        return entity() == null ? null : entity().getClass();
    }

    @Override
    public Type getEntityType() {
        return getEntityClass();
    }

    @Override
    public void setEntity(Object entity) {
        this.entity = entity;
        this.entityRead = true;
        this.entityReplaced = true;
    }

    @Override
    public void setEntity(Object entity, Annotation[] annotations, MediaType mediaType) {
        setEntity(entity);
        if (mediaType != null) {
            headers.putSingle(HttpHeaders.CONTENT_TYPE, mediaType);
        }
    }

    @Override
    public Annotation[] getEntityAnnotations() {
        return new Annotation[0];
    }

    @Override
    public OutputStream getEntityStream() {
        throw new UnsupportedOperationException("Ferry's REST API does not offer a response's entity stream to filters");
    }

    @Override
    public void setEntityStream(OutputStream output) {
        throw new UnsupportedOperationException("Ferry's REST API does not offer a response's entity stream to filters");
    }
}
