package io.ferry.connect.rest.jaxrs;

import java.util.Date;
import java.util.List;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

/** The {@link Request} of a filter or resource: its method; variants and preconditions are not supported. */
record MethodOnlyRequest(String method) implements Request {
    @Override
    public String getMethod() {
        return method;
    }

    @Override
    public Variant selectVariant(List<Variant> variants) {
        throw FerryRuntimeDelegate.unsupported("Request.selectVariant");
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(EntityTag eTag) {
        throw FerryRuntimeDelegate.unsupported("Request.evaluatePreconditions");
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(Date lastModified) {
        throw FerryRuntimeDelegate.unsupported("Request.evaluatePreconditions");
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions(Date lastModified, EntityTag eTag) {
        throw FerryRuntimeDelegate.unsupported("Request.evaluatePreconditions");
    }

    @Override
    public Response.ResponseBuilder evaluatePreconditions() {
        throw FerryRuntimeDelegate.unsupported("Request.evaluatePreconditions");
    }
}
