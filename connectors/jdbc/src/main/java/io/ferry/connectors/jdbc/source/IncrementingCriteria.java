package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code mode=incrementing}: rows whose incrementing column is above the stored offset, in its order.
 *
 * <p><b>Out-of-order commits.</b> Ids are handed out when rows are inserted but become visible when their
 * transactions commit, so id 5 may be read while id 4 is still uncommitted. Reading {@code id > 5} next
 * would skip 4 for ever. Here every id between the highest id read and the row before it that has not
 * been seen is a <em>gap</em>, remembered with the time it was first seen. Rows are delivered at once,
 * but the stored offset (the <em>frontier</em>) stays below the lowest open gap, and the next query reads
 * from the frontier: a late id 4 is found and delivered; ids already delivered above the frontier are
 * recognised and left out. Rollbacks, deleted rows and sequence caches leave gaps that never fill, so a
 * gap is given up after {@code incrementing.gap.timeout.ms}.
 *
 * <p>The guarantee: a row whose transaction commits within the gap timeout of a later id being read is
 * delivered. After a restart, rows above an open gap are read again (the stored offset is the frontier),
 * so they may be delivered twice; nothing below the frontier is ever skipped. With no stored offset the
 * first row read starts the sequence: rows below it committing later are not waited for.
 */
final class IncrementingCriteria implements Criteria {
    /** Bound on remembered gaps, so a sparse table cannot fill the heap; the oldest are given up first. */
    static final int MAX_GAPS = 10_000;

    private final ModeColumns columns;
    private final Duration gapTimeout;
    private final Clock clock;
    /** Open gaps by first missing id: last missing id and when the gap was first seen. */
    private final TreeMap<Long, Gap> gaps = new TreeMap<>();
    private Long frontier;
    private Long highest;

    private record Gap(long last, Instant seen) {
    }

    IncrementingCriteria(ModeColumns columns, Duration gapTimeout, Clock clock, SourceOffset stored) {
        this.columns = columns;
        this.gapTimeout = gapTimeout;
        this.clock = clock;
        this.frontier = stored.incrementing();
    }

    @Override
    public boolean needsDatabaseClock() {
        return false;
    }

    @Override
    public void begin(Instant databaseNow) {
        Instant expired = clock.instant().minus(gapTimeout);
        gaps.values().removeIf(gap -> !gap.seen().isAfter(expired));
        advanceFrontier();
    }

    @Override
    public String where(SqlNames names) {
        return frontier == null ? "" : names.column(columns.incrementingColumn()) + " > ?";
    }

    @Override
    public String orderBy(SqlNames names) {
        return names.column(columns.incrementingColumn()) + " ASC";
    }

    @Override
    public void bind(PreparedStatement statement, TimestampBinder timestamps) throws SQLException {
        if (frontier != null) {
            statement.setLong(1, frontier);
        }
    }

    @Override
    public void resolve(RowConverter converter, String source) {
        columns.resolve(converter, source);
    }

    @Override
    public SourceOffset accept(RowConverter.Row row, RowConverter.Row next) {
        long id = columns.incrementing(row);
        if (highest != null && id <= highest) {
            if (!fill(id)) {
                return null;
            }
        } else {
            Long below = highest != null ? highest : frontier;
            if (below != null && id > below + 1 && !gapTimeout.isZero()) {
                gaps.put(below + 1, new Gap(id - 1, clock.instant()));
                while (gaps.size() > MAX_GAPS) {
                    gaps.pollFirstEntry();
                }
            }
            highest = id;
        }
        advanceFrontier();
        return offset();
    }

    /** Removes a late id from its gap; false when the id is in no gap (it was delivered already). */
    private boolean fill(long id) {
        Map.Entry<Long, Gap> entry = gaps.floorEntry(id);
        if (entry == null || entry.getValue().last() < id) {
            return false;
        }
        long first = entry.getKey();
        Gap gap = entry.getValue();
        gaps.remove(first);
        if (first < id) {
            gaps.put(first, new Gap(id - 1, gap.seen()));
        }
        if (id < gap.last()) {
            gaps.put(id + 1, new Gap(gap.last(), gap.seen()));
        }
        return true;
    }

    private void advanceFrontier() {
        if (highest == null) {
            return;
        }
        frontier = gaps.isEmpty() ? highest : gaps.firstKey() - 1;
    }

    @Override
    public void end() {
    }

    @Override
    public SourceOffset offset() {
        return new SourceOffset(frontier, null);
    }

    /** How many gaps are open, for tests and logs. */
    int openGaps() {
        return gaps.size();
    }
}
