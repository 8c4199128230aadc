package io.ferry.connectors.jdbc.source;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.errors.DataException;

/**
 * The {@code timestamp.granularity} values: how a timestamp column appears in a record. Only
 * {@code connect_logical} loses precision (Connect's Timestamp holds milliseconds); the others keep the
 * nanoseconds the database gave.
 */
public enum TimestampGranularity {
    CONNECT_LOGICAL("connect_logical"),
    NANOS_LONG("nanos_long"),
    NANOS_STRING("nanos_string"),
    NANOS_ISO_DATETIME_STRING("nanos_iso_datetime_string");

    private final String configName;

    TimestampGranularity(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    static List<String> names() {
        return Arrays.stream(values()).map(TimestampGranularity::configName).toList();
    }

    static TimestampGranularity parse(String value) {
        return Arrays.stream(values()).filter(g -> g.configName.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown timestamp.granularity " + value));
    }

    /** The field schema a column of Connect's Timestamp schema {@code mapped} gets. */
    Schema schema(Schema mapped) {
        SchemaBuilder builder = switch (this) {
            case CONNECT_LOGICAL -> null;
            case NANOS_LONG -> SchemaBuilder.int64();
            case NANOS_STRING, NANOS_ISO_DATETIME_STRING -> SchemaBuilder.string();
        };
        if (builder == null) {
            return mapped;
        }
        return mapped.isOptional() ? builder.optional().build() : builder.build();
    }

    /** The field value of a timestamp column's value, keeping its nanoseconds where this granularity can. */
    Object value(java.util.Date value) {
        if (value == null || this == CONNECT_LOGICAL) {
            return value;
        }
        Instant instant = value instanceof Timestamp timestamp ? timestamp.toInstant() : value.toInstant();
        if (this == NANOS_ISO_DATETIME_STRING) {
            return instant.toString();
        }
        long nanos;
        try {
            nanos = Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException e) {
            throw new DataException("The timestamp " + instant + " has no nanoseconds since 1970 that a long holds (only "
                    + "1677-09-21 to 2262-04-11 do); set timestamp.granularity to connect_logical or nanos_iso_datetime_string", e);
        }
        return switch (this) {
            case NANOS_LONG -> nanos;
            case NANOS_STRING -> Long.toString(nanos);
            case NANOS_ISO_DATETIME_STRING -> instant.toString();
            default -> value;
        };
    }
}
