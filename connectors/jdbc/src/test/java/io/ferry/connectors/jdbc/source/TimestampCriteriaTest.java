package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Offsets of timestamp mode around groups of equal timestamps. */
class TimestampCriteriaTest {
    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00.000001Z");

    private static TimestampCriteria criteria(SourceOffset stored) {
        ModeColumns columns = new ModeColumns(null, List.of("updated_at"));
        columns.resolve(name -> 0, "test");
        return new TimestampCriteria(columns, Duration.ofSeconds(10), stored, false);
    }

    private static RowConverter.Row row(Instant timestamp) {
        return new RowConverter.Row(null, new Object[] {Timestamp.from(timestamp)});
    }

    /** The offsets given to rows read in batches of {@code batch}, as the querier reads them (one row ahead). */
    private static List<Instant> offsets(TimestampCriteria criteria, List<Instant> rows) {
        criteria.begin(T0.plusSeconds(3600));
        List<Instant> offsets = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowConverter.Row next = i + 1 < rows.size() ? row(rows.get(i + 1)) : null;
            offsets.add(criteria.accept(row(rows.get(i)), next).timestamp());
        }
        return offsets;
    }

    @Test
    void shouldStoreATimestampOnlyWithTheLastRowOfItsGroup() {
        Instant t1 = T0.plusNanos(1000);
        Instant t2 = T0.plusNanos(2000);
        TimestampCriteria criteria = criteria(new SourceOffset(null, T0));
        assertThat(offsets(criteria, List.of(t1, t1, t1, t2, t2))).containsExactly(T0, T0, t1, t1, t2);
        assertThat(criteria.offset().timestamp()).isEqualTo(t2);
    }

    @Test
    void shouldKeepNothingStoredUntilTheFirstGroupCompletesWithoutAnOffset() {
        TimestampCriteria criteria = criteria(SourceOffset.NONE);
        assertThat(offsets(criteria, List.of(T0, T0))).containsExactly(null, T0);
    }

    @Test
    void shouldQueryAfterTheLastCompleteTimestampUpToTheDelayedDatabaseClock() {
        TimestampCriteria criteria = criteria(new SourceOffset(null, T0));
        criteria.begin(T0.plusSeconds(60));
        assertThat(criteria.where(new SqlNames(null, false))).isEqualTo("updated_at > ? AND updated_at <= ?");
        assertThat(criteria.orderBy(new SqlNames(null, false))).isEqualTo("updated_at ASC");
    }

    @Test
    void shouldCoalesceSeveralTimestampColumns() {
        ModeColumns columns = new ModeColumns(null, List.of("updated_at", "created_at"));
        TimestampCriteria criteria = new TimestampCriteria(columns, Duration.ZERO, SourceOffset.NONE, false);
        criteria.begin(T0);
        assertThat(criteria.where(new SqlNames(null, false))).isEqualTo("COALESCE(updated_at, created_at) <= ?");
    }

    @Test
    void shouldPlaceTheIncrementingTieBreakInTimestampIncrementingMode() {
        ModeColumns columns = new ModeColumns("id", List.of("ts"));
        TimestampIncrementingCriteria criteria = new TimestampIncrementingCriteria(columns, Duration.ZERO,
                new SourceOffset(5L, T0), false);
        criteria.begin(T0.plusSeconds(1));
        SqlNames names = new SqlNames(null, false);
        assertThat(criteria.where(names)).isEqualTo("ts <= ? AND ((ts = ? AND id > ?) OR ts > ?)");
        assertThat(criteria.orderBy(names)).isEqualTo("ts ASC, id ASC");
    }

    @Test
    void shouldStartFromTheDatabaseClockWhenAskedTo() {
        ModeColumns columns = new ModeColumns(null, List.of("ts"));
        TimestampCriteria criteria = new TimestampCriteria(columns, Duration.ofSeconds(10), SourceOffset.NONE, true);
        criteria.begin(T0);
        assertThat(criteria.offset().timestamp()).isEqualTo(T0);
    }
}
