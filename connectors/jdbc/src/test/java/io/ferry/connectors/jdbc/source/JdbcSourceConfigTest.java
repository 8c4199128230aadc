package io.ferry.connectors.jdbc.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class JdbcSourceConfigTest {

    private static Map<String, String> minimal() {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/test");
        props.put("mode", "bulk");
        props.put("topic.prefix", "db-");
        return props;
    }

    @Test
    void shouldUseConfluentsDefaults() {
        JdbcSourceConfig config = new JdbcSourceConfig(minimal());
        assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(5000));
        assertThat(config.batchMaxRows()).isEqualTo(100);
        assertThat(config.tablePollInterval()).isEqualTo(Duration.ofMillis(60_000));
        assertThat(config.tableTypes()).containsExactly("TABLE");
        assertThat(config.timestampGranularity()).isEqualTo(TimestampGranularity.CONNECT_LOGICAL);
        assertThat(config.validateNonNull()).isTrue();
        assertThat(config.quoteIdentifiers()).isTrue();
        assertThat(config.timestampInitial()).isNull();
        assertThat(config.connectionSettings().timeZone().getId()).isEqualTo("UTC");
        assertThat(config.connectionSettings().dialectName()).isEmpty();
        assertThat(config.queryRetryAttempts()).isEqualTo(-1);
        assertThat(config.startupPollingLimit()).isEqualTo(Duration.ofMillis(10_000));
    }

    @Test
    void shouldPassTheUndefinedConnectionKeysToTheDriverWithoutThePrefix() {
        Map<String, String> props = minimal();
        props.put("connection.loginTimeout", "10");
        props.put("connection.ssl", "true");
        props.put("connection.attempts", "2");
        props.put("connection.user", "alice");
        assertThat(new JdbcSourceConfig(props).connectionSettings().driverProperties())
                .containsExactlyInAnyOrderEntriesOf(Map.of("loginTimeout", "10", "ssl", "true"));
        assertThat(new JdbcSourceConfig(minimal()).connectionSettings().driverProperties()).isEmpty();
        props.put("connection.sslpassword", "hunter2");
        assertThat(new JdbcSourceConfig(props).connectionSettings().toString()).contains("sslpassword")
                .doesNotContain("hunter2");
    }

    @Test
    void shouldRefuseQueryRetryAttemptsBelowMinusOne() {
        Map<String, String> props = minimal();
        props.put("query.retry.attempts", "-2");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("query.retry.attempts");
        props.put("query.retry.attempts", "0");
        assertThat(new JdbcSourceConfig(props).queryRetryAttempts()).isZero();
    }

    @Test
    void shouldRefuseANegativeStartupPollingLimit() {
        Map<String, String> props = minimal();
        props.put("table.monitoring.startup.polling.limit.ms", "-1");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("table.monitoring.startup.polling.limit.ms");
    }

    @Test
    void shouldRefuseADialectFerryDoesNotImplementAndOneThatContradictsTheUrlOnTheKey() {
        Map<String, String> props = minimal();
        props.put("dialect.name", "OracleDatabaseDialect");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("dialect.name").hasMessageContaining("Ferry does not implement")
                .hasMessageContaining("PostgreSqlDatabaseDialect, MySqlDatabaseDialect, SqliteDatabaseDialect");
        props.put("dialect.name", "MySqlDatabaseDialect");
        assertThat(JdbcSourceConfig.crossKeyProblems(props)).containsOnlyKeys("dialect.name");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("MySqlDatabaseDialect serves jdbc:mariadb: and jdbc:mysql: URLs");
        props.put("dialect.name", "PostgreSqlDatabaseDialect");
        assertThat(new JdbcSourceConfig(props).connectionSettings().dialectName()).isEqualTo("PostgreSqlDatabaseDialect");
    }

    @Test
    void shouldLagTheDatabaseClockByDefault() {
        assertThat(new JdbcSourceConfig(minimal()).timestampDelay()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void shouldDocumentEveryKeyWithAGroup() {
        for (ConfigDef.ConfigKey key : JdbcSourceConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        }
    }

    @Test
    void shouldAcceptTheNewerNamesOfTheTableLists() {
        Map<String, String> props = minimal();
        props.put("table.include.list", "a,b");
        JdbcSourceConfig config = new JdbcSourceConfig(props);
        assertThat(config.includedTables()).containsExactly("a", "b");
        assertThat(config.includeKey()).isEqualTo("table.include.list");
    }

    @Test
    void shouldRefuseBothNamesOfOneList() {
        Map<String, String> props = minimal();
        props.put("table.whitelist", "a");
        props.put("table.include.list", "b");
        assertThat(JdbcSourceConfig.crossKeyProblems(props)).containsKey("table.include.list");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining("same setting");
    }

    @Test
    void shouldRefuseAnIncludeAndAnExcludeList() {
        Map<String, String> props = minimal();
        props.put("table.whitelist", "a");
        props.put("table.exclude.list", "b");
        assertThat(JdbcSourceConfig.crossKeyProblems(props)).containsKey("table.whitelist");
    }

    @Test
    void shouldRequireTimestampColumnsInTimestampModes() {
        Map<String, String> props = minimal();
        props.put("mode", "timestamp+incrementing");
        assertThat(JdbcSourceConfig.crossKeyProblems(props).get("timestamp.column.name"))
                .containsExactly("mode timestamp+incrementing needs timestamp.column.name");
    }

    @Test
    void shouldRequireAnIncrementingColumnForAQuery() {
        Map<String, String> props = minimal();
        props.put("mode", "incrementing");
        props.put("query", "SELECT 1 AS id");
        assertThat(JdbcSourceConfig.crossKeyProblems(props)).containsKey("incrementing.column.name");
    }

    @Test
    void shouldReadTimestampColumnsAsAList() {
        Map<String, String> props = minimal();
        props.put("mode", "timestamp");
        props.put("timestamp.column.name", "updated_at, created_at");
        assertThat(new JdbcSourceConfig(props).timestampColumns()).isEqualTo(List.of("updated_at", "created_at"));
    }

    @Test
    void shouldRefuseAnUnknownMode() {
        Map<String, String> props = minimal();
        props.put("mode", "fast");
        assertThatThrownBy(() -> new JdbcSourceConfig(props)).isInstanceOf(ConfigException.class).hasMessageContaining("mode");
    }

    @Test
    void shouldHonourTheDeprecatedPrecisionMappingFlag() {
        Map<String, String> props = minimal();
        props.put("numeric.precision.mapping", "true");
        assertThat(new JdbcSourceConfig(props).readOptions().numericMapping())
                .isEqualTo(io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping.PRECISION_ONLY);
        props.put("numeric.mapping", "best_fit");
        assertThat(new JdbcSourceConfig(props).readOptions().numericMapping())
                .isEqualTo(io.ferry.connectors.jdbc.dialect.ReadOptions.NumericMapping.BEST_FIT);
    }
}
