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
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes each {@link #put} batch in one database transaction, committed before {@code put} returns; so
 * every record {@code put} accepted is in the database, and the offsets the worker commits after
 * {@code preCommit} never pass a record that is not.
 *
 * <p>A record that cannot be mapped or that the database refuses goes to the worker's errant-record
 * reporter (the dead-letter queue) with the reason; the other rows of the batch are written. Without a
 * reporter ({@code errors.tolerance=none}) the batch is rolled back and the task fails, naming the record,
 * the table and the database's error. A transient error rolls back and asks the worker to deliver the
 * batch again after {@code retry.backoff.ms}, up to {@code max.retries} times in a row.
 */
public final class JdbcSinkTask extends SinkTask {
    private static final Logger log = LoggerFactory.getLogger(JdbcSinkTask.class);

    private JdbcSinkConfig config;
    private ConnectionProvider connections;
    private RecordRowMapper mapper;
    private TableStructureManager tables;
    private BatchWriter writer;
    private ErrantRecordReporter reporter;
    private int remainingRetries;

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
                topic -> tableOfTopic.computeIfAbsent(topic,
                        t -> dialect.parseTableId(RecordRowMapper.tableName(config.tableNameFormat(), t))));
        tables = new TableStructureManager(dialect, config.autoCreate(), config.autoEvolve(), config.tableTypes());
        StatementExecutor statements = new StatementExecutor(dialect, config.insertMode(), config.batchSize(),
                dialect.maxBindParameters(), config.writeOptions());
        boolean copy = config.copyEnabled() && config.insertMode() == InsertMode.INSERT && "PostgreSQL".equals(dialect.name());
        writer = new BatchWriter(tables, statements,
                copy ? new PostgresCopyWriter(dialect, new CopyTextEncoder(config.connectionSettings().timeZone())) : null,
                config.copyMinRows());
        reporter = errantRecordReporter();
        remainingRetries = config.maxRetries();
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
        if (records.isEmpty()) {
            return;
        }
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
            write(buffers.values(), reported);
        }
        awaitReports(reported);
    }

    private void write(Collection<TableBuffer> buffers, List<Future<Void>> reported) {
        Connection connection = connections.connection();
        try {
            connection.setAutoCommit(false);
            List<Refusal<SinkRow>> refused = writer.write(connection, buffers);
            // Report before committing: when errors are not tolerated the report fails the batch, and
            // then nothing of it may stay in the database.
            try {
                for (Refusal<SinkRow> refusal : refused) {
                    reported.add(report(refusal.row().record(), refusal.error()));
                }
            } catch (RuntimeException e) {
                rollbackQuietly(connection);
                throw e;
            }
            connection.commit();
            remainingRetries = config.maxRetries();
        } catch (SQLException e) {
            rollbackQuietly(connection);
            buffers.forEach(buffer -> tables.forget(buffer.table()));
            throw failure(buffers, e);
        }
    }

    /** A transient error becomes a retry while retries remain; anything else fails the task, saying where. */
    private RuntimeException failure(Collection<TableBuffer> buffers, SQLException e) {
        List<TableId> names = buffers.stream().map(TableBuffer::table).toList();
        String reason = "Writing to " + names + " failed: " + SqlErrors.describe(e);
        if (SqlErrors.isTransient(e) && remainingRetries > 0) {
            remainingRetries--;
            log.warn("{}; trying the batch again in {} ms ({} retries left)", reason, config.retryBackoff().toMillis(),
                    remainingRetries);
            context.timeout(config.retryBackoff().toMillis());
            return new RetriableException(reason, e);
        }
        return new ConnectException(reason, e);
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

    /** Nothing to do: every put committed its transaction before returning. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
    }

    @Override
    public void stop() {
        if (connections != null) {
            connections.close();
        }
    }
}
