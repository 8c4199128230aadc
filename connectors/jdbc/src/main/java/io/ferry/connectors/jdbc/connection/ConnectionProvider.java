package io.ferry.connectors.jdbc.connection;

import java.sql.Connection;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;

/**
 * One task's connection: opened on first use with {@code connection.attempts} tries
 * {@code connection.backoff.ms} apart, checked with {@link Connection#isValid(int)} before it is handed out
 * again, and reopened when it was lost. Not thread-safe: one per task.
 */
public final class ConnectionProvider implements AutoCloseable {
    private final ConnectionSettings settings;

    public ConnectionProvider(ConnectionSettings settings) {
        this.settings = settings;
    }

    /** The dialect of the settings' URL. */
    public JdbcDialect dialect() {
        throw new UnsupportedOperationException("not yet built");
    }

    /**
     * A valid connection, opened or reopened as needed.
     *
     * @throws org.apache.kafka.connect.errors.ConnectException after the last attempt, with a message that
     *     names the URL (never the password) and the cause in words: host unreachable, authentication
     *     failed for the user, unknown database, no driver for the URL
     */
    public Connection connection() {
        throw new UnsupportedOperationException("not yet built");
    }

    /** Closes the connection, if open; quietly. */
    @Override
    public void close() {
    }
}
