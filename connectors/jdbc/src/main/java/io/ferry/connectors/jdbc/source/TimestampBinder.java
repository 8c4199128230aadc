package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * Binds an offset's or a bound's instant to a query parameter so that the database compares it with a
 * timestamp column exactly: as a {@link Timestamp} with its nanoseconds, interpreted in {@code db.timezone}
 * (the zone zoneless columns hold local times in).
 *
 * <p>SQLite has no timestamp type: its timestamp columns hold ISO text such as
 * {@code 2024-05-01 10:00:00.123}, and its driver would bind a Timestamp as a number, which never compares
 * with text as intended. There the instant is bound as the same text, with milliseconds (the precision
 * SQLite's {@code strftime('%f')} writes), or microseconds/nanoseconds when the value carries them, so text
 * order equals time order for columns written that way.
 */
final class TimestampBinder {
    private static final DateTimeFormatter SQLITE_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final DateTimeFormatter SQLITE_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter SQLITE_NANOS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSSSS");

    private final ZoneId zone;
    private final boolean asText;

    TimestampBinder(ZoneId zone, boolean asText) {
        this.zone = zone;
        this.asText = asText;
    }

    /** The binder for a dialect: text for SQLite, timestamps elsewhere. */
    static TimestampBinder forDialect(String dialectName, ZoneId zone) {
        return new TimestampBinder(zone, "SQLite".equalsIgnoreCase(dialectName));
    }

    void bind(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (asText) {
            statement.setString(index, text(instant));
        } else {
            statement.setTimestamp(index, Timestamp.from(instant), Calendar.getInstance(TimeZone.getTimeZone(zone)));
        }
    }

    /** The SQLite text of an instant, as a local time in the zone. */
    String text(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        int nanos = local.getNano();
        DateTimeFormatter format = nanos % 1_000_000 == 0 ? SQLITE_MILLIS : nanos % 1000 == 0 ? SQLITE_MICROS : SQLITE_NANOS;
        return local.format(format);
    }
}
