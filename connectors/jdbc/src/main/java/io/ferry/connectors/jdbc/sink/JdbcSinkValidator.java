package io.ferry.connectors.jdbc.sink;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.connectors.jdbc.connection.ConnectionProvider;
import io.ferry.connectors.jdbc.connection.ConnectionSettings;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.TableId;
import org.apache.kafka.common.config.ConfigValue;
import org.apache.kafka.connect.sink.SinkConnector;

/**
 * The checks of {@link JdbcSinkConnector#validate} that need the database: one connection attempt (no
 * retries: validation answers a person waiting), then the target tables when the sink may not create them.
 */
final class JdbcSinkValidator {
    private final Map<String, String> props;
    private final Map<String, ConfigValue> values;

    JdbcSinkValidator(Map<String, String> props, Map<String, ConfigValue> values) {
        this.props = props;
        this.values = values;
    }

    void checkDatabase() {
        ConnectionSettings once = ConnectionSettings.from(props).withOneAttempt();
        ConnectionProvider provider;
        Connection connection;
        try {
            provider = new ConnectionProvider(once);
        } catch (RuntimeException e) {
            reportConnectionError(e);
            return;
        }
        try (provider) {
            try {
                connection = provider.connection();
            } catch (RuntimeException e) {
                reportConnectionError(e);
                return;
            }
            checkTables(provider.dialect(), connection);
        }
    }

    private void reportConnectionError(RuntimeException e) {
        String message = "Cannot connect: " + e.getMessage();
        if (isAuthenticationFailure(e)) {
            values.get(ConnectionSettings.USER).addErrorMessage(message);
            values.get(ConnectionSettings.PASSWORD).addErrorMessage(message);
        } else {
            values.get(ConnectionSettings.URL).addErrorMessage(message);
        }
    }

    /** PostgreSQL and MariaDB report a refused login with SQLState class 28 (MariaDB also with error 1045). */
    private static boolean isAuthenticationFailure(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && ((sql.getSQLState() != null && sql.getSQLState().startsWith("28")) || sql.getErrorCode() == 1045)) {
                return true;
            }
        }
        String text = String.valueOf(error.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return text.contains("authentication") || text.contains("password") || text.contains("access denied");
    }

    private void checkTables(JdbcDialect dialect, Connection connection) {
        if (Boolean.parseBoolean(props.getOrDefault(JdbcSinkConfig.AUTO_CREATE, "false"))) {
            return;
        }
        String format = props.getOrDefault(JdbcSinkConfig.TABLE_NAME_FORMAT, "${topic}");
        List<String> names = new ArrayList<>();
        if (!format.contains("${topic}")) {
            names.add(format);
        } else {
            for (String topic : props.getOrDefault(SinkConnector.TOPICS_CONFIG, "").split(",")) {
                if (!topic.isBlank()) {
                    names.add(RecordRowMapper.tableName(format, topic.strip()));
                }
            }
        }
        for (String name : names) {
            TableId table = dialect.parseTableId(name);
            try {
                if (dialect.describeTable(connection, table).isEmpty()) {
                    values.get(JdbcSinkConfig.TABLE_NAME_FORMAT).addErrorMessage("Table " + name
                            + " does not exist in the database and auto.create is false: create it or set auto.create=true");
                }
            } catch (SQLException e) {
                values.get(JdbcSinkConfig.TABLE_NAME_FORMAT).addErrorMessage("Cannot look up table " + name + ": "
                        + SqlErrors.describe(e));
            }
        }
    }
}
