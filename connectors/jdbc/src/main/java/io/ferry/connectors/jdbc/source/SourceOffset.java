package io.ferry.connectors.jdbc.source;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Where a table's reading stands: the last incrementing value and the last timestamp taken, either
 * absent. Timestamps keep nanoseconds, so a microsecond column is compared exactly.
 *
 * @param incrementing the incrementing column's value, or null
 * @param timestamp    the timestamp (an instant), or null
 */
public record SourceOffset(Long incrementing, Instant timestamp) {

    /** No offset yet. */
    public static final SourceOffset NONE = new SourceOffset(null, null);

    public SourceOffset withIncrementing(long value) {
        return new SourceOffset(value, timestamp);
    }

    public SourceOffset withTimestamp(Instant value) {
        return new SourceOffset(incrementing, value);
    }

    /** The timestamp as a {@link Timestamp} carrying its nanoseconds, or null. */
    public Timestamp sqlTimestamp() {
        return timestamp == null ? null : Timestamp.from(timestamp);
    }
}
