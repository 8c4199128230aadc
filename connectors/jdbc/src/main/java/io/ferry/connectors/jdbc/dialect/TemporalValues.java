package io.ferry.connectors.jdbc.dialect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.concurrent.TimeUnit;

/**
 * Conversions between Connect's date/time values and {@code java.time}. Connect's Date is the day's
 * midnight in UTC and its Time the milliseconds since midnight on 1970-01-01 UTC: both are calendar
 * values, not instants, so they convert without a zone. Timestamps are instants; a zoneless database
 * timestamp is a local date-time in {@code db.timezone}.
 */
final class TemporalValues {
    private static final long MILLIS_PER_DAY = TimeUnit.DAYS.toMillis(1);

    /** ISO-8601 date and time, with {@code T} or a space between them, optional fraction and zone. */
    private static final DateTimeFormatter FLEXIBLE_DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter();

    /** {@code HH:mm:ss.SSS}, with more fraction digits when the value has them. */
    private static final DateTimeFormatter TEXT_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .toFormatter();

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}, with more fraction digits when the value has them. */
    private static final DateTimeFormatter TEXT_DATE_TIME = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .append(TEXT_TIME)
            .toFormatter();

    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxxxx");

    private TemporalValues() {
    }

    /**
     * @throws ArithmeticException for a day beyond what epoch milliseconds hold (PostgreSQL's infinity)
     */
    static java.util.Date connectDate(LocalDate date) {
        return new java.util.Date(Math.multiplyExact(date.toEpochDay(), MILLIS_PER_DAY));
    }

    static java.util.Date connectTime(LocalTime time) {
        return new java.util.Date(time.toNanoOfDay() / 1_000_000);
    }

    static LocalDate localDate(java.util.Date connectDate) {
        return LocalDate.ofEpochDay(Math.floorDiv(connectDate.getTime(), MILLIS_PER_DAY));
    }

    static LocalTime localTime(java.util.Date connectTime) {
        return LocalTime.ofNanoOfDay(Math.floorMod(connectTime.getTime(), MILLIS_PER_DAY) * 1_000_000);
    }

    /** The instant of a Connect Timestamp value, keeping the nanoseconds of a {@link java.sql.Timestamp}. */
    static Instant instant(java.util.Date value) {
        return value instanceof java.sql.Timestamp timestamp ? timestamp.toInstant() : value.toInstant();
    }

    /** A {@link java.sql.Timestamp} of the instant (with its nanoseconds). */
    /**
     * The epoch milliseconds that stand for PostgreSQL's {@code infinity} and {@code -infinity} timestamps:
     * the values PostgreSQL's JDBC driver gives them ({@code PGStatement.DATE_POSITIVE_INFINITY} and
     * {@code DATE_NEGATIVE_INFINITY}) and that Debezium's PostgreSQL connector writes, so a Connect Timestamp
     * holding one is written back as the infinity it came from.
     */
    static final long POSITIVE_INFINITY_MILLIS = 9223372036825200000L;
    static final long NEGATIVE_INFINITY_MILLIS = -9223372036832400000L;

    /**
     * The Connect Timestamp of a driver's infinite date-time ({@code LocalDateTime.MAX}/{@code MIN},
     * {@code OffsetDateTime.MAX}/{@code MIN}, as PostgreSQL's driver reads {@code infinity} and
     * {@code -infinity}), or null for a finite one.
     */
    static java.sql.Timestamp infinity(Object dateTime) {
        if (dateTime.equals(java.time.LocalDateTime.MAX) || dateTime.equals(java.time.OffsetDateTime.MAX)) {
            return new java.sql.Timestamp(POSITIVE_INFINITY_MILLIS);
        }
        if (dateTime.equals(java.time.LocalDateTime.MIN) || dateTime.equals(java.time.OffsetDateTime.MIN)) {
            return new java.sql.Timestamp(NEGATIVE_INFINITY_MILLIS);
        }
        return null;
    }

    static java.sql.Timestamp sqlTimestamp(Instant instant) {
        return java.sql.Timestamp.from(instant);
    }

    /** The local date-time of an instant in a zone, as text sorting in time order (SQLite, DEFAULT literals). */
    static String text(LocalDateTime dateTime) {
        return TEXT_DATE_TIME.format(dateTime);
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS+HH:MM}: the local date-time and its zone's offset at that instant. */
    static String textWithOffset(ZonedDateTime dateTime) {
        return TEXT_DATE_TIME.format(dateTime.toLocalDateTime()) + OFFSET.format(dateTime);
    }

    /** {@code HH:mm:ss.SSS}, with 6 or 9 fraction digits when the value has them. */
    static String text(LocalTime time) {
        return TEXT_TIME.format(time);
    }

    /**
     * The instant an ISO-8601 text names: a date-time with a zone offset as written, a zoneless one (or a
     * date alone, at its midnight) as a local time in {@code zone}.
     *
     * @throws DateTimeParseException when the text is none of these
     */
    static Instant parseInstant(String text, ZoneId zone) {
        String trimmed = text.strip();
        if (trimmed.length() == 10) {
            return LocalDate.parse(trimmed).atStartOfDay(zone).toInstant();
        }
        TemporalAccessor parsed = FLEXIBLE_DATE_TIME.parse(trimmed);
        LocalDateTime local = LocalDateTime.of(LocalDate.from(parsed), LocalTime.from(parsed));
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS))).toInstant();
        }
        return local.atZone(zone).toInstant();
    }

    /** A date from ISO-8601 text: a date, or the date part of a date-time. */
    static LocalDate parseDate(String text) {
        String trimmed = text.strip();
        return LocalDate.parse(trimmed.length() > 10 ? trimmed.substring(0, 10) : trimmed);
    }

    /** A time of day from ISO-8601 text ({@code HH:mm}, {@code HH:mm:ss}, with a fraction). */
    static LocalTime parseTime(String text) {
        return LocalTime.parse(text.strip());
    }
}
