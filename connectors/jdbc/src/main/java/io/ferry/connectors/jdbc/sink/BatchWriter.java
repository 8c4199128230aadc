package io.ferry.connectors.jdbc.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.sink.BatchSplitter.Refusal;
import org.apache.kafka.connect.errors.DataException;

/**
 * Writes one put batch's rows inside the connection's current transaction, table by table and group by
 * group: tables are made to fit first, then the tables a Debezium truncate event empties are emptied (those
 * that exist), then each group goes through COPY (PostgreSQL inserts, when
 * enabled and the group is large enough) or multi-row statements, and a refused group is split to find
 * its bad rows. It neither commits nor rolls back the data: the task decides, once it knows whether the
 * refused rows can be reported. Not thread-safe.
 */
final class BatchWriter {
    private final TableStructureManager tables;
    private final StatementExecutor statements;
    private final PostgresCopyWriter copy;
    private final int copyMinRows;

    /**
     * @param copy the COPY writer, or null where COPY is not used (other databases, other modes, turned off)
     */
    BatchWriter(TableStructureManager tables, StatementExecutor statements, PostgresCopyWriter copy, int copyMinRows) {
        this.tables = tables;
        this.statements = statements;
        this.copy = copy;
        this.copyMinRows = copyMinRows;
    }

    /**
     * Writes the buffers' rows; returns the rows the database or the table's structure refused, each with
     * an error that names the table.
     *
     * @throws SQLException a transient error, or one that is not about particular rows (the caller rolls back)
     */
    List<Refusal<SinkRow>> write(Connection connection, Collection<TableBuffer> buffers) throws SQLException {
        List<Refusal<SinkRow>> refused = new ArrayList<>();
        List<Prepared> ready = prepare(connection, buffers, refused);
        boolean truncated = truncate(connection, buffers);
        BatchSplitter<SinkRow> splitter = new BatchSplitter<>(new JdbcSavepoints(connection), BatchWriter::notTheRowsFault);
        for (Prepared prepared : ready) {
            RowGroup group = prepared.group();
            List<ColumnDefinition> columns = prepared.columns();
            BatchSplitter.Writer<SinkRow> viaStatements = rows -> statements.write(connection, group.withRows(rows), columns);
            BatchSplitter.Writer<SinkRow> first = useCopy(group) ? rows -> copy.write(connection, group.withRows(rows), columns)
                    : viaStatements;
            // Alone, a refused group rolls the whole transaction back, which must not undo a truncate.
            boolean alone = ready.size() == 1 && !truncated;
            if (alone && writtenAlone(connection, group, first)) {
                continue;
            }
            // A refused COPY is not tried again: statements find the bad rows.
            for (Refusal<SinkRow> refusal : splitter.write(group.rows(), alone ? viaStatements : first, viaStatements)) {
                refused.add(new Refusal<>(refusal.row(), explain(group, refusal.error())));
            }
        }
        return refused;
    }

    /**
     * Empties the existing tables whose buffers start with a truncate, inside the transaction; returns whether
     * any was emptied. A table that does not exist has nothing to empty.
     */
    private boolean truncate(Connection connection, Collection<TableBuffer> buffers) throws SQLException {
        boolean truncated = false;
        for (TableBuffer buffer : buffers) {
            if (buffer.truncateFirst() && tables.exists(connection, buffer.table())) {
                statements.truncate(connection, buffer.table());
                truncated = true;
            }
        }
        return truncated;
    }

    /** Transient and structural errors are not the rows' fault: the task rolls back and writes the batch again. */
    private static boolean notTheRowsFault(SQLException error) {
        return SqlErrors.isTransient(error) || SqlErrors.isStructural(error);
    }

    /**
     * The common case — a batch of one group that the database takes — without the savepoint round trips:
     * the group is all the transaction holds, so a refusal rolls the transaction back and returns false,
     * for the caller to find the bad rows with savepoints.
     */
    private static boolean writtenAlone(Connection connection, RowGroup group, BatchSplitter.Writer<SinkRow> first)
            throws SQLException {
        try {
            first.write(group.rows());
            return true;
        } catch (SQLException e) {
            if (notTheRowsFault(e)) {
                throw e;
            }
            connection.rollback();
            return false;
        }
    }

    /**
     * Makes every table fit its groups, before any data is written: DDL commits (MariaDB always does), so
     * it must not run between data writes. Groups the structure refuses go to {@code refused}.
     */
    private List<Prepared> prepare(Connection connection, Collection<TableBuffer> buffers, List<Refusal<SinkRow>> refused)
            throws SQLException {
        // Writes before deletes here, so a table is created from a write's columns, not a delete's key.
        List<RowGroup> groups = new ArrayList<>();
        buffers.forEach(buffer -> groups.addAll(buffer.groups()));
        List<RowGroup> structureOrder = new ArrayList<>(groups.stream().filter(group -> !group.shape().delete()).toList());
        structureOrder.addAll(groups.stream().filter(group -> group.shape().delete()).toList());
        Map<RowGroup, List<ColumnDefinition>> columns = new IdentityHashMap<>();
        for (RowGroup group : structureOrder) {
            try {
                columns.put(group, tables.columnsFor(connection, group));
            } catch (DataException e) {
                group.rows().forEach(row -> refused.add(new Refusal<>(row, e)));
            }
        }
        List<Prepared> ready = new ArrayList<>();
        for (RowGroup group : groups) {
            // A missing table has no rows to delete (null); refused groups have no entry.
            if (columns.get(group) != null) {
                ready.add(new Prepared(group, columns.get(group)));
            }
        }
        return ready;
    }

    private boolean useCopy(RowGroup group) {
        return copy != null && group.rows().size() >= copyMinRows && PostgresCopyWriter.eligible(group);
    }

    /** The refusal as an error a DLQ reader or an operator understands: the table and the database's words. */
    private static DataException explain(RowGroup group, Exception error) {
        String reason = error instanceof SQLException sql && !(error instanceof RowBindingException)
                ? SqlErrors.describe(sql) : error.getMessage();
        return new DataException("Table " + group.table() + " refused the record: " + reason, error);
    }

    /** A group and its table's columns, ready to write. */
    private record Prepared(RowGroup group, List<ColumnDefinition> columns) {
    }

    /** JDBC savepoints of one connection. */
    private record JdbcSavepoints(Connection connection) implements BatchSplitter.Savepoints {
        @Override
        public Object mark() throws SQLException {
            return connection.setSavepoint();
        }

        @Override
        public void rollbackTo(Object mark) throws SQLException {
            connection.rollback((Savepoint) mark);
        }

        @Override
        public void release(Object mark) throws SQLException {
            connection.releaseSavepoint((Savepoint) mark);
        }
    }
}
