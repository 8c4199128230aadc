package io.ferry.connect.rest.jaxrs;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * A response a filter built to answer instead of the route: a status, headers and an entity, written by
 * {@link JaxRsFilters}. It is never read back from a connection, so {@code readEntity} refuses.
 */
final class OutboundResponse extends Response {
    private final StatusType status;
    private final Object entity;
    private final ResponseHeaders headers;

    OutboundResponse(StatusType status, Object entity, MultivaluedMap<String, Object> headers) {
        this.status = status;
        this.entity = entity;
        this.headers = new ResponseHeaders(headers);
    }

    /** A status with a reason phrase, the standard one when the code has one. */
    static StatusType statusOf(int code, String reason) {
        if (code < 100 || code > 599) {
            throw new IllegalArgumentException("Not an HTTP status: " + code);
        }
        Status known = Status.fromStatusCode(code);
        if (reason == null && known != null) {
            return known;
        }
        String phrase = reason != null ? reason : "";
        return new StatusType() {
            @Override
            public int getStatusCode() {
                return code;
            }

            @Override
            public Status.Family getFamily() {
                return Status.Family.familyOf(code);
            }

            @Override
            public String getReasonPhrase() {
                return phrase;
            }
        };
    }

    @Override
    public int getStatus() {
        return status.getStatusCode();
    }

    @Override
    public StatusType getStatusInfo() {
        return status;
    }

    @Override
    public Object getEntity() {
        return entity;
    }

    @Override
    public <T> T readEntity(Class<T> type) {
        throw new IllegalStateException("An outbound response's entity cannot be read; use getEntity()");
    }

    @Override
    public <T> T readEntity(GenericType<T> type) {
        return readEntity((Class<T>) null);
    }

    @Override
    public <T> T readEntity(Class<T> type, Annotation[] annotations) {
        return readEntity(type);
    }

    @Override
    public <T> T readEntity(GenericType<T> type, Annotation[] annotations) {
        return readEntity((Class<T>) null);
    }

    @Override
    public boolean hasEntity() {
        return entity != null;
    }

    @Override
    public boolean bufferEntity() {
        return false;
    }

    @Override
    public void close() {
        // Nothing to release: the entity is an object in memory.
    }

    @Override
    public MediaType getMediaType() {
        return headers.mediaType();
    }

    @Override
    public Locale getLanguage() {
        return headers.language();
    }

    @Override
    public int getLength() {
        return headers.length();
    }

    @Override
    public Set<String> getAllowedMethods() {
        return headers.allowedMethods();
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
    public Date getDate() {
        return headers.date(HttpHeaders.DATE);
    }

    @Override
    public Date getLastModified() {
        return headers.date(HttpHeaders.LAST_MODIFIED);
    }

    @Override
    public URI getLocation() {
        return headers.location();
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
    public MultivaluedMap<String, Object> getMetadata() {
        return headers.values();
    }

    @Override
    public MultivaluedMap<String, String> getStringHeaders() {
        return headers.strings();
    }

    @Override
    public String getHeaderString(String name) {
        return headers.joined(name);
    }
}
