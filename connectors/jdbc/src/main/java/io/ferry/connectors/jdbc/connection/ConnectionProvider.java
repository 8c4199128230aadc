package io.ferry.connectors.jdbc.connection;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.connect.errors.ConnectException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.JdbcDialects;

/**
 * One task's connection: opened on first use with {@code connection.attempts} tries
 * {@code connection.backoff.ms} apart, checked with {@link Connection#isValid(int)} before it is handed out
 * again, and reopened when it was lost. Not thread-safe: one per task.
 *
 * <p>Only failures that waiting may cure are retried (the server unreachable or refusing for now); a
 * rejected password or an unknown database fails at once, since trying again would only delay the
 * message. The password never appears in messages or logs.
 */
public final class ConnectionProvider implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionProvider.class);
    private static final int VALIDITY_TIMEOUT_SECONDS = 5;

    /** Opens a connection to a driver URL; {@link DriverManager} in production. */
    @FunctionalInterface
    public interface Opener {
        Connection open(String url, Properties properties) throws SQLException;
    }

    /** Waits between attempts; {@link Thread#sleep(long)} in production. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final ConnectionSettings settings;
    private final JdbcDialect dialect;
    private final Opener opener;
    private final Sleeper sleeper;
    private Connection connection;

    /**
     * @throws ConnectException when no dialect serves the URL's scheme, or {@code dialect.name} names one Ferry does
     *     not implement or one that contradicts the URL (the message lists the supported ones)
     */
    public ConnectionProvider(ConnectionSettings settings) {
        this(settings, DriverManager::getConnection, duration -> Thread.sleep(duration.toMillis()));
    }

    /** A provider that opens and waits through the given functions (for tests that control time). */
    public ConnectionProvider(ConnectionSettings settings, Opener opener, Sleeper sleeper) {
        this.settings = settings;
        this.opener = opener;
        this.sleeper = sleeper;
        try {
            this.dialect = JdbcDialects.forName(settings.dialectName(), settings.url());
        } catch (IllegalArgumentException e) {
            throw new ConnectException("Cannot connect to " + ConnectionErrors.redact(settings.url()) + ": " + e.getMessage(), e);
        }
    }

    /** The dialect of the settings' URL. */
    public JdbcDialect dialect() {
        return dialect;
    }

    /**
     * A valid connection, opened or reopened as needed, its session set up by
     * {@link JdbcDialect#initializeSession(Connection)}.
     *
     * @throws ConnectException after the last attempt, with a message that names the URL (never the
     *     password) and the cause in words: host unreachable, authentication failed for the user, unknown
     *     database, no driver for the URL
     */
    public Connection connection() {
        if (connection != null) {
            if (isValid(connection)) {
                return connection;
            }
            LOG.warn("The connection to {} was lost; reopening it", ConnectionErrors.redact(settings.url()));
            closeQuietly();
        }
        connection = openWithRetries();
        return connection;
    }

    private static boolean isValid(Connection connection) {
        try {
            return !connection.isClosed() && connection.isValid(VALIDITY_TIMEOUT_SECONDS);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection openWithRetries() {
        String shownUrl = ConnectionErrors.redact(settings.url());
        for (int attempt = 1; ; attempt++) {
            try {
                Connection opened = open();
                LOG.info("Connected to {} ({}) as {}", shownUrl, dialect.name(), settings.user());
                return opened;
            } catch (SQLException e) {
                ConnectionErrors.Failure failure = ConnectionErrors.classify(e);
                String reason = failure.describe(settings.user());
                if (!failure.retriable() || attempt >= settings.attempts()) {
                    throw new ConnectException("Cannot connect to " + shownUrl + " after " + attempt
                            + (attempt == 1 ? " attempt: " : " attempts: ") + reason, e);
                }
                LOG.warn("Attempt {} of {} to connect to {} failed ({}); trying again in {} ms", attempt,
                        settings.attempts(), shownUrl, reason, settings.backoff().toMillis());
                pause();
            }
        }
    }

    private Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(settings.driverProperties());
        if (settings.user() != null) {
            properties.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            properties.setProperty("password", settings.password().value());
        }
        Connection opened = opener.open(dialect.driverUrl(settings.url()), properties);
        try {
            dialect.initializeSession(opened);
        } catch (SQLException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return opened;
    }

    private void pause() {
        try {
            sleeper.sleep(settings.backoff());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while waiting to connect to " + ConnectionErrors.redact(settings.url()), e);
        }
    }

    /** Closes the connection, if open; quietly. */
    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("Closing the connection failed", e);
        }
        connection = null;
    }
}
