package io.ferry.connectors.jdbc.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.sink.BatchSplitter.Refusal;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.InsertMode;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link #put} batch in one database transaction. {@code put} hands the records to a
 * write-ahead thread, which maps them to rows, writes and commits them while the task polls the next batch;
 * {@code flush} (before every offset commit) and {@code close} wait until it has committed, so the offsets
 * the worker commits never pass a record that is not in the database. One batch is in flight at a time.
 *
 * <p>A record that cannot be mapped or that the database refuses goes to the worker's errant-record
 * reporter (the dead-letter queue) with the reason; the other rows of the batch are written. When errors
 * are not tolerated the batch is rolled back and the task fails, naming the record, the table and the
 * database's error. A transient error rolls the batch back and tries it again after {@code retry.backoff.ms},
 * up to {@code max.retries} times, before the task fails.
 */
public final class JdbcSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(JdbcSinkTask.class);

    private JdbcSinkConfig config;
    private ConnectionProvider connections;
    private RecordRowMapper mapper;
    private TableStructureManager tables;
    private BatchWriter writer;
    private ErrantRecordReporter reporter;
    private WriteAhead writeAhead;

    @Override
    public String version() {
        return JdbcSinkConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new JdbcSinkConfig(props);
        connections = new ConnectionProvider(config.connectionSettings());
        JdbcDialect dialect = connections.dialect();
        Map<String, TableId> tableOfTopic = new HashMap<>();
        mapper = new RecordRowMapper(config.pkMode(), config.pkFields(), config.includedFields(), config.deleteEnabled(),
                config.truncateEnabled(), topic -> tableOfTopic.computeIfAbsent(topic,
                        t -> dialect.parseTableId(RecordRowMapper.tableName(config.tableNameFormat(), t))));
        tables = new TableStructureManager(dialect, config.autoCreate(), config.autoEvolve(), config.tableTypes(),
                config.writeOptions());
        StatementExecutor statements = new StatementExecutor(dialect, config.insertMode(), config.batchSize(),
                dialect.maxBindParameters(), config.writeOptions());
        boolean copy = config.copyEnabled() && config.insertMode() == InsertMode.INSERT && "PostgreSQL".equals(dialect.name());
        writer = new BatchWriter(tables, statements,
                copy ? new PostgresCopyWriter(dialect, new CopyTextEncoder(config.connectionSettings().timeZone()),
                        new CopyBinaryEncoder(config.connectionSettings().timeZone())) : null,
                config.copyMinRows());
        reporter = errantRecordReporter();
        writeAhead = new WriteAhead(Thread.currentThread().getName() + "-jdbc-writer");
        log.info("JDBC sink task started: {} into {} with insert.mode={}, pk.mode={}, COPY {}", config.tableNameFormat(),
                dialect.name(), config.insertMode(), config.pkMode(), copy ? "on" : "off");
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) {
            return null; // a worker older than Kafka 2.6 has no reporter: behave as errors.tolerance=none
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        writeAhead.checkFinished();
        if (records.isEmpty()) {
            return;
        }
        // Mapping happens on the writer thread too: the task's thread goes straight back to polling.
        List<SinkRecord> batch = List.copyOf(records);
        writeAhead.submit(() -> mapAndWrite(batch));
    }

    /** Maps the records to rows per table (reporting those that do not map), then writes the rows. */
    private void mapAndWrite(List<SinkRecord> records) {
        List<Future<Void>> reported = new ArrayList<>();
        Map<TableId, TableBuffer> buffers = new LinkedHashMap<>();
        for (SinkRecord record : records) {
            Optional<SinkRow> row;
            try {
                row = mapper.map(record);
            } catch (DataException e) {
                reported.add(report(record, new DataException("Cannot map the record to a row: " + e.getMessage(), e)));
                continue;
            }
            row.ifPresent(r -> buffers.computeIfAbsent(r.table(), TableBuffer::new).add(r));
        }
        if (!buffers.isEmpty()) {
            writeWithRetries(List.copyOf(buffers.values()));
        }
        awaitReports(reported);
    }

    /**
     * Writes one batch on the write-ahead thread, trying it again after a transient error up to
     * {@code max.retries} times {@code retry.backoff.ms} apart: the records were accepted by {@code put}
     * already, so the batch is retried here rather than handed back to the worker.
     */
    private void writeWithRetries(List<TableBuffer> batch) {
        for (int attempt = 0; ; attempt++) {
            List<Future<Void>> reported = new ArrayList<>();
            try {
                write(batch, reported);
                awaitReports(reported);
                return;
            } catch (SQLException e) {
                String reason = "Writing to " + batch.stream().map(TableBuffer::table).toList() + " failed: " + SqlErrors.describe(e);
                boolean structural = SqlErrors.isStructural(e);
                if (!(structural || SqlErrors.isTransient(e)) || attempt >= config.maxRetries()) {
                    throw new ConnectException(reason + (attempt > 0 ? " (after " + attempt + " retries)" : ""), e);
                }
                if (structural) {
                    // The table changed under the cached definition (already forgotten): re-read it and go again.
                    log.info("{}; reading the table's definition again", reason);
                    continue;
                }
                log.warn("{}; trying the batch again in {} ms ({} of {} retries)", reason, config.retryBackoff().toMillis(),
                        attempt + 1, config.maxRetries());
                sleep(config.retryBackoff().toMillis());
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to retry a batch", e);
        }
    }

    /** Writes and commits the batch in one transaction; on an SQL error rolls back and forgets the tables' definitions. */
    private void write(Collection<TableBuffer> buffers, List<Future<Void>> reported) throws SQLException {
        Connection connection = connections.connection();
        try {
            connection.setAutoCommit(false);
            List<Refusal<SinkRow>> refused = writer.write(connection, buffers);
            // Report before committing: when errors are not tolerated the report fails the batch, and
            // then nothing of it may stay in the database.
            for (Refusal<SinkRow> refusal : refused) {
                reported.add(report(refusal.row().record(), refusal.error()));
            }
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            rollbackQuietly(connection);
            if (e instanceof SQLException) {
                buffers.forEach(buffer -> tables.forget(buffer.table()));
            }
            throw e;
        }
    }

    /**
     * Hands a bad record to the worker's reporter (the dead-letter queue). Without a reporter, or when the
     * worker does not tolerate errors (its reporter then throws), the task fails with a reason that names
     * the record and says what is wrong with it.
     */
    private Future<Void> report(SinkRecord record, Exception error) {
        String reason = describe(record) + ": " + error.getMessage();
        if (reporter == null) {
            throw new ConnectException(reason, error);
        }
        try {
            log.debug("Reporting {}", reason);
            return reporter.report(record, error);
        } catch (RuntimeException e) {
            ConnectException failure = new ConnectException(reason, error);
            failure.addSuppressed(e);
            throw failure;
        }
    }

    private static String describe(SinkRecord record) {
        return "Record " + record.topic() + "-" + record.kafkaPartition() + "@" + record.kafkaOffset();
    }

    /** Waits until the reporter has written the bad records, so offsets committed after this never skip one unreported. */
    private static void awaitReports(List<Future<Void>> reported) {
        for (Future<Void> future : reported) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while reporting bad records", e);
            } catch (ExecutionException e) {
                throw new ConnectException("Could not report a bad record to the dead-letter queue", e.getCause());
            }
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            log.debug("Rollback failed; the connection is likely lost", e);
        }
    }

    /**
     * Waits until the batch in flight has committed (or rethrows its failure), so the offsets the worker
     * commits next never pass a record that is not in the database.
     */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        writeAhead.await();
    }

    /** Partitions leave this task only after their records are in the database. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        writeAhead.await();
    }

    @Override
    public void stop() {
        if (writeAhead != null) {
            writeAhead.close();
        }
        if (connections != null) {
            connections.close();
        }
    }
}
