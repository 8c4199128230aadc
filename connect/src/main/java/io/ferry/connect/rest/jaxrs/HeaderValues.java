package io.ferry.connect.rest.jaxrs;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;

/** How JAX-RS header values, which may be objects, become the text sent on the wire. */
final class HeaderValues {

    private HeaderValues() {
    }

    static String text(Object value) {
        if (value instanceof MediaType type) {
            return MediaTypeHeader.INSTANCE.toString(type);
        }
        if (value instanceof Date date) {
            return DateTimeFormatter.RFC_1123_DATE_TIME.format(date.toInstant().atZone(ZoneOffset.UTC));
        }
        return String.valueOf(value);
    }

    /**
     * The values of a header, found whatever its case, joined with commas as {@code getHeaderString}
     * answers; {@code null} when the header is absent.
     */
    static String joined(Map<String, ? extends List<?>> headers, String name) {
        for (Map.Entry<String, ? extends List<?>> header : headers.entrySet()) {
            if (header.getKey().equalsIgnoreCase(name) && header.getValue() != null) {
                return header.getValue().stream().map(HeaderValues::text).collect(Collectors.joining(","));
            }
        }
        return null;
    }
}
