package io.ferry.connect.rest.jaxrs;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

/**
 * Builds {@link OutboundResponse}s: status, entity and headers. Cookies, entity tags, variants and
 * links, which need header delegates Ferry does not have, are refused with {@link
 * UnsupportedOperationException}; a filter may still set any header by name.
 */
final class OutboundResponseBuilder extends Response.ResponseBuilder {
    private Response.StatusType status = Response.Status.OK;
    private Object entity;
    private final MultivaluedMap<String, Object> headers = new MultivaluedHashMap<>();

    @Override
    public Response build() {
        MultivaluedMap<String, Object> copy = new MultivaluedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return new OutboundResponse(status, entity, copy);
    }

    @Override
    @SuppressWarnings("MethodDoesntCallSuperMethod")
    public Response.ResponseBuilder clone() {
        OutboundResponseBuilder copy = new OutboundResponseBuilder();
        copy.status = status;
        copy.entity = entity;
        headers.forEach((name, values) -> copy.headers.put(name, new java.util.ArrayList<>(values)));
        return copy;
    }

    @Override
    public Response.ResponseBuilder status(int code) {
        return status(code, null);
    }

    @Override
    public Response.ResponseBuilder status(int code, String reasonPhrase) {
        this.status = OutboundResponse.statusOf(code, reasonPhrase);
        return this;
    }

    @Override
    public Response.ResponseBuilder entity(Object entity) {
        this.entity = entity;
        return this;
    }

    @Override
    public Response.ResponseBuilder entity(Object entity, Annotation[] annotations) {
        return entity(entity);
    }

    @Override
    public Response.ResponseBuilder allow(String... methods) {
        return methods == null ? header(HttpHeaders.ALLOW, null) : allow(Set.of(methods));
    }

    @Override
    public Response.ResponseBuilder allow(Set<String> methods) {
        return header(HttpHeaders.ALLOW, null).header(HttpHeaders.ALLOW, methods == null ? null : String.join(",", methods));
    }

    @Override
    public Response.ResponseBuilder cacheControl(CacheControl cacheControl) {
        throw FerryRuntimeDelegate.unsupported("CacheControl");
    }

    @Override
    public Response.ResponseBuilder encoding(String encoding) {
        return replace(HttpHeaders.CONTENT_ENCODING, encoding);
    }

    /** Adds a value to a header; {@code null} removes the header. */
    @Override
    public Response.ResponseBuilder header(String name, Object value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.add(name, value);
        }
        return this;
    }

    @Override
    public Response.ResponseBuilder replaceAll(MultivaluedMap<String, Object> replacement) {
        headers.clear();
        if (replacement != null) {
            replacement.forEach((name, values) -> headers.put(name, new java.util.ArrayList<>(values)));
        }
        return this;
    }

    @Override
    public Response.ResponseBuilder language(String language) {
        return replace(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @Override
    public Response.ResponseBuilder language(Locale language) {
        return replace(HttpHeaders.CONTENT_LANGUAGE, language == null ? null : language.toLanguageTag());
    }

    @Override
    public Response.ResponseBuilder type(MediaType type) {
        return replace(HttpHeaders.CONTENT_TYPE, type);
    }

    @Override
    public Response.ResponseBuilder type(String type) {
        return replace(HttpHeaders.CONTENT_TYPE, type);
    }

    @Override
    public Response.ResponseBuilder variant(Variant variant) {
        throw FerryRuntimeDelegate.unsupported("Variant");
    }

    @Override
    public Response.ResponseBuilder contentLocation(URI location) {
        return replace(HttpHeaders.CONTENT_LOCATION, location);
    }

    @Override
    public Response.ResponseBuilder cookie(NewCookie... cookies) {
        throw FerryRuntimeDelegate.unsupported("NewCookie");
    }

    @Override
    public Response.ResponseBuilder expires(Date expires) {
        return replace(HttpHeaders.EXPIRES, expires);
    }

    @Override
    public Response.ResponseBuilder lastModified(Date lastModified) {
        return replace(HttpHeaders.LAST_MODIFIED, lastModified);
    }

    @Override
    public Response.ResponseBuilder location(URI location) {
        return replace(HttpHeaders.LOCATION, location);
    }

    @Override
    public Response.ResponseBuilder tag(EntityTag tag) {
        throw FerryRuntimeDelegate.unsupported("EntityTag");
    }

    @Override
    public Response.ResponseBuilder tag(String tag) {
        throw FerryRuntimeDelegate.unsupported("EntityTag");
    }

    @Override
    public Response.ResponseBuilder variants(Variant... variants) {
        throw FerryRuntimeDelegate.unsupported("Variant");
    }

    @Override
    public Response.ResponseBuilder variants(List<Variant> variants) {
        throw FerryRuntimeDelegate.unsupported("Variant");
    }

    @Override
    public Response.ResponseBuilder links(Link... links) {
        throw FerryRuntimeDelegate.unsupported("Link");
    }

    @Override
    public Response.ResponseBuilder link(URI uri, String rel) {
        throw FerryRuntimeDelegate.unsupported("Link");
    }

    @Override
    public Response.ResponseBuilder link(String uri, String rel) {
        throw FerryRuntimeDelegate.unsupported("Link");
    }

    private Response.ResponseBuilder replace(String name, Object value) {
        headers.remove(name);
        return header(name, value);
    }
}
