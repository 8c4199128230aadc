package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the tables of its {@code tables} key (or the custom query) into records.
 *
 * <p>Each {@link #poll()} serves the querier that is due first — a querier in the middle of a result is
 * always due, so a streaming result is read to its end before the task turns to another table — and
 * returns its next batch; when nothing is due it waits, at most until the next querier is due, and can be
 * woken by {@link #stop()}. Database work holds a lock that {@link #stop()} also takes, so the connection
 * is never closed under a running statement.
 *
 * <p>Errors: a failed query runs again after {@code poll.interval.ms} as often in a row as
 * {@code query.retry.attempts} allows (see {@link QueryRetryPolicy}), on a connection reopened when the old one
 * broke (up to {@code connection.attempts}); an error no retry can cure, a failure past the attempts, or a table
 * that no longer suits the mode fails the task with a message naming the table.
 */
public class JdbcSourceTask extends SourceTask {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcSourceTask.class);
    private static final long MAX_WAIT_MS = 500;

    private final Clock clock;
    private final Object lock = new Object();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ConnectionProvider connections;
    private Integer isolationLevel;
    private QueryRetryPolicy retries;
    private List<Querier> queriers = List.of();

    public JdbcSourceTask() {
        this(Clock.systemUTC());
    }

    JdbcSourceTask(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String version() {
        return JdbcSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        JdbcSourceConfig config = new JdbcSourceConfig(props);
        connections = new ConnectionProvider(config.connectionSettings());
        isolationLevel = config.isolationLevel();
        retries = new QueryRetryPolicy(config.queryRetryAttempts());
        QuerierFactory factory = new QuerierFactory(config, connections.dialect(), clock);
        try {
            if (config.query() != null) {
                queriers = new ArrayList<>(List.of(factory.forQuery(context.offsetStorageReader())));
            } else {
                Connection connection = connection();
                queriers = new ArrayList<>(factory.forTables(connection, TableList.decode(props.get(JdbcSourceConfig.TASK_TABLES)),
                        context.offsetStorageReader()));
                connection.commit();
            }
        } catch (SQLException e) {
            connections.close();
            throw new ConnectException("could not read the tables' definitions: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
        LOG.info("JDBC source task reads {}", queriers.stream().map(q -> q.target().source()).toList());
    }

    /**
     * The next batch of the querier due first, or null after waiting (at most {@value #MAX_WAIT_MS} ms) when
     * none is due: the worker stops a task between two polls, so a poll never blocks for long.
     */
    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        while (stopped.getCount() > 0) {
            Querier next = due();
            Duration wait = next == null ? Duration.ofMillis(MAX_WAIT_MS) : Duration.between(clock.instant(), next.nextRun());
            if (wait.compareTo(Duration.ZERO) > 0) {
                stopped.await(Math.min(wait.toMillis() + 1, MAX_WAIT_MS), TimeUnit.MILLISECONDS);
                return null;
            }
            List<SourceRecord> records = read(next);
            if (records == null) {
                return null;
            }
            if (!records.isEmpty()) {
                return records;
            }
        }
        return null;
    }

    private Querier due() {
        Querier first = null;
        for (Querier querier : queriers) {
            if (first == null || querier.nextRun().isBefore(first.nextRun())) {
                first = querier;
            }
        }
        return first;
    }

    /** The querier's next batch; null when the task stopped meanwhile. */
    private List<SourceRecord> read(Querier querier) {
        synchronized (lock) {
            if (stopped.getCount() == 0) {
                return null;
            }
            try {
                // Mid-result, the querier keeps its connection: checking it (a ping) would make MariaDB's driver
                // read the rest of the streaming result into memory, and costs every database a round trip.
                List<SourceRecord> records = querier.poll(querier.reading() ? querier.connection() : connection());
                if (!querier.reading()) {
                    // Round robin: a querier that finished its result goes behind the others due at the same time.
                    // Under the lock, since stop() walks the list from another thread.
                    queriers.remove(querier);
                    queriers.add(querier);
                }
                return records;
            } catch (SQLException e) {
                return failed(querier, e);
            }
        }
    }

    /**
     * After a failed query: null (the querier runs again after {@code poll.interval.ms}, on a new connection when
     * the old one broke) while {@code query.retry.attempts} allows it; otherwise the task fails, naming the source,
     * the count and the database's message.
     */
    private List<SourceRecord> failed(Querier querier, SQLException e) {
        String message = "reading " + querier.target().source() + " failed: " + e.getMessage();
        if (!QueryRetryPolicy.curable(e)) {
            throw new ConnectException(message, e);
        }
        int failures = querier.failed();
        if (!retries.allowsRetryAfter(failures)) {
            throw new ConnectException(message + " (failed " + failures + " times in a row; query.retry.attempts is "
                    + retries.attempts() + ")", e);
        }
        LOG.warn("{} (SQL state {}); retry {}{} in {} ms", message, e.getSQLState(), failures,
                retries.attempts() > 0 ? " of " + retries.attempts() : "", querier.nextRunDelay().toMillis());
        return null;
    }

    /**
     * The task's connection, with auto-commit off so that PostgreSQL streams results, and the isolation level
     * of {@code transaction.isolation.mode}.
     */
    private Connection connection() {
        Connection connection = connections.connection();
        try {
            if (connection.getAutoCommit()) {
                connection.setAutoCommit(false);
            }
            if (isolationLevel != null && connection.getTransactionIsolation() != isolationLevel) {
                connection.setTransactionIsolation(isolationLevel);
            }
        } catch (SQLException e) {
            throw new ConnectException("could not set up the connection (auto-commit off, transaction.isolation.mode): "
                    + e.getMessage(), e);
        }
        return connection;
    }

    @Override
    public void stop() {
        stopped.countDown();
        synchronized (lock) {
            queriers.forEach(Querier::close);
            if (connections != null) {
                connections.close();
            }
        }
    }
}
