package io.ferry.connect.rest.jaxrs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.javalin.http.Context;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.GenericEntity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * Writes what a resource method returned, or the response a filter aborted a request with, as JAX-RS
 * does: a {@link Response} with its status, headers and entity; {@code void} or {@code null} 204; anything else 200 with it as the entity. An entity is
 * written as {@link JaxRsFilters#bytes} writes it (a {@code String} in the charset of its {@code
 * Content-Type}, UTF-8 by default, a {@code byte[]} as it
 * is, an {@code InputStream} read to its end, a {@code StreamingOutput} written to its end, the entity of
 * a {@code GenericEntity} as that entity, anything else as JSON), with the response's {@code
 * Content-Type} or else the media type chosen from the method's {@code @Produces} and the request's
 * {@code Accept} ({@link #choose}).
 */
final class ResourceResponses {
    private ResourceResponses() {
    }

    /**
     * Writes a result.
     *
     * @param chosen the media type of an entity the result does not type itself; {@code null} to type it
     *               by its kind: a {@code String} {@code text/plain}, a {@code byte[]} or stream {@code
     *               application/octet-stream}, anything else JSON
     */
    static void write(Context ctx, Object result, MediaType chosen) {
        if (result instanceof Response response) {
            ctx.status(response.getStatus());
            response.getStringHeaders().forEach((name, values) -> {
                ctx.res().setHeader(name, null);
                values.forEach(value -> ctx.res().addHeader(name, value));
            });
            Object entity = unwrap(response.getEntity());
            if (entity != null && response.getStatus() != 204 && response.getStatus() != 304) {
                entity(ctx, entity, response.getHeaderString(HttpHeaders.CONTENT_TYPE) != null ? null : typeOf(entity, chosen));
            }
        } else if (unwrap(result) == null) {
            ctx.status(204);
        } else {
            ctx.status(200);
            entity(ctx, unwrap(result), typeOf(unwrap(result), chosen));
        }
    }

    /** The entity a {@link GenericEntity} wraps, which only carries its type for JAX-RS's writers; else the entity itself. */
    private static Object unwrap(Object entity) {
        return entity instanceof GenericEntity<?> generic ? generic.getEntity() : entity;
    }

    private static String typeOf(Object entity, MediaType chosen) {
        if (chosen != null && !chosen.isWildcardType()) {
            return MediaTypeHeader.INSTANCE.toString(chosen.isWildcardSubtype() ? concrete(chosen) : chosen);
        }
        return entity instanceof String ? MediaType.TEXT_PLAIN + "; charset=utf-8"
                : entity instanceof byte[] || entity instanceof InputStream || entity instanceof StreamingOutput ? MediaType.APPLICATION_OCTET_STREAM
                : MediaType.APPLICATION_JSON;
    }

    /** Answers a {@link WebApplicationException} with its {@linkplain #failure response}. */
    static void write(Context ctx, WebApplicationException failure) {
        write(ctx, failure(failure), null);
    }

    /**
     * The response a {@link WebApplicationException} answers with, thrown by a resource or a filter: its
     * own when it carries an entity, as JAX-RS says; else, as Apache Kafka Connect's exception mapper
     * answers it, its status with the error body {@code {"error_code": <status>, "message": ...}} (in JSON,
     * with the exception's other headers, which Apache's mapper drops, such as {@code Allow} or {@code
     * WWW-Authenticate}).
     */
    static Response failure(WebApplicationException failure) {
        Response response = failure.getResponse();
        if (response.getEntity() != null) {
            return response;
        }
        Response.ResponseBuilder answer = Response.status(response.getStatus());
        response.getStringHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error_code", response.getStatus());
        body.put("message", failure.getMessage());
        return answer.entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static void entity(Context ctx, Object entity, String type) {
        Object written = entity;
        if (entity instanceof InputStream input) {
            try (input) {
                written = input.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not read the InputStream entity of a REST extension's response", e);
            }
        } else if (entity instanceof StreamingOutput output) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try {
                output.write(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException("The StreamingOutput entity of a REST extension's response failed", e);
            }
            written = bytes.toByteArray();
        }
        if (type != null) {
            ctx.contentType(type);
        }
        ctx.result(written instanceof String text ? text.getBytes(charset(ctx.res().getContentType())) : JaxRsFilters.bytes(written));
    }

    /** The charset a {@code Content-Type} names; UTF-8 when it names none, or one this JVM does not know. */
    private static Charset charset(String contentType) {
        try {
            String name = contentType == null ? null : MediaType.valueOf(contentType).getParameters().get(MediaType.CHARSET_PARAMETER);
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    /**
     * The media type of an answer: the first of the method's {@code @Produces} (any when it has none)
     * that the client accepts, taking the client's preferences by quality; {@code null} when the client
     * accepts none. It may be a wildcard, which {@link #write} makes concrete: {@code *}{@code /*} by the
     * entity (a {@code String} {@code text/plain}, bytes {@code application/octet-stream}, anything else
     * JSON), {@code application/*} JSON, {@code text/*} {@code text/plain}.
     */
    static MediaType choose(List<MediaType> produces, List<MediaType> accepted) {
        List<MediaType> offered = produces.isEmpty() ? List.of(MediaType.WILDCARD_TYPE) : produces;
        List<MediaType> byQuality = accepted.stream().filter(type -> quality(type) > 0)
                .sorted((a, b) -> Double.compare(quality(b), quality(a))).toList();
        for (MediaType wanted : byQuality) {
            for (MediaType offer : offered) {
                if (offer.isCompatible(wanted)) {
                    return moreSpecific(offer, wanted);
                }
            }
        }
        return null;
    }

    private static MediaType concrete(MediaType type) {
        if (type.getType().equalsIgnoreCase("application")) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        return type.getType().equalsIgnoreCase("text") ? MediaType.TEXT_PLAIN_TYPE : MediaType.APPLICATION_OCTET_STREAM_TYPE;
    }

    private static MediaType moreSpecific(MediaType offer, MediaType wanted) {
        boolean offerIsWildcard = offer.isWildcardType() || offer.isWildcardSubtype();
        if (!offerIsWildcard || wanted.isWildcardType() || (wanted.isWildcardSubtype() && offer.isWildcardSubtype())) {
            return offer;
        }
        return withoutQuality(wanted);
    }

    private static MediaType withoutQuality(MediaType type) {
        return new MediaType(type.getType(), type.getSubtype());
    }

    private static double quality(MediaType type) {
        String q = type.getParameters().get("q");
        try {
            return q == null ? 1.0 : Double.parseDouble(q);
        } catch (NumberFormatException e) {
            return 1.0;
        }
    }
}
