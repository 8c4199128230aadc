package io.ferry.serde.jsonschema;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * How POJO properties of {@code java.time} types are written, read and described: as ISO 8601 strings
 * ({@code 2026-11-27T10:15:30Z}, {@code 2026-11-27}, {@code 10:15:30}, {@code 2026-11-27T10:15:30},
 * {@code PT1H30M}), whatever {@code json.write.dates.iso8601} says, which stays about {@code java.util.Date} and
 * {@code Calendar} only. Their schemas are strings with the JSON Schema {@code format} that fits the written form:
 * {@code date-time} only for values with an offset, {@code date} for {@link LocalDate}, none for
 * {@link LocalDateTime} and {@link LocalTime} (the formats {@code date-time} and {@code time} require an offset),
 * {@code duration} only from draft 2019-09 on, where the format was defined.
 */
final class JavaTimeTypes {
    /** The types written as strings; others of the module (Year, MonthDay, ...) keep Jackson's defaults. */
    private static final List<Class<?>> STRING_TYPES = List.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class,
            LocalDate.class, LocalDateTime.class, LocalTime.class, Duration.class);

    private JavaTimeTypes() {
    }

    /**
     * Lets {@code mapper} write and read {@code java.time} values as ISO 8601 strings; how it writes
     * {@code java.util.Date} is left alone. Reading keeps the offset a value was written with instead of moving it
     * to UTC, so an {@link OffsetDateTime} reads back equal to the one written.
     */
    static ObjectMapper register(ObjectMapper mapper) {
        mapper.registerModule(new JavaTimeModule());
        // A per-type shape, not WRITE_DATES_AS_TIMESTAMPS, which json.write.dates.iso8601 sets for java.util.Date.
        for (Class<?> type : STRING_TYPES) {
            mapper.configOverride(type).setFormat(JsonFormat.Value.forShape(JsonFormat.Shape.STRING));
        }
        mapper.configure(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE, false);
        return mapper;
    }

    /** Whether {@code type} is one of the {@code java.time} types written as ISO 8601 strings. */
    static boolean isStringType(Class<?> type) {
        return STRING_TYPES.contains(type);
    }

    /** Fills {@code node} with the schema of {@code type}, one of {@link #isStringType}'s, in {@code spec}. */
    static ObjectNode describe(Class<?> type, JsonSchemaSpecVersion spec, ObjectNode node) {
        node.put("type", "string");
        String format = format(type, spec);
        if (format != null) {
            node.put("format", format);
        }
        return node;
    }

    private static String format(Class<?> type, JsonSchemaSpecVersion spec) {
        if (type == Instant.class || type == OffsetDateTime.class || type == ZonedDateTime.class) {
            return "date-time";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (type == Duration.class) {
            return spec.ordinal() >= JsonSchemaSpecVersion.DRAFT_2019_09.ordinal() ? "duration" : null;
        }
        // LocalDateTime and LocalTime have no offset, which date-time and time (RFC 3339's full-time) require, and
        // the validator asserts formats up to draft 7: a plain string claims nothing false and validates.
        return null;
    }
}
