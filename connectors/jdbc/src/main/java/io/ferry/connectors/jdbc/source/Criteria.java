package io.ferry.connectors.jdbc.source;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;

/**
 * What one {@code mode} adds to a table's query and how it moves the offset: one implementation per
 * mode, each holding the offset of one source partition. Used by one querier on one thread.
 *
 * <p>A query runs as: {@link #begin(Instant)} with the database clock, {@link #where}/{@link #orderBy} into
 * the SQL, {@link #bind} its parameters, {@link #resolve} once the result's columns are known, then
 * {@link #accept} for each row in result order, and {@link #end()} when the result is exhausted.
 */
interface Criteria {

    /** Whether {@link #begin} needs the database clock (timestamp modes). */
    boolean needsDatabaseClock();

    /**
     * Starts a query.
     *
     * @param databaseNow the database's clock, or null when {@link #needsDatabaseClock()} is false
     */
    void begin(Instant databaseNow);

    /** The condition of this query, without {@code WHERE}; empty for none. */
    String where(SqlNames names);

    /** The ordering of this query, without {@code ORDER BY}; empty for none. */
    String orderBy(SqlNames names);

    /** Binds the parameters {@link #where} placed, from index 1. */
    void bind(PreparedStatement statement, TimestampBinder timestamps) throws SQLException;

    /**
     * Finds the mode's columns in the result.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException naming the source and column when one is missing
     */
    void resolve(RowConverter converter, String source);

    /**
     * Decides about a row.
     *
     * @param row  the row, in result order
     * @param next the row after it, or null when {@code row} is the result's last
     * @return the offset to store with the row's record, or null to leave the row out (already delivered)
     */
    SourceOffset accept(RowConverter.Row row, RowConverter.Row next);

    /** The result was read to its end. */
    void end();

    /** The offset to resume from, as it stands. */
    SourceOffset offset();
}
