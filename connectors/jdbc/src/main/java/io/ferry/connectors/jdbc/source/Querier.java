package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import org.apache.kafka.connect.source.SourceRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one source partition — a table or the custom query — into records, a batch at a time.
 *
 * <p>A query's result <em>streams</em>: the statement is prepared for streaming with a fetch size of
 * {@code batch.max.rows} and stays open across {@link #poll} calls (each returns at most that many
 * records), so a table of any size never sits in memory. PostgreSQL streams only inside a transaction,
 * so the connection runs with auto-commit off; the transaction ends (commit) when the result is read to
 * its end, or (rollback) when reading fails or the querier closes, releasing the snapshot and locks.
 *
 * <p>The querier reads one row ahead of what it returns, so its {@link Criteria} can see whether a row is
 * the last of its timestamp group. Not thread-safe: one task thread.
 */
final class Querier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Querier.class);

    /** What a querier reads and where its records go. */
    record Target(String baseSelect, String source, String schemaName, String topic, Map<String, String> partition) {
    }

    /** Settings every querier of a task shares. */
    record Settings(JdbcDialect dialect, SqlNames names, TimestampBinder timestamps, RowConverter.Settings rows,
            String querySuffix, int batchMaxRows, Duration pollInterval, Clock clock) {
    }

    private final Target target;
    private final Criteria criteria;
    private final Settings settings;
    private Instant nextRun = Instant.MIN;
    private PreparedStatement statement;
    private ResultSet result;
    private RowConverter converter;
    private RowConverter.Row ahead;
    private Connection connection;
    private int failures;

    Querier(Target target, Criteria criteria, Settings settings) {
        this.target = target;
        this.criteria = criteria;
        this.settings = settings;
    }

    Target target() {
        return target;
    }

    /** When the next query is due; now or earlier while a result is open. */
    Instant nextRun() {
        return result != null ? Instant.MIN : nextRun;
    }

    /** Whether a result is open: the next {@link #poll} continues it. */
    boolean reading() {
        return result != null;
    }

    /** The connection of the open result; null before the first query. */
    Connection connection() {
        return connection;
    }

    /** The SQL of the next query, as {@link #poll} will run it. */
    String sql() {
        StringBuilder sql = new StringBuilder(target.baseSelect());
        String where = criteria.where(settings.names());
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(where);
        }
        String order = criteria.orderBy(settings.names());
        if (!order.isEmpty()) {
            sql.append(" ORDER BY ").append(order);
        }
        if (!settings.querySuffix().isEmpty()) {
            sql.append(' ').append(settings.querySuffix());
        }
        return sql.toString();
    }

    /**
     * The next records of this partition: starts a query when none is open, then returns up to
     * {@code batch.max.rows} records. Ends the query when its result is exhausted.
     */
    List<SourceRecord> poll(Connection connection) throws SQLException {
        try {
            if (result == null) {
                start(connection);
            }
            List<SourceRecord> records = new ArrayList<>(Math.min(settings.batchMaxRows(), 1024));
            while (ahead != null && records.size() < settings.batchMaxRows()) {
                RowConverter.Row row = ahead;
                ahead = result.next() ? converter.read(result) : null;
                SourceOffset offset = criteria.accept(row, ahead);
                if (offset != null) {
                    records.add(record(row, offset));
                }
            }
            if (ahead == null) {
                finish();
            }
            failures = 0;
            return records;
        } catch (SQLException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void start(Connection connection) throws SQLException {
        this.connection = connection;
        Instant now = criteria.needsDatabaseClock() ? settings.dialect().currentTimestamp(connection) : null;
        criteria.begin(now);
        String sql = sql();
        LOG.debug("{}: {}", target.source(), sql);
        try {
            result = execute(connection, sql);
        } catch (SQLException e) {
            if (!"0A000".equals(e.getSQLState())) {
                throw e;
            }
            // PostgreSQL: "cached plan must not change result type" — the table was altered after the
            // driver prepared this query on the server. The driver drops its prepared statement with the
            // error; inside the streaming transaction it cannot retry by itself, so roll back and run
            // the query once more, which prepares it against the new columns.
            LOG.info("{}: the table changed since its query was prepared ({}); preparing it again", target.source(), e.getMessage());
            closeStatement();
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
            result = execute(connection, sql);
        }
        if (converter == null || !sameColumns(result)) {
            converter = RowConverter.forResult(result, target.schemaName(), target.source(), settings.rows());
        }
        criteria.resolve(converter, target.source());
        ahead = result.next() ? converter.read(result) : null;
    }

    private ResultSet execute(Connection connection, String sql) throws SQLException {
        statement = connection.prepareStatement(sql);
        settings.dialect().prepareForStreaming(connection, statement, settings.batchMaxRows());
        criteria.bind(statement, settings.timestamps());
        return statement.executeQuery();
    }

    /** Whether the result has the columns the cached converter was built for (a table may be altered). */
    private boolean sameColumns(ResultSet result) throws SQLException {
        var metadata = result.getMetaData();
        if (metadata.getColumnCount() != converter.resultColumns()) {
            return false;
        }
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            if (!metadata.getColumnLabel(i).equals(converter.resultColumnLabel(i))) {
                return false;
            }
        }
        return true;
    }

    private SourceRecord record(RowConverter.Row row, SourceOffset offset) {
        Map<String, Object> encoded = OffsetCodec.encode(offset);
        return new SourceRecord(target.partition(), encoded.isEmpty() ? null : encoded, target.topic(), null, null, null,
                converter.schema(), row.value());
    }

    private void finish() throws SQLException {
        criteria.end();
        nextRun = settings.clock().instant().plus(settings.pollInterval());
        closeStatement();
        if (!connection.getAutoCommit()) {
            connection.commit();
        }
    }

    private void closeStatement() {
        try {
            if (result != null) {
                result.close();
            }
            if (statement != null) {
                statement.close();
            }
        } catch (SQLException e) {
            LOG.debug("{}: closing the statement failed", target.source(), e);
        }
        result = null;
        statement = null;
        ahead = null;
    }

    /**
     * Counts a failed query (after {@link #poll} closed it) and puts the next one off by {@code poll.interval.ms}.
     *
     * @return the failures in a row, this one included; a successful {@link #poll} resets the count
     */
    int failed() {
        failures++;
        nextRun = settings.clock().instant().plus(settings.pollInterval());
        return failures;
    }

    /** How long until the next query is due (zero when it is due now). */
    Duration nextRunDelay() {
        Duration delay = Duration.between(settings.clock().instant(), nextRun());
        return delay.isNegative() ? Duration.ZERO : delay;
    }

    /**
     * Abandons an open query, rolling its transaction back — also when the query failed before it had a
     * result, since PostgreSQL refuses every later statement of a transaction one statement failed in. The
     * next poll starts a new one.
     */
    @Override
    public void close() {
        closeStatement();
        if (connection != null) {
            try {
                if (!connection.isClosed() && !connection.getAutoCommit()) {
                    connection.rollback();
                }
            } catch (SQLException e) {
                LOG.debug("{}: rollback failed", target.source(), e);
            }
        }
    }
}
