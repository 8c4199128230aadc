package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the list of tables the connector copies: lists them once on {@link #start()}, then again every
 * {@code table.poll.interval.ms} on its own thread, and calls the change callback (the connector asks the
 * worker to reconfigure its tasks) when the list changed. A failed listing is logged and retried at the
 * next interval; the last good list stays in use.
 */
final class TableMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableMonitor.class);

    private final ConnectionProvider connections;
    private final JdbcDialect dialect;
    private final TableFilter filter;
    private final Set<String> tableTypes;
    private final Duration interval;
    private final Runnable onChange;
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile List<TableId> tables = List.of();
    private Thread thread;

    TableMonitor(ConnectionProvider connections, TableFilter filter, Set<String> tableTypes, Duration interval, Runnable onChange) {
        this.connections = connections;
        this.dialect = connections.dialect();
        this.filter = filter;
        this.tableTypes = tableTypes;
        this.interval = interval;
        this.onChange = onChange;
    }

    /** Lists the tables once (failing when the database cannot be read), then starts watching. */
    List<TableId> start(String threadName) throws SQLException {
        tables = list();
        thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
        thread.start();
        return tables;
    }

    /** The tables as last listed. */
    List<TableId> tables() {
        return tables;
    }

    /** Every table the listing shows, before the filter (for naming missing include-list tables). */
    List<TableId> listAll() throws SQLException {
        synchronized (connections) {
            Connection connection = connections.connection();
            return dialect.listTables(connection, tableTypes);
        }
    }

    private List<TableId> list() throws SQLException {
        return filter.select(listAll());
    }

    private void watch() {
        try {
            while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    List<TableId> now = list();
                    if (!now.equals(tables)) {
                        LOG.info("tables changed from {} to {}; reconfiguring the tasks", tables, now);
                        tables = now;
                        onChange.run();
                    }
                } catch (SQLException | RuntimeException e) {
                    LOG.warn("listing the tables failed; trying again in {} ms", interval.toMillis(), e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed.countDown();
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        connections.close();
    }
}
