package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code mode=timestamp+incrementing}: rows after the last (timestamp, id) pair in that order, up to the
 * database clock minus {@code timestamp.delay.interval.ms}. The pair is unique, so every record carries
 * its own exact position and a restart neither skips nor repeats a row of a timestamp group.
 */
final class TimestampIncrementingCriteria implements Criteria {
    private final ModeColumns columns;
    private final Duration delay;
    private final boolean startAtDatabaseNow;
    private SourceOffset last;
    private Instant upper;

    TimestampIncrementingCriteria(ModeColumns columns, Duration delay, SourceOffset stored, boolean startAtDatabaseNow) {
        this.columns = columns;
        this.delay = delay;
        this.last = stored;
        this.startAtDatabaseNow = startAtDatabaseNow && stored.timestamp() == null;
    }

    @Override
    public boolean needsDatabaseClock() {
        return true;
    }

    @Override
    public void begin(Instant databaseNow) {
        if (last.timestamp() == null && startAtDatabaseNow) {
            last = new SourceOffset(null, databaseNow);
        }
        upper = databaseNow.minus(delay);
    }

    @Override
    public String where(SqlNames names) {
        String ts = names.coalesce(columns.timestampColumns());
        String id = names.column(columns.incrementingColumn());
        if (last.timestamp() == null) {
            return ts + " <= ?";
        }
        if (last.incrementing() == null) {
            return ts + " > ? AND " + ts + " <= ?";
        }
        return ts + " <= ? AND ((" + ts + " = ? AND " + id + " > ?) OR " + ts + " > ?)";
    }

    @Override
    public String orderBy(SqlNames names) {
        return names.coalesce(columns.timestampColumns()) + " ASC, " + names.column(columns.incrementingColumn()) + " ASC";
    }

    @Override
    public void bind(PreparedStatement statement, TimestampBinder timestamps) throws SQLException {
        if (last.timestamp() == null) {
            timestamps.bind(statement, 1, upper);
        } else if (last.incrementing() == null) {
            timestamps.bind(statement, 1, last.timestamp());
            timestamps.bind(statement, 2, upper);
        } else {
            timestamps.bind(statement, 1, upper);
            timestamps.bind(statement, 2, last.timestamp());
            statement.setLong(3, last.incrementing());
            timestamps.bind(statement, 4, last.timestamp());
        }
    }

    @Override
    public void resolve(RowConverter converter, String source) {
        columns.resolve(converter, source);
    }

    @Override
    public SourceOffset accept(RowConverter.Row row, RowConverter.Row next) {
        last = new SourceOffset(columns.incrementing(row), columns.timestamp(row));
        return last;
    }

    @Override
    public void end() {
    }

    @Override
    public SourceOffset offset() {
        return last;
    }
}
