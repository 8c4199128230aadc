package io.ferry.connect.rest.jaxrs;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/**
 * Gives one parameter of a resource method its value from a request, as JAX-RS binds it: {@code
 * @PathParam}, {@code @QueryParam} and {@code @HeaderParam} (text converted by {@link StringConversion},
 * {@code @DefaultValue} when absent, or blank for a primitive), {@code @Context} ({@link UriInfo}, {@link HttpHeaders}, {@link
 * Request}, {@link SecurityContext}), and the one unannotated parameter, the entity: a {@code String}
 * (decoded with the request's charset, UTF-8 by default), {@code byte[]}, {@code InputStream}, or
 * anything else read from JSON with Jackson.
 *
 * <p>Failures are JAX-RS's: a path or query value that does not convert 404, a header value 400, a body
 * that is not valid JSON for the type 400, a body that is not JSON where JSON is read 415.
 */
@FunctionalInterface
interface ParameterBinder {
    Object bind(ResourceRequest request);

    /**
     * The binder of a parameter.
     *
     * @throws IllegalArgumentException naming the method and parameter when JAX-RS cannot bind it
     */
    static ParameterBinder of(Method method, Parameter parameter, ObjectMapper json) {
        try {
            return forParameter(parameter, json);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot bind the " + parameter.getType().getSimpleName() + " parameter of the resource method "
                    + method.getDeclaringClass().getName() + "." + method.getName() + ": " + e.getMessage(), e);
        }
    }

    private static ParameterBinder forParameter(Parameter parameter, ObjectMapper json) {
        DefaultValue fallback = parameter.getAnnotation(DefaultValue.class);
        List<String> defaults = fallback == null ? null : List.of(fallback.value());
        PathParam path = parameter.getAnnotation(PathParam.class);
        if (path != null) {
            StringConversion conversion = StringConversion.to(parameter.getType(), parameter.getParameterizedType());
            return request -> {
                String value = request.pathParameter(path.value());
                return convert(conversion, value == null ? null : List.of(value), defaults, "path", path.value(), true);
            };
        }
        QueryParam query = parameter.getAnnotation(QueryParam.class);
        if (query != null) {
            StringConversion conversion = StringConversion.to(parameter.getType(), parameter.getParameterizedType());
            return request -> {
                List<String> values = request.queryParameter(query.value());
                return convert(conversion, values, defaults, "query", query.value(), true);
            };
        }
        HeaderParam header = parameter.getAnnotation(HeaderParam.class);
        if (header != null) {
            StringConversion conversion = StringConversion.to(parameter.getType(), parameter.getParameterizedType());
            return request -> {
                List<String> values = request.header(header.value());
                return convert(conversion, values, defaults, "header", header.value(), false);
            };
        }
        if (parameter.isAnnotationPresent(Context.class)) {
            return context(parameter.getType());
        }
        for (Annotation annotation : parameter.getAnnotations()) {
            if (annotation.annotationType().getPackageName().equals("jakarta.ws.rs")) {
                throw new IllegalArgumentException("@" + annotation.annotationType().getSimpleName() + " is not supported");
            }
        }
        return entity(parameter, json);
    }

    /** Whether a parameter is the entity: it has none of the annotations that bind a parameter from elsewhere. */
    static boolean isEntity(Parameter parameter) {
        return Arrays.stream(parameter.getAnnotations()).map(Annotation::annotationType)
                .noneMatch(type -> type == PathParam.class || type == QueryParam.class || type == HeaderParam.class || type == Context.class);
    }

    private static Object convert(StringConversion conversion, List<String> values, List<String> defaults, String kind, String name,
                                  boolean notFound) {
        try {
            return conversion.convert(conversion.absent(values) && defaults != null ? defaults : values);
        } catch (IllegalArgumentException e) {
            String message = "Invalid " + kind + " parameter " + name + ": " + e.getMessage();
            throw notFound ? new NotFoundException(message) : new BadRequestException(message);
        }
    }

    private static ParameterBinder context(Class<?> type) {
        if (type == UriInfo.class) {
            return ResourceRequest::uriInfo;
        }
        if (type == HttpHeaders.class) {
            return ResourceRequest::context;
        }
        if (type == Request.class) {
            return request -> request.context().getRequest();
        }
        if (type == SecurityContext.class) {
            return request -> request.context().getSecurityContext();
        }
        throw new IllegalArgumentException("@Context " + type.getName() + " is not supported (UriInfo, HttpHeaders, Request and SecurityContext are)");
    }

    private static ParameterBinder entity(Parameter parameter, ObjectMapper json) {
        Class<?> type = parameter.getType();
        if (type == byte[].class) {
            return ResourceRequest::body;
        }
        if (type == InputStream.class) {
            return request -> new ByteArrayInputStream(request.body());
        }
        if (type == String.class) {
            return request -> new String(request.body(), charset(request.mediaType()));
        }
        JavaType target = json.getTypeFactory().constructType(parameter.getParameterizedType());
        return request -> {
            MediaType mediaType = request.mediaType();
            if (mediaType != null && !isJson(mediaType)) {
                throw new NotSupportedException("A " + type.getSimpleName() + " entity is read from JSON, not " + mediaType);
            }
            byte[] body = request.body();
            if (body.length == 0) {
                return null;
            }
            try {
                return json.readValue(body, target);
            } catch (IOException e) {
                String why = e instanceof JsonProcessingException invalid ? invalid.getOriginalMessage() : e.getMessage();
                throw new BadRequestException("The request body is not a valid " + type.getSimpleName() + " in JSON: " + why, e);
            }
        };
    }

    /** Whether a media type is JSON: {@code application/json} or a {@code +json} suffix. */
    static boolean isJson(MediaType type) {
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return (type.getType().equalsIgnoreCase("application") && subtype.equals("json")) || subtype.endsWith("+json");
    }

    private static Charset charset(MediaType type) {
        String name = type == null ? null : type.getParameters().get(MediaType.CHARSET_PARAMETER);
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw new NotSupportedException("Unknown charset " + name + " in the Content-Type " + type);
        }
    }
}
