package io.ferry.connectors.jdbc.connection;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.common.config.types.Password;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.ferry.connectors.jdbc.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider against the real servers: connecting, reconnecting and the errors operators see. */
class ConnectionProviderIT {
    @TempDir
    Path dir;
    private final List<Duration> sleeps = new ArrayList<>();

    private ConnectionProvider provider(String url, String user, String password, int attempts) {
        ConnectionSettings settings = new ConnectionSettings(url, user, password == null ? null : new Password(password),
                attempts, Duration.ofSeconds(10), ZoneOffset.UTC, "", java.util.Map.of());
        return new ConnectionProvider(settings, java.sql.DriverManager::getConnection, sleeps::add);
    }

    @Test
    void shouldHandOutTheSameValidConnectionAndReopenAClosedOne() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            ConnectionProvider provider = provider(database.url(), database.user(), "", 3);
            Connection first = provider.connection();
            assertThat(provider.connection()).isSameAs(first);
            first.close();
            Connection second = provider.connection();
            assertThat(second).isNotSameAs(first);
            assertThat(second.isValid(1)).isTrue();
            assertThat(provider.dialect().name()).isEqualTo("PostgreSQL");
            provider.close();
            assertThat(second.isClosed()).isTrue();
        }
    }

    @Test
    void shouldOpenTheConnectionWithTheDriverPropertiesGivenUnderTheConnectionPrefix() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            java.util.Map<String, String> config = new java.util.HashMap<>(database.connectionSettings());
            config.put("connection.ApplicationName", "ferry-driver-properties");
            try (ConnectionProvider provider = new ConnectionProvider(ConnectionSettings.from(config));
                 var statement = provider.connection().createStatement();
                 var result = statement.executeQuery("SELECT current_setting('application_name')")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString(1)).isEqualTo("ferry-driver-properties");
            }
        }
    }

    @Test
    void shouldRetryAnUnreachablePortThenFailNamingIt() {
        try (ConnectionProvider provider = provider("jdbc:postgresql://127.0.0.1:1/test", "postgres", "", 3)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("127.0.0.1:1").hasMessageContaining("unreachable").hasMessageContaining("3 attempts");
        }
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void shouldReportAnUnknownPostgresRoleAsFailedAuthentication() {
        try (ConnectionProvider provider = provider("jdbc:postgresql://127.0.0.1:5432/postgres", "no_such_role", "pw", 3)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("authentication failed for user no_such_role").hasMessageNotContaining("pw)");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldReportAMissingPostgresDatabase() {
        try (ConnectionProvider provider = provider("jdbc:postgresql://127.0.0.1:5432/no_such_db_here", "postgres", "", 3)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("database does not exist").hasMessageContaining("no_such_db_here");
        }
    }

    @Test
    void shouldReportAWrongMariaDbPasswordAsFailedAuthenticationWithoutShowingIt() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.MARIADB, dir)) {
            String user = "ferry_" + database.name().substring(6);
            database.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'right-pass'",
                    "CREATE USER '" + user + "'@'localhost' IDENTIFIED BY 'right-pass'");
            try (ConnectionProvider provider = provider(database.url(), user, "wrong-pass", 3)) {
                assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                        .hasMessageContaining("authentication failed for user " + user)
                        .hasMessageNotContaining("wrong-pass");
            } finally {
                database.execute("DROP USER '" + user + "'@'%'", "DROP USER '" + user + "'@'localhost'");
            }
            assertThat(sleeps).isEmpty();
        }
    }

    @Test
    void shouldConnectToMariaDbThroughAMysqlUrlInUtc() throws Exception {
        try (TestDatabase database = TestDatabase.create(TestDatabase.Engine.MARIADB, dir);
             ConnectionProvider provider = provider(database.url().replace("jdbc:mariadb:", "jdbc:mysql:"), "root", "", 1)) {
            try (var statement = provider.connection().createStatement();
                 var row = statement.executeQuery("SELECT DATABASE(), @@session.time_zone")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo(database.name());
                assertThat(row.getString(2)).isEqualTo("+00:00");
            }
            assertThat(provider.dialect().name()).isEqualTo("MariaDB");
        }
    }

    @Test
    void shouldReportAMissingMariaDbDatabase() {
        try (ConnectionProvider provider = provider("jdbc:mariadb://127.0.0.1:3306/no_such_db_here", "root", "", 3)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("database does not exist").hasMessageContaining("no_such_db_here");
        }
        assertThat(sleeps).isEmpty();
    }

    @Test
    void shouldRetryAnUnreachableMariaDbPort() {
        try (ConnectionProvider provider = provider("jdbc:mariadb://127.0.0.1:1/test", "root", "", 2)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("unreachable").hasMessageContaining("2 attempts");
        }
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void shouldOpenAnSqliteFileWithoutUserOrPassword() throws Exception {
        try (ConnectionProvider provider = provider("jdbc:sqlite:" + dir.resolve("fresh.db"), null, null, 1)) {
            assertThat(provider.connection().isValid(1)).isTrue();
            assertThat(provider.dialect().name()).isEqualTo("SQLite");
        }
    }

    @Test
    void shouldFailAtOnceForAnSqliteFileInAMissingFolder() {
        try (ConnectionProvider provider = provider("jdbc:sqlite:" + dir.resolve("no/such/folder/x.db"), null, null, 3)) {
            assertThatThrownBy(provider::connection).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("database does not exist").hasMessageContaining("after 1 attempt");
        }
        assertThat(sleeps).isEmpty();
    }
}
