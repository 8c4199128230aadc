package io.ferry.connectors.jdbc.connection;

import java.sql.SQLException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Attempts, backoff and messages of the provider, with an opener that fails as drivers do. */
class ConnectionProviderTest {
    private final List<Duration> sleeps = new ArrayList<>();
    private final List<Properties> opens = new ArrayList<>();

    private ConnectionProvider provider(String url, int attempts, SQLException failure) {
        ConnectionSettings settings = new ConnectionSettings(url, "alice", new Password("s3cret!"), attempts,
                Duration.ofSeconds(10), ZoneOffset.UTC, "", java.util.Map.of());
        return new ConnectionProvider(settings, (driverUrl, properties) -> {
            opens.add(properties);
            throw failure;
        }, sleeps::add);
    }

    @Test
    void shouldTryAsOftenAsConfiguredWaitingTheBackoffBetweenAttempts() {
        ConnectionProvider provider = provider("jdbc:postgresql://db:5432/shop", 3,
                new SQLException("Connection to db:5432 refused", "08001"));
        assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                .hasMessageContaining("after 3 attempts").hasMessageContaining("unreachable")
                .hasMessageContaining("jdbc:postgresql://db:5432/shop");
        assertThat(opens).hasSize(3);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(10));
        assertThat(opens.get(0).getProperty("user")).isEqualTo("alice");
        assertThat(opens.get(0).getProperty("password")).isEqualTo("s3cret!");
    }

    @Test
    void shouldHandTheDriverItsOwnPropertiesBesideTheCredentials() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://db/shop", "alice", new Password("s3cret!"), 1,
                Duration.ZERO, ZoneOffset.UTC, "", java.util.Map.of("loginTimeout", "10", "user", "mallory"));
        ConnectionProvider provider = new ConnectionProvider(settings, (driverUrl, properties) -> {
            opens.add(properties);
            throw new SQLException("Connection refused", "08001");
        }, sleeps::add);
        assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class);
        assertThat(opens.get(0).getProperty("loginTimeout")).isEqualTo("10");
        assertThat(opens.get(0).getProperty("user")).as("connection.user wins").isEqualTo("alice");
    }

    @Test
    void shouldFailAtOnceWhenAuthenticationFails() {
        ConnectionProvider provider = provider("jdbc:postgresql://db/shop", 5,
                new SQLException("FATAL: password authentication failed for user \"alice\"", "28P01"));
        assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                .hasMessageContaining("authentication failed for user alice").hasMessageContaining("after 1 attempt:")
                .hasMessageNotContaining("s3cret!");
        assertThat(opens).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldFailAtOnceForAnUnknownDatabase() {
        ConnectionProvider provider = provider("jdbc:postgresql://db/shop", 5,
                new SQLException("Unknown database 'shop'", "42000", 1049));
        assertThatThrownBy(provider::connection).hasMessageContaining("the database does not exist");
        assertThat(opens).hasSize(1);
    }

    @Test
    void shouldNeverShowThePasswordOfAUrl() {
        ConnectionProvider provider = provider("jdbc:postgresql://db/shop?user=alice&password=s3cret!&ssl=true", 1,
                new SQLException("refused", "08001"));
        assertThatThrownBy(provider::connection).hasMessageNotContaining("s3cret!")
                .hasMessageContaining("password=***&ssl=true");
        assertThat(ConnectionErrors.redact("jdbc:mysql://alice:s3cret@db:3306/shop"))
                .isEqualTo("jdbc:mysql://alice:***@db:3306/shop");
    }

    @Test
    void shouldNameTheSupportedSchemesWhenNoDialectServesTheUrl() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:oracle:thin:@db:1521/x", null, null, 1,
                Duration.ZERO, ZoneOffset.UTC, "", java.util.Map.of());
        assertThatThrownBy(() -> new ConnectionProvider(settings)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("jdbc:oracle:").hasMessageContaining("jdbc:postgresql:")
                .hasMessageContaining("jdbc:mariadb:").hasMessageContaining("jdbc:mysql:").hasMessageContaining("jdbc:sqlite:");
    }

    @Test
    void shouldStopWaitingWhenInterrupted() {
        ConnectionSettings settings = new ConnectionSettings("jdbc:postgresql://db/shop", null, null, 3,
                Duration.ofSeconds(1), ZoneOffset.UTC, "", java.util.Map.of());
        ConnectionProvider provider = new ConnectionProvider(settings, (url, properties) -> {
            throw new SQLException("refused", "08001");
        }, duration -> {
            throw new InterruptedException();
        });
        try {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class).hasMessageContaining("Interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
