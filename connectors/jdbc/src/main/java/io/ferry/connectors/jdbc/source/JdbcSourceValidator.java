package io.ferry.connectors.jdbc.source;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.connection.ConnectionSettings;
import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.ReadOptions;
import io.ferry.connectors.jdbc.dialect.TableDefinition;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigValue;

/**
 * The database half of {@link JdbcSourceConnector#validate}: with the settings' own checks passed, it
 * connects once (no retries) and adds errors to the keys they belong to — connection.url for an unreachable
 * host or unknown database, connection.user and connection.password for refused credentials, the include
 * list for tables that do not exist or hold columns without a mapping, the mode's column keys for missing,
 * unsuitable or nullable columns, query for a query the database rejects.
 */
final class JdbcSourceValidator {
    private final Map<String, String> props;
    private final Map<String, ConfigValue> values = new HashMap<>();

    JdbcSourceValidator(Map<String, String> props, Config config) {
        this.props = props;
        config.configValues().forEach(value -> values.put(value.name(), value));
    }

    void validate() {
        JdbcSourceConfig.crossKeyProblems(props).forEach((key, messages) -> messages.forEach(message -> error(key, message)));
        if (values.values().stream().anyMatch(value -> !value.errorMessages().isEmpty())) {
            return; // the database checks need parsed settings
        }
        JdbcSourceConfig config = new JdbcSourceConfig(props);
        ConnectionSettings once = config.connectionSettings().withOneAttempt();
        ConnectionProvider connections;
        JdbcDialect dialect;
        Connection connection;
        try {
            connections = new ConnectionProvider(once);
        } catch (RuntimeException e) {
            connectionFailed(e);
            return;
        }
        try (connections) {
            try {
                dialect = connections.dialect();
                connection = connections.connection();
            } catch (RuntimeException e) {
                connectionFailed(e);
                return;
            }
            try {
                if (config.query() != null) {
                    checkQuery(config, dialect, connection);
                } else {
                    checkTables(config, dialect, connection);
                }
            } catch (SQLException e) {
                error(JdbcSourceConfig.MODE, "checking the database failed: " + e.getMessage());
            }
        }
    }

    private void connectionFailed(RuntimeException e) {
        String message = e.getMessage();
        if (authentication(e)) {
            error(ConnectionSettings.USER, message);
            error(ConnectionSettings.PASSWORD, message);
        } else {
            error(ConnectionSettings.URL, message);
        }
    }

    /** Whether the database refused the credentials: SQL state class 28 (invalid authorization) in the causes. */
    static boolean authentication(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("28")) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("authentication failed") || message.contains("access denied");
    }

    private void checkTables(JdbcSourceConfig config, JdbcDialect dialect, Connection connection) throws SQLException {
        TableFilter filter = new TableFilter(dialect, config);
        List<TableId> listed = dialect.listTables(connection, config.tableTypes());
        String includeKey = config.includeKey();
        for (TableId missing : filter.missingIncluded(listed)) {
            error(includeKey, "table " + missing + " does not exist (of types " + config.tableTypes()
                    + ") or the user cannot read it");
        }
        boolean sqlite = "SQLite".equalsIgnoreCase(dialect.name());
        for (TableId table : filter.select(listed)) {
            Optional<TableDefinition> definition = dialect.describeTable(connection, table);
            if (definition.isEmpty()) {
                error(includeKey, "table " + table + " cannot be described");
                continue;
            }
            ModeColumnCheck.check(definition.get(), config.mode(), config.incrementingColumn(), config.timestampColumns(),
                    config.validateNonNull(), sqlite).problems().forEach(problem -> error(problem.key(), problem.message()));
            checkMappings(config, dialect, "table " + definition.get().id(), definition.get().columns(), includeKey);
        }
    }

    private void checkQuery(JdbcSourceConfig config, JdbcDialect dialect, Connection connection) throws SQLException {
        String sql = "SELECT * FROM (" + config.query() + ") ferry_check WHERE 1 = 0";
        List<ColumnDefinition> columns;
        try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet result = statement.executeQuery()) {
            columns = dialect.describeResult(result);
        } catch (SQLException e) {
            error(JdbcSourceConfig.QUERY, "the database rejects the query: " + e.getMessage());
            return;
        } finally {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (ColumnDefinition column : columns) {
            if (!names.add(column.name())) {
                error(JdbcSourceConfig.QUERY, "the query's result has two columns named " + column.name() + "; give one an alias");
            }
        }
        TableDefinition result = new TableDefinition(TableId.of("query"), "QUERY", columns);
        if (config.mode().usesIncrementing() && config.incrementingColumn() != null
                && result.column(config.incrementingColumn()).isEmpty()) {
            error(JdbcSourceConfig.INCREMENTING_COLUMN, "the query's result has no column " + config.incrementingColumn());
        }
        for (String column : config.mode().usesTimestamp() ? config.timestampColumns() : List.<String>of()) {
            if (result.column(column).isEmpty()) {
                error(JdbcSourceConfig.TIMESTAMP_COLUMNS, "the query's result has no column " + column);
            }
        }
        checkMappings(config, dialect, "the query", columns, JdbcSourceConfig.QUERY);
    }

    private void checkMappings(JdbcSourceConfig config, JdbcDialect dialect, String source, List<ColumnDefinition> columns,
            String key) {
        if (config.skipUnmappableColumns()) {
            return;
        }
        ReadOptions options = config.readOptions();
        for (ColumnDefinition column : columns) {
            if (dialect.columnMapping(column, options).isEmpty()) {
                error(key, RowConverter.unmappable(source, column) + "; set unmappable.column.action=skip to leave it out");
            }
        }
    }

    private void error(String key, String message) {
        values.computeIfAbsent(key, ConfigValue::new).addErrorMessage(message);
    }
}
