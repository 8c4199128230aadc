package io.ferry.connect.rest.jaxrs;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.RuntimeDelegate;

/** {@code type/subtype; name=value} to and from {@link MediaType}; a value in quotes keeps what it quotes. */
final class MediaTypeHeader implements RuntimeDelegate.HeaderDelegate<MediaType> {
    static final MediaTypeHeader INSTANCE = new MediaTypeHeader();

    private MediaTypeHeader() {
    }

    @Override
    public MediaType fromString(String value) {
        if (value == null) {
            throw new IllegalArgumentException("A media type may not be null");
        }
        String[] parts = value.split(";");
        String full = parts[0].trim();
        int slash = full.indexOf('/');
        if (full.isEmpty() || slash == 0 || slash == full.length() - 1) {
            throw new IllegalArgumentException("Not a media type: " + value);
        }
        String type = slash < 0 ? full : full.substring(0, slash);
        String subtype = slash < 0 ? MediaType.MEDIA_TYPE_WILDCARD : full.substring(slash + 1);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                continue;
            }
            String parameterValue = parameter.substring(equals + 1).trim();
            if (parameterValue.length() >= 2 && parameterValue.startsWith("\"") && parameterValue.endsWith("\"")) {
                parameterValue = parameterValue.substring(1, parameterValue.length() - 1);
            }
            parameters.put(parameter.substring(0, equals).trim(), parameterValue);
        }
        return new MediaType(type, subtype, parameters);
    }

    @Override
    public String toString(MediaType value) {
        StringBuilder text = new StringBuilder(value.getType()).append('/').append(value.getSubtype());
        value.getParameters().forEach((name, parameter) -> text.append(';').append(name).append('=').append(parameter));
        return text.toString();
    }
}
