package io.ferry.serde.jsonschema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * How schemas are derived from Java classes and their instances written.
 *
 * @param spec               the draft of derived schemas ({@code json.schema.spec.version})
 * @param oneOfForNullables  an optional property is {@code {"oneOf":[{"type":"null",...},<its schema>]}}
 *                           ({@code json.oneof.for.nullables})
 * @param closed             object schemas say {@code "additionalProperties":false} ({@code json.fail.unknown.properties})
 * @param isoDates           {@code java.util.Date}s are ISO 8601 strings, not epoch milliseconds
 *                           ({@code json.write.dates.iso8601}); {@code java.time} values always are ({@link JavaTimeTypes})
 * @param inclusion          which properties Jackson writes ({@code json.default.property.inclusion}), or {@code null}
 *                           for Jackson's default
 */
public record PojoSchemaOptions(JsonSchemaSpecVersion spec, boolean oneOfForNullables, boolean closed, boolean isoDates,
                                JsonInclude.Include inclusion) {

    /** The defaults of the settings: draft 7, oneOf for nullables, closed objects, epoch-millisecond dates. */
    public static PojoSchemaOptions defaults() {
        return new PojoSchemaOptions(JsonSchemaSpecVersion.DRAFT_7, true, true, false, null);
    }

    /** A Jackson mapper that writes instances the way their derived schema describes them. */
    ObjectMapper mapper() {
        ObjectMapper mapper = JavaTimeTypes.register(new ObjectMapper());
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, !isoDates);
        if (inclusion != null) {
            mapper.setDefaultPropertyInclusion(inclusion);
        }
        return mapper;
    }
}
