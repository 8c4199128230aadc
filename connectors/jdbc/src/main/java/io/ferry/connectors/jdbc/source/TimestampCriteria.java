package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code mode=timestamp}: rows whose timestamp lies after the last complete timestamp and no later than
 * the database clock minus {@code timestamp.delay.interval.ms}, in timestamp order.
 *
 * <p><b>Equal timestamps.</b> Many rows may share one timestamp, and a poll may stop in the middle of
 * them ({@code batch.max.rows}). Storing that timestamp with a record in the middle would make a restart
 * query {@code ts > T} and skip the rest of the group. So a record carries its own timestamp only when it
 * is the last of its group — the next row of the result has a later timestamp, or there is no next row
 * (the upper bound makes the result's last group complete: every row up to the bound is already
 * committed). Every other record carries the last complete timestamp before it. A restart therefore
 * re-reads at most the one group it stopped in: possibly a few duplicates, never a loss.
 */
final class TimestampCriteria implements Criteria {
    private final ModeColumns columns;
    private final Duration delay;
    private final boolean startAtDatabaseNow;
    private Instant complete;
    private Instant upper;

    /**
     * @param stored             the stored offset, whose timestamp is the last complete one
     * @param startAtDatabaseNow with no stored timestamp, start from the database's clock ({@code timestamp.initial=-1})
     */
    TimestampCriteria(ModeColumns columns, Duration delay, SourceOffset stored, boolean startAtDatabaseNow) {
        this.columns = columns;
        this.delay = delay;
        this.complete = stored.timestamp();
        this.startAtDatabaseNow = startAtDatabaseNow && complete == null;
    }

    @Override
    public boolean needsDatabaseClock() {
        return true;
    }

    @Override
    public void begin(Instant databaseNow) {
        if (complete == null && startAtDatabaseNow) {
            complete = databaseNow;
        }
        upper = databaseNow.minus(delay);
    }

    @Override
    public String where(SqlNames names) {
        String ts = names.coalesce(columns.timestampColumns());
        return complete == null ? ts + " <= ?" : ts + " > ? AND " + ts + " <= ?";
    }

    @Override
    public String orderBy(SqlNames names) {
        return names.coalesce(columns.timestampColumns()) + " ASC";
    }

    @Override
    public void bind(PreparedStatement statement, TimestampBinder timestamps) throws SQLException {
        int index = 1;
        if (complete != null) {
            timestamps.bind(statement, index++, complete);
        }
        timestamps.bind(statement, index, upper);
    }

    @Override
    public void resolve(RowConverter converter, String source) {
        columns.resolve(converter, source);
    }

    @Override
    public SourceOffset accept(RowConverter.Row row, RowConverter.Row next) {
        Instant timestamp = columns.timestamp(row);
        if (next == null || !Objects.equals(timestamp, columns.timestamp(next))) {
            complete = timestamp;
        }
        return offset();
    }

    @Override
    public void end() {
    }

    @Override
    public SourceOffset offset() {
        return new SourceOffset(null, complete);
    }
}
