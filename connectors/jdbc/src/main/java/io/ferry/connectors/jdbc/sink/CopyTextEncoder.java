package io.ferry.connectors.jdbc.sink;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.DebeziumType;
import io.ferry.connectors.jdbc.dialect.PostgresDialect;
import io.ferry.connectors.jdbc.dialect.PostgresTemporalText;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;

/**
 * Encodes rows in PostgreSQL's COPY text format: one line per row, columns separated by tabs, {@code \N}
 * for NULL (so an empty string stays an empty string), and backslash, tab, newline and carriage return
 * escaped with a backslash. Values are written as PostgreSQL reads their text form: bytea as {@code \x} hex,
 * Connect Date and Time as the UTC calendar date and time of day they stand for, Timestamp as a local time
 * in {@code db.timezone} (with the offset for {@code timestamptz} columns), dates and timestamps in
 * {@link PostgresTemporalText}'s proleptic calendar with {@code BC} before year 1, as the INSERTs bind them, a BOOLEAN into a bit column as
 * {@code 1} or {@code 0}; Debezium's types by their {@link DebeziumType#value standard values}. Not thread-safe.
 */
final class CopyTextEncoder {

    private final ZoneId timeZone;
    /** Whether a column type name is a timestamp with time zone; asked for every timestamp, so remembered. */
    private final java.util.Map<String, Boolean> zonedTypes = new java.util.HashMap<>();

    CopyTextEncoder(ZoneId timeZone) {
        this.timeZone = timeZone;
    }

    /** Whether COPY text can carry values of the schema: primitives and Connect's logical types, no containers. */
    static boolean supports(Schema schema) {
        if (schema == null) {
            return false;
        }
        return switch (schema.type()) {
            case STRUCT, ARRAY, MAP -> false;
            default -> true;
        };
    }

    /** Appends one row's line (with its newline); {@code columns} are the table's columns in the row's order. */
    void appendRow(StringBuilder out, List<ColumnValue> values, List<ColumnDefinition> columns) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append('\t');
            }
            ColumnValue value = values.get(i);
            appendValue(out, value.schema(), value.value(), columns.get(i));
        }
        out.append('\n');
    }

    void appendValue(StringBuilder out, Schema schema, Object value, ColumnDefinition column) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        DebeziumType semantic = DebeziumType.of(schema);
        if (semantic != DebeziumType.NONE) {
            appendSemantic(out, semantic.kind(), semantic.value(schema, value), column);
            return;
        }
        String logical = schema.name();
        if (Decimal.LOGICAL_NAME.equals(logical)) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (Date.LOGICAL_NAME.equals(logical)) {
            out.append(PostgresTemporalText.date(LocalDate.ofInstant(((java.util.Date) value).toInstant(), ZoneOffset.UTC)));
        } else if (Time.LOGICAL_NAME.equals(logical)) {
            out.append(LocalTime.ofNanoOfDay(Math.floorMod(((java.util.Date) value).getTime(), 86_400_000L) * 1_000_000L));
        } else if (Timestamp.LOGICAL_NAME.equals(logical)) {
            Instant instant = ((java.util.Date) value).toInstant();
            String infinity = PostgresTemporalText.infinity(instant);
            boolean zoned = zonedTypes.computeIfAbsent(column.typeName(), CopyTextEncoder::isZoned);
            if (infinity != null) {
                out.append(infinity);
            } else if (zoned) {
                out.append(PostgresTemporalText.dateTimeWithOffset(instant.atZone(timeZone)));
            } else {
                appendLocal(out, LocalDateTime.ofInstant(instant, timeZone));
            }
        } else if (schema.type() == Schema.Type.BOOLEAN && PostgresDialect.isBitString(column)) {
            out.append((Boolean) value ? '1' : '0'); // a bit column reads no t/f
        } else {
            appendPrimitive(out, schema.type(), value);
        }
    }

    /**
     * A Debezium type's standard value in ISO-8601 text, which PostgreSQL reads with all its fraction digits:
     * a zoneless timestamp as it is, an instant as a Timestamp is written, a duration as an interval.
     */
    private void appendSemantic(StringBuilder out, DebeziumType.Kind kind, Object standard, ColumnDefinition column) {
        switch (kind) {
            // ISO-8601 text but for years before 1, whose sign PostgreSQL refuses: those in its BC form
            case DATE -> out.append(((LocalDate) standard).getYear() > 0 ? standard.toString()
                    : PostgresTemporalText.date((LocalDate) standard));
            case LOCAL_TIMESTAMP -> out.append(((LocalDateTime) standard).getYear() > 0 ? standard.toString()
                    : PostgresTemporalText.dateTime((LocalDateTime) standard));
            case YEAR, TIME, DECIMAL, BITS -> out.append(standard instanceof BigDecimal decimal
                    ? decimal.toPlainString() : standard.toString());
            case INSTANT -> {
                ZonedDateTime local = ((Instant) standard).atZone(timeZone);
                boolean zoned = zonedTypes.computeIfAbsent(column.typeName(), CopyTextEncoder::isZoned);
                if (local.getYear() <= 0) {
                    out.append(zoned ? PostgresTemporalText.dateTimeWithOffset(local) : PostgresTemporalText.dateTime(local.toLocalDateTime()));
                } else {
                    out.append(zoned ? local.toOffsetDateTime() : local.toLocalDateTime());
                }
            }
            case DURATION_MICROS -> out.append(standard).append(" microseconds");
            default -> escape(out, (String) standard);
        }
    }

    private static boolean isZoned(String typeName) {
        String type = typeName.toLowerCase(java.util.Locale.ROOT);
        return type.contains("tz") || type.contains("with time zone");
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS} without a formatter: this runs for every timestamp of a bulk load. */
    private static void appendLocal(StringBuilder out, LocalDateTime time) {
        int year = time.getYear();
        if (year < 1000 || year > 9999) {
            out.append(PostgresTemporalText.dateTime(time.withNano(time.getNano() / 1_000_000 * 1_000_000))); // rare: eras and widths
            return;
        }
        out.append(year).append('-');
        two(out, time.getMonthValue()).append('-');
        two(out, time.getDayOfMonth()).append(' ');
        two(out, time.getHour()).append(':');
        two(out, time.getMinute()).append(':');
        two(out, time.getSecond()).append('.');
        int millis = time.getNano() / 1_000_000;
        out.append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10)).append((char) ('0' + millis % 10));
    }

    private static StringBuilder two(StringBuilder out, int value) {
        return out.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    private static void appendPrimitive(StringBuilder out, Schema.Type type, Object value) {
        switch (type) {
            case BOOLEAN -> out.append((Boolean) value ? 't' : 'f');
            case BYTES -> {
                byte[] bytes = value instanceof ByteBuffer buffer ? toArray(buffer) : (byte[]) value;
                // bytea's text input is \x<hex>; the backslash itself is escaped for COPY.
                out.append("\\\\x").append(HexFormat.of().formatHex(bytes));
            }
            case STRING -> escape(out, (String) value);
            default -> out.append(value);
        }
    }

    /** Appends text with COPY's escapes for backslash, tab, newline and carriage return. */
    static void escape(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
