package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JdbcSinkConfigTest {

    private static Map<String, String> props(String... pairs) {
        Map<String, String> props = new HashMap<>();
        props.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/test");
        for (int i = 0; i < pairs.length; i += 2) {
            props.put(pairs[i], pairs[i + 1]);
        }
        return props;
    }

    @Test
    void shouldTakeConfluentsDefaults() {
        JdbcSinkConfig config = new JdbcSinkConfig(props());
        assertThat(config.insertMode()).isEqualTo(JdbcSinkConfig.InsertMode.INSERT);
        assertThat(config.pkMode()).isEqualTo(JdbcSinkConfig.PkMode.NONE);
        assertThat(config.batchSize()).isEqualTo(3000);
        assertThat(config.tableNameFormat()).isEqualTo("${topic}");
        assertThat(config.maxRetries()).isEqualTo(10);
        assertThat(config.retryBackoff().toMillis()).isEqualTo(3000);
        assertThat(config.autoCreate()).isFalse();
        assertThat(config.deleteEnabled()).isFalse();
        assertThat(config.connectionSettings().dialectName()).isEmpty();
    }

    @Test
    void shouldRefuseADialectFerryDoesNotImplementOnTheKeyNamingTheSupportedOnes() {
        assertThatThrownBy(() -> new JdbcSinkConfig(props("dialect.name", "SqlServerDatabaseDialect")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("dialect.name")
                .hasMessageContaining("PostgreSqlDatabaseDialect, MySqlDatabaseDialect, SqliteDatabaseDialect");
        assertThat(new JdbcSinkConfig(props("dialect.name", "PostgreSqlDatabaseDialect")).connectionSettings().dialectName())
                .isEqualTo("PostgreSqlDatabaseDialect");
    }

    @Test
    void shouldDefaultTheKafkaCoordinateColumnNames() {
        assertThat(new JdbcSinkConfig(props("pk.mode", "kafka")).pkFields())
                .containsExactly("__connect_topic", "__connect_partition", "__connect_offset");
    }

    @Test
    void shouldMergeTheIncludeListUnderEitherName() {
        assertThat(new JdbcSinkConfig(props("fields.whitelist", "a,b")).includedFields()).containsExactlyInAnyOrder("a", "b");
        assertThat(new JdbcSinkConfig(props("fields.include.list", "c")).includedFields()).containsExactly("c");
    }

    @ParameterizedTest(name = "{0}={1} with {2}={3} is refused on {4}")
    @CsvSource({
            "delete.enabled, true,   pk.mode,     record_value, delete.enabled",
            "delete.enabled, true,   pk.mode,     none,         delete.enabled",
            "insert.mode,    upsert, pk.mode,     none,         insert.mode",
            "insert.mode,    update, pk.mode,     none,         insert.mode",
            "pk.mode,        kafka,  pk.fields,   'a,b',        pk.fields",
            "pk.mode,        none,   pk.fields,   a,            pk.fields",
            "fields.whitelist, a,    fields.include.list, b,    fields.include.list",
            "dialect.name, MySqlDatabaseDialect, connection.url, jdbc:postgresql://db/x, dialect.name",
            "dialect.name, PostgreSqlDatabaseDialect, connection.url, jdbc:sqlite:/tmp/x.db, dialect.name",
    })
    void shouldNameTheKeyOfABrokenCrossKeyRule(String key1, String value1, String key2, String value2, String blamed) {
        Map<String, String> props = props(key1, value1, key2, value2);
        assertThat(JdbcSinkConfig.crossKeyErrors(props)).containsKey(blamed);
        assertThatThrownBy(() -> new JdbcSinkConfig(props)).isInstanceOf(ConfigException.class).hasMessageContaining(blamed);
    }

    @Test
    void shouldAcceptDeletesWithRecordKeys() {
        assertThat(JdbcSinkConfig.crossKeyErrors(props("delete.enabled", "true", "pk.mode", "record_key", "insert.mode", "upsert")))
                .isEmpty();
    }

    @Test
    void shouldDocumentAndGroupEveryKey() {
        for (ConfigDef.ConfigKey key : JdbcSinkConfig.CONFIG_DEF.configKeys().values()) {
            assertThat(key.documentation).as(key.name).isNotBlank();
            assertThat(key.group).as(key.name).isNotBlank();
        }
    }
}
