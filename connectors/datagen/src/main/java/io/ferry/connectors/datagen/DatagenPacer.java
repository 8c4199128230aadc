package io.ferry.connectors.datagen;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * When a task's next record is due, on a nanosecond clock the task reads. Three paces: as fast as possible
 * ({@code records.per.second=0}, or {@code max.interval=0} without it), evenly spaced
 * ({@code records.per.second} above 0) and, as Confluent's datagen, a random gap of up to
 * {@code max.interval} ms before each record. A task that falls behind an even pace catches up by at
 * most a second's worth of records, so a long pause is not followed by a long burst.
 */
final class DatagenPacer {
    private static final long MAX_CATCH_UP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long evenGapNanos;
    private final long maxRandomGapNanos;
    private final SplittableRandom gaps;
    private long nextDue;

    private DatagenPacer(long evenGapNanos, long maxRandomGapNanos, SplittableRandom gaps, long now) {
        this.evenGapNanos = evenGapNanos;
        this.maxRandomGapNanos = maxRandomGapNanos;
        this.gaps = gaps;
        this.nextDue = now + gap();
    }

    static DatagenPacer of(DatagenConfig config, long now) {
        SplittableRandom gaps = new SplittableRandom(config.seed() ^ config.taskNumber());
        if (config.recordsPerSecond().isPresent()) {
            double perSecond = config.recordsPerSecond().get();
            long gap = perSecond == 0 ? 0 : (long) (TimeUnit.SECONDS.toNanos(1) / perSecond);
            return new DatagenPacer(gap, 0, gaps, now);
        }
        return new DatagenPacer(0, TimeUnit.MILLISECONDS.toNanos(config.maxIntervalMs()), gaps, now);
    }

    /** Nanoseconds until the next record is due; 0 or less when it is due now. */
    long nanosUntilDue(long now) {
        return nextDue - now;
    }

    /** The next record was made: the one after it is due one gap later. */
    void advance(long now) {
        nextDue = Math.max(nextDue, now - MAX_CATCH_UP_NANOS) + gap();
    }

    private long gap() {
        return maxRandomGapNanos > 0 ? gaps.nextLong(maxRandomGapNanos + 1) : evenGapNanos;
    }
}
