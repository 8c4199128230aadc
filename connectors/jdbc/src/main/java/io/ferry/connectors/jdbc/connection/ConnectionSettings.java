package io.ferry.connectors.jdbc.connection;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.types.Password;

import io.ferry.connectors.jdbc.dialect.DialectNames;

/**
 * The connection settings both JDBC connectors take, under Confluent's names, and their values.
 *
 * @param url      {@code connection.url}
 * @param user     {@code connection.user}, null when unset
 * @param password {@code connection.password}, null when unset
 * @param attempts {@code connection.attempts}: how many times to try to connect before failing
 * @param backoff  {@code connection.backoff.ms}: the wait between attempts
 * @param timeZone {@code db.timezone}: the zone of the database's zoneless date/time values
 * @param dialectName {@code dialect.name}: Confluent's name of the dialect, empty to choose it from the URL
 * @param driverProperties the {@code connection.*} keys no setting defines, without the prefix: handed to the
 *     driver as connection properties, as Confluent's connector does ({@code connection.loginTimeout=10})
 */
public record ConnectionSettings(String url, String user, Password password, int attempts, Duration backoff, ZoneId timeZone,
        String dialectName, Map<String, String> driverProperties) {
    /** The prefix of the connection settings and of the driver's own properties. */
    public static final String PREFIX = "connection.";

    public static final String GROUP = "Database";
    private static final DialectNames.Validator DIALECT_NAMES = new DialectNames.Validator();
    public static final String URL = "connection.url";
    public static final String USER = "connection.user";
    public static final String PASSWORD = "connection.password";
    public static final String ATTEMPTS = "connection.attempts";
    public static final String BACKOFF_MS = "connection.backoff.ms";
    public static final String TIMEZONE = "db.timezone";
    public static final String DIALECT = "dialect.name";

    /** Adds the connection settings to a connector's definition. */
    public static ConfigDef define(ConfigDef def) {
        int order = 0;
        return def
                .define(URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                        "JDBC URL of the database: jdbc:postgresql://host:5432/db, jdbc:mariadb://host:3306/db "
                                + "(jdbc:mysql:// too) or jdbc:sqlite:/path/file.db.",
                        GROUP, ++order, ConfigDef.Width.LONG, "JDBC URL")
                .define(USER, Type.STRING, null, Importance.HIGH, "Database user.", GROUP, ++order, ConfigDef.Width.MEDIUM, "JDBC user")
                .define(PASSWORD, Type.PASSWORD, null, Importance.HIGH, "Database password.", GROUP, ++order,
                        ConfigDef.Width.MEDIUM, "JDBC password")
                .define(ATTEMPTS, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How many times to try to open a connection before the task fails.", GROUP, ++order,
                        ConfigDef.Width.SHORT, "Connection attempts")
                .define(BACKOFF_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "Milliseconds to wait between connection attempts.", GROUP, ++order, ConfigDef.Width.SHORT,
                        "Connection backoff (ms)")
                .define(TIMEZONE, Type.STRING, "UTC", new ZoneValidator(), Importance.MEDIUM,
                        "Time zone of the database's date and time values without a zone (DATE, TIME, TIMESTAMP, "
                                + "DATETIME): they are read and written as local times in this zone. An IANA name such as "
                                + "Europe/Paris, or UTC.",
                        GROUP, ++order, ConfigDef.Width.MEDIUM, "DB time zone")
                .define(DIALECT, Type.STRING, DialectNames.FROM_URL, DIALECT_NAMES, Importance.LOW,
                        "Confluent's name of the database dialect: PostgreSqlDatabaseDialect, MySqlDatabaseDialect "
                                + "(MariaDB and MySQL) or SqliteDatabaseDialect. Empty (the default) chooses the dialect "
                                + "from connection.url. A name must agree with the URL's scheme; Confluent's other "
                                + "dialects (GenericDatabaseDialect, SqlServerDatabaseDialect, ...) are refused.",
                        GROUP, ++order, ConfigDef.Width.LONG, "Database dialect", DIALECT_NAMES);
    }

    /** {@code dialect.name} against {@code connection.url}: the message when they disagree. */
    public static Optional<String> dialectProblem(Map<String, String> config) {
        return DialectNames.urlProblem(config.get(DIALECT), config.get(URL));
    }

    /** The same settings with a single connection attempt and no backoff (validation answers a person waiting). */
    public ConnectionSettings withOneAttempt() {
        return new ConnectionSettings(url, user, password, 1, Duration.ZERO, timeZone, dialectName, driverProperties);
    }

    /** The settings of a parsed configuration whose definition went through {@link #define(ConfigDef)}. */
    public static ConnectionSettings from(AbstractConfig config) {
        return new ConnectionSettings(config.getString(URL), config.getString(USER), config.getPassword(PASSWORD),
                config.getInt(ATTEMPTS), Duration.ofMillis(config.getLong(BACKOFF_MS)), ZoneId.of(config.getString(TIMEZONE)),
                config.getString(DIALECT), driverProperties(config));
    }

    /** The {@code connection.*} originals that are no defined setting, keyed without the prefix. */
    private static Map<String, String> driverProperties(AbstractConfig config) {
        Map<String, String> properties = new TreeMap<>();
        config.originalsWithPrefix(PREFIX).forEach((key, value) -> {
            if (value != null && !config.values().containsKey(PREFIX + key)) {
                properties.put(key, String.valueOf(value));
            }
        });
        return Map.copyOf(properties);
    }

    /** Names the driver properties without their values, which may hold secrets (an SSL key's password). */
    @Override
    public String toString() {
        return "ConnectionSettings[url=" + ConnectionErrors.redact(url) + ", user=" + user + ", attempts=" + attempts
                + ", backoff=" + backoff + ", timeZone=" + timeZone + ", dialectName=" + dialectName
                + ", driverProperties=" + driverProperties.keySet() + "]";
    }

    /** The settings of a raw connector configuration (for validation before the whole config parses). */
    public static ConnectionSettings from(Map<String, String> config) {
        return from(new AbstractConfig(define(new ConfigDef()), config, false));
    }

    /** Accepts the zone ids {@link ZoneId#of(String)} accepts. */
    private static final class ZoneValidator implements ConfigDef.Validator {
        @Override
        public void ensureValid(String name, Object value) {
            try {
                ZoneId.of((String) value);
            } catch (RuntimeException e) {
                throw new ConfigException(name, value, "not a time zone: use an IANA name such as Europe/Paris, or UTC");
            }
        }

        @Override
        public String toString() {
            return "any IANA time zone, e.g. UTC, Europe/Paris";
        }
    }
}
