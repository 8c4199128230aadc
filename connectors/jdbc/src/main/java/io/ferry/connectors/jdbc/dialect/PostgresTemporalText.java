package io.ferry.connectors.jdbc.dialect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;

/**
 * Dates and timestamps as PostgreSQL reads their text, the one form the INSERTs and COPY of the sink write.
 * The calendar is java.time's proleptic Gregorian one, as PostgreSQL's is, so a day before 1582-10-15 stays
 * the same day; a year before 1 is written as PostgreSQL writes it, the year of the era followed by
 * {@code BC} (java.time's year 0 is {@code 0001 BC}), since PostgreSQL refuses ISO-8601's signed years.
 * An offset keeps its seconds: a zone's local mean time before its standard time (New York's -04:56:02)
 * would otherwise move the instant.
 */
public final class PostgresTemporalText {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");

    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 3, 9, true)
            .toFormatter();

    private static final DateTimeFormatter OFFSET = new DateTimeFormatterBuilder()
            .appendOffset("+HH:MM:ss", "+00:00")
            .toFormatter();

    private static final Instant POSITIVE_INFINITY = Instant.ofEpochMilli(TemporalValues.POSITIVE_INFINITY_MILLIS);
    private static final Instant NEGATIVE_INFINITY = Instant.ofEpochMilli(TemporalValues.NEGATIVE_INFINITY_MILLIS);

    private PostgresTemporalText() {
    }

    /** {@code yyyy-MM-dd}, with {@code BC} after a year before 1. */
    public static String date(LocalDate date) {
        return era(DATE.format(date), date.getYear());
    }

    /** {@code yyyy-MM-dd HH:mm:ss.SSS}, more fraction digits when it has them, and {@code BC} after a year before 1. */
    public static String dateTime(LocalDateTime dateTime) {
        return era(DATE_TIME.format(dateTime), dateTime.getYear());
    }

    /** The local date-time with its zone's offset at that instant (seconds too), then {@code BC} if so. */
    public static String dateTimeWithOffset(ZonedDateTime dateTime) {
        return era(DATE_TIME.format(dateTime) + OFFSET.format(dateTime), dateTime.getYear());
    }

    /**
     * {@code infinity} or {@code -infinity} for the instant of {@link TemporalValues#POSITIVE_INFINITY_MILLIS}
     * or {@link TemporalValues#NEGATIVE_INFINITY_MILLIS} (how a PostgreSQL infinity is read), else null.
     */
    public static String infinity(Instant instant) {
        if (instant.equals(POSITIVE_INFINITY)) {
            return "infinity";
        }
        return instant.equals(NEGATIVE_INFINITY) ? "-infinity" : null;
    }

    private static String era(String text, int prolepticYear) {
        return prolepticYear > 0 ? text : text + " BC";
    }
}
