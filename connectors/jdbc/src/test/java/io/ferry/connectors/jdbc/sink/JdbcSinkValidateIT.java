package io.ferry.connectors.jdbc.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code validate} reports each problem on the key that fixes it, including what only the database can tell. */
class JdbcSinkValidateIT {
    @TempDir
    Path dir;

    private static Map<String, List<String>> errors(Map<String, String> config) {
        return new JdbcSinkConnector().validate(config).configValues().stream().filter(value -> !value.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    private static Map<String, String> config(TestDatabase db, String... pairs) {
        Map<String, String> config = new HashMap<>(db.connectionSettings());
        config.put("name", "validated");
        config.put("connector.class", JdbcSinkConnector.class.getName());
        config.put("topics", "orders");
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldAcceptASoundConfigurationWhoseTableExists(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
            assertThat(errors(config(db))).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldReportAMissingTableOnTheTableNameFormatWhenItMayNotBeCreated(Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            assertThat(errors(config(db))).containsOnlyKeys("table.name.format")
                    .extractingByKey("table.name.format").asString().contains("orders").contains("auto.create");
            assertThat(errors(config(db, "auto.create", "true"))).isEmpty();
        }
    }

    @Test
    void shouldReportADialectNameThatContradictsTheUrlOnTheKeyAndRefuseToStart() throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY)");
            Map<String, String> config = config(db, "dialect.name", "PostgreSqlDatabaseDialect");
            assertThat(errors(config)).containsOnlyKeys("dialect.name").extractingByKey("dialect.name").asString()
                    .contains("PostgreSqlDatabaseDialect serves jdbc:postgresql: URLs").contains("jdbc:mariadb:");
            assertThatThrownBy(() -> new JdbcSinkConnector().start(config)).hasMessageContaining("dialect.name");
            assertThat(errors(config(db, "dialect.name", "GenericDatabaseDialect"))).containsOnlyKeys("dialect.name");
            assertThat(errors(config(db, "dialect.name", "MySqlDatabaseDialect"))).isEmpty();
        }
    }

    @Test
    void shouldReportAnUnreachableDatabaseOnTheUrl() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", JdbcSinkConnector.class.getName(), "topics", "orders",
                "connection.url", "jdbc:postgresql://127.0.0.1:1/nowhere", "connection.user", "postgres"));
        assertThat(errors(config)).containsOnlyKeys("connection.url");
    }

    @Test
    void shouldReportAnUnknownDatabaseOnTheUrl() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", JdbcSinkConnector.class.getName(), "topics", "orders",
                "connection.url", "jdbc:mariadb://127.0.0.1:3306/no_such_database_here", "connection.user", "root"));
        assertThat(errors(config)).containsOnlyKeys("connection.url");
    }

    @Test
    void shouldReportRefusedCredentialsOnUserAndPassword() {
        Map<String, String> config = new HashMap<>(Map.of("connector.class", JdbcSinkConnector.class.getName(), "topics", "orders",
                "connection.url", "jdbc:mariadb://127.0.0.1:3306/test", "connection.user", "nobody_here",
                "connection.password", "wrong"));
        assertThat(errors(config)).containsOnlyKeys("connection.user", "connection.password");
    }

    @Test
    void shouldReportDeletesWithoutRecordKeysOnDeleteEnabled() throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.SQLITE, dir)) {
            Map<String, List<String>> errors = errors(config(db, "delete.enabled", "true", "pk.mode", "record_value", "auto.create", "true"));
            assertThat(errors).containsOnlyKeys("delete.enabled");
            assertThat(errors.get("delete.enabled")).singleElement().asString().contains("pk.mode=record_key");
        }
    }

    @Test
    void shouldReportUpsertWithoutKeyOnInsertMode() throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.SQLITE, dir)) {
            assertThat(errors(config(db, "insert.mode", "upsert", "auto.create", "true"))).containsOnlyKeys("insert.mode");
        }
    }
}
