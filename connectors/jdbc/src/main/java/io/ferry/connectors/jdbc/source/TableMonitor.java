package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the list of tables the connector copies: lists them on its own thread at once, then every
 * {@code table.poll.interval.ms}, and calls the change callback (the connector asks the worker to reconfigure
 * its tasks) when the list changed. A failed listing is logged and retried at the next interval; the last
 * good list stays in use.
 *
 * <p>{@link #start} waits for the first listing at most {@code table.monitoring.startup.polling.limit.ms}:
 * a listing that fails in that time fails the start; one that arrives later is announced through the
 * change callback like any other change.
 */
final class TableMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TableMonitor.class);

    /** Lists every table of the requested types, before the filter; the database's listing in production. */
    @FunctionalInterface
    interface Lister {
        List<TableId> listAll() throws SQLException;
    }

    /** A listing: every table it showed, and the include-list tables missing from it. */
    record Listing(List<TableId> selected, List<TableId> missingIncluded) {
    }

    private final Lister lister;
    private final TableFilter filter;
    private final Duration interval;
    private final Runnable onChange;
    private final Runnable onClose;
    private final CountDownLatch closed = new CountDownLatch(1);
    private final CompletableFuture<Listing> first = new CompletableFuture<>();
    private final Object startLock = new Object();
    private boolean startGaveUp;
    private volatile List<TableId> tables = List.of();
    private Thread thread;

    TableMonitor(ConnectionProvider connections, TableFilter filter, Set<String> tableTypes, Duration interval, Runnable onChange) {
        this(() -> {
            synchronized (connections) {
                Connection connection = connections.connection();
                return connections.dialect().listTables(connection, tableTypes);
            }
        }, filter, interval, onChange, connections::close);
    }

    TableMonitor(Lister lister, TableFilter filter, Duration interval, Runnable onChange, Runnable onClose) {
        this.lister = lister;
        this.filter = filter;
        this.interval = interval;
        this.onChange = onChange;
        this.onClose = onClose;
    }

    /**
     * Starts watching and waits at most {@code limit} for the first listing.
     *
     * @return the first listing, or empty when it did not arrive in time (the tables follow through the change
     *     callback)
     * @throws SQLException or a RuntimeException when the first listing failed within the limit
     */
    Optional<Listing> start(String threadName, Duration limit) throws SQLException {
        thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            first.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            synchronized (startLock) {
                if (!first.isDone()) {
                    startGaveUp = true;
                    LOG.warn("the tables were not listed within {} ms (table.monitoring.startup.polling.limit.ms); "
                            + "the connector starts without tasks and creates them when the listing arrives", limit.toMillis());
                    return Optional.empty();
                }
            }
        } catch (ExecutionException e) {
            // reported by firstListing()
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first listing of the tables", e);
        }
        return Optional.of(firstListing());
    }

    /** The first listing, which is done, or its failure. */
    private Listing firstListing() throws SQLException {
        try {
            return first.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the first listing of the tables", e);
        }
    }

    /** The tables as last listed; empty until the first listing arrived. */
    List<TableId> tables() {
        return tables;
    }

    private Listing list() throws SQLException {
        List<TableId> all = lister.listAll();
        return new Listing(filter.select(all), filter.missingIncluded(all));
    }

    private void watch() {
        if (!listFirst()) {
            return;
        }
        try {
            while (!closed.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                try {
                    List<TableId> now = list().selected();
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

    /**
     * The first listing: handed to {@link #start} while it waits; after it gave up, a success is announced as a
     * change and a failure is logged (the loop tries again). False when the start is failing with its error.
     */
    private boolean listFirst() {
        Listing listing = null;
        Exception failure = null;
        try {
            listing = list();
        } catch (SQLException | RuntimeException e) {
            failure = e;
        }
        boolean late;
        synchronized (startLock) {
            late = startGaveUp;
            if (listing != null) {
                tables = listing.selected();
            }
            if (failure != null) {
                first.completeExceptionally(failure);
            } else {
                first.complete(listing);
            }
        }
        if (!late) {
            return failure == null;
        }
        if (failure != null) {
            LOG.warn("listing the tables failed; trying again in {} ms", interval.toMillis(), failure);
        } else {
            if (!listing.missingIncluded().isEmpty()) {
                LOG.warn("the include list names tables that do not exist: {}", listing.missingIncluded());
            }
            LOG.info("the tables were listed after the startup limit: {}; creating the tasks", listing.selected());
            onChange.run();
        }
        return true;
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
        onClose.run();
    }
}
