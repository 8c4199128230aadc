package io.ferry.connectors.jdbc.sink;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.dialect.WriteOptions;
import io.ferry.connectors.jdbc.sink.JdbcSinkConfig.InsertMode;

/**
 * Writes a group of rows in as few round trips as the database allows. On PostgreSQL and SQLite that is
 * multi-row statements: one {@code INSERT}, upsert or {@code DELETE} carries as many rows as
 * {@code batch.size} and the database's bind-parameter limit allow. On MariaDB it is a JDBC batch of
 * single-row statements, which its driver sends with the server's bulk protocol (one round trip, one
 * parse): measured with 60,000 five-column rows, that was twice as fast there as multi-row statements,
 * while multi-row statements were 1.3 to 1.8 times as fast as JDBC batches on the other two. {@code UPDATE}
 * has no multi-row form and always goes as a JDBC batch. Stateless apart from its settings.
 */
final class StatementExecutor {
    private final JdbcDialect dialect;
    private final InsertMode mode;
    private final int batchSize;
    private final int maxParameters;
    private final WriteOptions options;
    private final boolean jdbcBatches;

    StatementExecutor(JdbcDialect dialect, InsertMode mode, int batchSize, int maxParameters, WriteOptions options) {
        this.dialect = dialect;
        this.jdbcBatches = prefersJdbcBatches(dialect);
        this.mode = mode;
        this.batchSize = batchSize;
        this.maxParameters = maxParameters;
        this.options = options;
    }

    /** Whether the dialect's driver turns a JDBC batch into one bulk request (MariaDB's Connector/J does). */
    static boolean prefersJdbcBatches(JdbcDialect dialect) {
        return dialect.name().equals("MariaDB") || dialect.name().equals("MySQL");
    }

    /** How many rows of {@code columns} parameters each fit in one statement. */
    static int rowsPerStatement(int batchSize, int maxParameters, int columns) {
        return Math.max(1, Math.min(batchSize, maxParameters / Math.max(1, columns)));
    }

    /**
     * Writes the rows; {@code columns} are the table's columns for the group's shape, key columns first.
     *
     * @throws RowBindingException when one row's value cannot be bound (its index in {@code rows})
     * @throws SQLException when the database refuses a statement
     */
    void write(Connection connection, RowGroup group, List<ColumnDefinition> columns) throws SQLException {
        int keyCount = group.shape().key().size();
        List<String> keyNames = columns.subList(0, keyCount).stream().map(ColumnDefinition::name).toList();
        List<String> valueNames = columns.subList(keyCount, columns.size()).stream().map(ColumnDefinition::name).toList();
        if (group.shape().delete()) {
            multiRow(connection, group, columns.subList(0, keyCount), rows -> dialect.delete(group.table(), keyNames, rows));
            return;
        }
        switch (mode) {
            case INSERT -> multiRow(connection, group, columns,
                    rows -> dialect.insert(group.table(), columns.stream().map(ColumnDefinition::name).toList(), rows));
            case UPSERT -> multiRow(connection, group, columns, rows -> dialect.upsert(group.table(), keyNames, valueNames, rows));
            case UPDATE -> {
                if (!valueNames.isEmpty()) {
                    batched(connection, group, columns, dialect.update(group.table(), keyNames, valueNames), true);
                }
            }
            default -> throw new IllegalStateException(mode.toString());
        }
    }

    /** Removes every row of the table, in the connection's current transaction. */
    void truncate(Connection connection, TableId table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate(dialect.truncate(table));
        }
    }

    private interface SqlForRows {
        String sql(int rows);
    }

    private void multiRow(Connection connection, RowGroup group, List<ColumnDefinition> columns, SqlForRows sql)
            throws SQLException {
        if (jdbcBatches) {
            batched(connection, group, columns, sql.sql(1), false);
            return;
        }
        List<SinkRow> rows = group.rows();
        int perStatement = rowsPerStatement(batchSize, maxParameters, columns.size());
        String fullSql = null;
        for (int start = 0; start < rows.size(); start += perStatement) {
            int count = Math.min(perStatement, rows.size() - start);
            // Full statements share one text, so the driver can reuse its prepared form.
            String text = count == perStatement ? (fullSql == null ? fullSql = sql.sql(count) : fullSql) : sql.sql(count);
            try (PreparedStatement statement = connection.prepareStatement(text)) {
                int parameter = 1;
                for (int i = 0; i < count; i++) {
                    parameter = bindRow(statement, parameter, rows.get(start + i), columns, false, start + i);
                }
                statement.executeUpdate();
            }
        }
    }

    /** Single-row statements as JDBC batches of {@code batch.size}; {@code valuesFirst} for UPDATE's parameter order. */
    private void batched(Connection connection, RowGroup group, List<ColumnDefinition> columns, String sql, boolean valuesFirst)
            throws SQLException {
        List<SinkRow> rows = group.rows();
        int perBatch = Math.max(1, batchSize);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int start = 0; start < rows.size(); start += perBatch) {
                int end = Math.min(rows.size(), start + perBatch);
                for (int i = start; i < end; i++) {
                    bindRow(statement, 1, rows.get(i), columns, valuesFirst, i);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /**
     * Binds one row's key then value columns ({@code valuesFirst}: value then key, as UPDATE's SET … WHERE
     * wants) from {@code parameter} on; returns the next free parameter.
     */
    private int bindRow(PreparedStatement statement, int parameter, SinkRow row, List<ColumnDefinition> columns,
            boolean valuesFirst, int index) throws RowBindingException {
        int keyCount = row.key().size();
        int next = parameter;
        if (valuesFirst) {
            next = bindAll(statement, next, row.values(), columns.subList(keyCount, columns.size()), index);
            return bindAll(statement, next, row.key(), columns.subList(0, keyCount), index);
        }
        next = bindAll(statement, next, row.key(), columns.subList(0, keyCount), index);
        if (!row.delete()) {
            next = bindAll(statement, next, row.values(), columns.subList(keyCount, columns.size()), index);
        }
        return next;
    }

    private int bindAll(PreparedStatement statement, int parameter, List<ColumnValue> values, List<ColumnDefinition> columns,
            int index) throws RowBindingException {
        int next = parameter;
        for (int i = 0; i < values.size(); i++) {
            ColumnValue value = values.get(i);
            ColumnDefinition column = columns.get(i);
            try {
                if (value.schema() != null) {
                    dialect.bind(statement, next, column, value.schema(), value.value(), options);
                } else {
                    dialect.bindForColumn(statement, next, column, value.value(), options);
                }
            } catch (SQLException | RuntimeException e) {
                throw new RowBindingException(index, "field '" + value.name() + "' cannot be written to column "
                        + column.name() + " (" + column.typeName() + "): " + e.getMessage(), e);
            }
            next++;
        }
        return next;
    }
}
