package io.ferry.connect.rest.jaxrs;

import java.net.URI;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * The typed views JAX-RS gives of a response's headers, whose values may be objects ({@link MediaType},
 * {@link URI}, {@link Date}) or their text; shared by built responses and the response filters' context.
 */
record ResponseHeaders(MultivaluedMap<String, Object> values) {

    MediaType mediaType() {
        Object type = values.getFirst(HttpHeaders.CONTENT_TYPE);
        return type == null || type instanceof MediaType ? (MediaType) type : MediaTypeHeader.INSTANCE.fromString(type.toString());
    }

    Locale language() {
        Object language = values.getFirst(HttpHeaders.CONTENT_LANGUAGE);
        return language == null || language instanceof Locale ? (Locale) language : Locale.forLanguageTag(language.toString());
    }

    int length() {
        String length = joined(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? -1 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    Set<String> allowedMethods() {
        Set<String> methods = new LinkedHashSet<>();
        for (Object allowed : values.getOrDefault(HttpHeaders.ALLOW, List.of())) {
            for (String method : allowed.toString().split(",")) {
                if (!method.isBlank()) {
                    methods.add(method.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return methods;
    }

    /** A date header set as a {@link Date}; {@code null} when absent or set as text. */
    Date date(String name) {
        Object value = values.getFirst(name);
        return value instanceof Date date ? date : null;
    }

    URI location() {
        Object location = values.getFirst(HttpHeaders.LOCATION);
        return location == null || location instanceof URI ? (URI) location : URI.create(location.toString());
    }

    MultivaluedMap<String, String> strings() {
        MultivaluedMap<String, String> strings = new CaseInsensitiveHeaders<>();
        values.forEach((name, list) -> list.forEach(value -> strings.add(name, HeaderValues.text(value))));
        return strings;
    }

    String joined(String name) {
        return HeaderValues.joined(values, name);
    }
}
