package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The gap defence of incrementing mode, row by row, with a clock the test moves. */
class IncrementingCriteriaTest {
    private final MutableClock clock = new MutableClock();

    private IncrementingCriteria criteria(SourceOffset stored, Duration timeout) {
        ModeColumns columns = new ModeColumns("id", List.of());
        columns.resolve(name -> 0, "test");
        return new IncrementingCriteria(columns, timeout, clock, stored);
    }

    /** Runs one query over the ids; returns the offsets of the rows delivered (null for a row left out). */
    private static List<Long> query(IncrementingCriteria criteria, long... ids) {
        criteria.begin(null);
        List<Long> offsets = new ArrayList<>();
        for (long id : ids) {
            SourceOffset offset = criteria.accept(new RowConverter.Row(null, new Object[] {id}), null);
            offsets.add(offset == null ? null : offset.incrementing());
        }
        criteria.end();
        return offsets;
    }

    @Test
    void shouldAdvanceWithEveryRowWhenIdsAreContiguous() {
        IncrementingCriteria criteria = criteria(new SourceOffset(10L, null), Duration.ofSeconds(30));
        assertThat(query(criteria, 11, 12, 13)).containsExactly(11L, 12L, 13L);
        assertThat(criteria.where(new SqlNames(null, false))).isEqualTo("id > ?");
    }

    @Test
    void shouldHoldTheOffsetBelowAGapUntilTheLateRowArrives() {
        IncrementingCriteria criteria = criteria(new SourceOffset(3L, null), Duration.ofSeconds(30));
        // id 4 is still uncommitted when 5 and 6 are read
        assertThat(query(criteria, 5, 6)).containsExactly(3L, 3L);
        assertThat(criteria.offset().incrementing()).isEqualTo(3L);
        // the next query reads from 3 again: 4 arrived, 5 and 6 were delivered already, 7 is new
        assertThat(query(criteria, 4, 5, 6, 7)).containsExactly(6L, null, null, 7L);
        assertThat(criteria.openGaps()).isZero();
    }

    @Test
    void shouldGiveAGapUpAfterTheTimeout() {
        IncrementingCriteria criteria = criteria(new SourceOffset(3L, null), Duration.ofSeconds(30));
        assertThat(query(criteria, 5)).containsExactly(3L);
        clock.advance(Duration.ofSeconds(29));
        assertThat(query(criteria, 5)).containsExactly((Long) null);
        assertThat(criteria.offset().incrementing()).isEqualTo(3L);
        clock.advance(Duration.ofSeconds(2));
        assertThat(query(criteria, 5, 6)).containsExactly(null, 6L);
        assertThat(criteria.offset().incrementing()).isEqualTo(6L);
    }

    @Test
    void shouldFillOneIdInTheMiddleOfAWideGap() {
        IncrementingCriteria criteria = criteria(new SourceOffset(0L, null), Duration.ofSeconds(30));
        assertThat(query(criteria, 1, 10)).containsExactly(1L, 1L);
        assertThat(query(criteria, 5, 10)).containsExactly(1L, null);
        assertThat(criteria.openGaps()).isEqualTo(2);
        assertThat(query(criteria, 2, 3, 4)).containsExactly(2L, 3L, 5L);
        assertThat(query(criteria, 6, 7, 8, 9)).containsExactly(6L, 7L, 8L, 10L);
    }

    @Test
    void shouldStartTheSequenceAtTheFirstRowWithoutAStoredOffset() {
        IncrementingCriteria criteria = criteria(SourceOffset.NONE, Duration.ofSeconds(30));
        assertThat(criteria.where(new SqlNames(null, false))).isEmpty();
        assertThat(query(criteria, 100, 101)).containsExactly(100L, 101L);
    }

    @Test
    void shouldBehaveAsAPlainHighWaterMarkWithTheDefenceOff() {
        IncrementingCriteria criteria = criteria(new SourceOffset(3L, null), Duration.ZERO);
        assertThat(query(criteria, 5, 6)).containsExactly(5L, 6L);
        assertThat(criteria.openGaps()).isZero();
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2024-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
