package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.connect.errors.ConnectException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad input caught by validate (errors on the key at fault, naming the table and column) or failing the task readably. */
class JdbcSourceBadInputIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private StandaloneConnect connect;

    @BeforeEach
    void startWorker(FerryCluster cluster) {
        connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir));
    }

    @AfterEach
    void stopWorker() {
        connect.close();
    }

    private Map<String, List<String>> errors(Map<String, String> config) {
        ConfigInfos infos = connect.herder().validateConnectorConfig(config);
        Map<String, List<String>> errors = new HashMap<>();
        for (ConfigInfo info : infos.configs()) {
            if (info.value() != null && !info.value().errors().isEmpty()) {
                errors.put(info.value().name(), info.value().errors());
            }
        }
        return errors;
    }

    private static Map<String, String> config(TestDatabase db, String mode) {
        return SourceWorkerFixture.connector("bad", db, mode, "bad-");
    }

    @Test
    void shouldReportAnUnreachableDatabaseOnTheUrl() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            Map<String, String> config = config(db, "bulk");
            config.put("connection.url", "jdbc:postgresql://127.0.0.1:1/" + db.name());
            assertThat(errors(config)).containsOnlyKeys("connection.url");
        }
    }

    @Test
    void shouldReportAnUnknownDatabaseOnTheUrl() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            Map<String, String> config = config(db, "bulk");
            config.put("connection.url", "jdbc:postgresql://127.0.0.1:5432/no_such_database");
            assertThat(errors(config)).containsOnlyKeys("connection.url");
            assertThat(errors(config).get("connection.url").get(0)).contains("no_such_database");
        }
    }

    @Test
    void shouldReportRefusedCredentialsOnUserAndPassword() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.MARIADB, dir)) {
            Map<String, String> config = config(db, "bulk");
            config.put("connection.user", "no_such_user");
            config.put("connection.password", "wrong");
            assertThat(errors(config)).containsOnlyKeys("connection.user", "connection.password");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldNameMissingTablesAndColumnsOnTheirKeys(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            Map<String, String> config = config(db, "timestamp+incrementing");
            config.put("table.whitelist", "items,ghost");
            config.put("timestamp.column.name", "changed_at");
            config.put("incrementing.column.name", "name");
            Map<String, List<String>> errors = errors(config);
            assertThat(errors).containsOnlyKeys("table.whitelist", "timestamp.column.name", "incrementing.column.name");
            assertThat(errors.get("table.whitelist")).singleElement().asString().contains("ghost");
            assertThat(errors.get("timestamp.column.name")).singleElement().asString().contains("items").contains("changed_at");
            assertThat(errors.get("incrementing.column.name")).singleElement().asString().contains("name").contains("not an integer");
        }
    }

    @Test
    void shouldReportAModeWithoutItsColumnAndAQueryTheDatabaseRejects() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            Map<String, String> timestamp = config(db, "timestamp");
            assertThat(errors(timestamp)).containsOnlyKeys("timestamp.column.name");
            Map<String, String> query = config(db, "bulk");
            query.put("query", "SELECT nothing FROM nowhere");
            assertThat(errors(query)).containsOnlyKeys("query");
            query.put("query", "SELECT 1 AS id, 2 AS id");
            assertThat(errors(query).get("query")).singleElement().asString().contains("two columns named id");
            Map<String, String> both = config(db, "bulk");
            both.put("table.whitelist", "a");
            both.put("table.include.list", "a");
            assertThat(errors(both)).containsKey("table.include.list");
        }
    }

    @Test
    void shouldReportADialectNameFerryDoesNotImplementOrThatContradictsTheUrlOnTheKeyAndRefuseToStart() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            SourceTables.create(db, "items");
            Map<String, String> config = config(db, "bulk");
            config.put("dialect.name", "SqlServerDatabaseDialect");
            assertThat(errors(config)).containsOnlyKeys("dialect.name").extractingByKey("dialect.name").asString()
                    .contains("Ferry does not implement").contains("PostgreSqlDatabaseDialect, MySqlDatabaseDialect, SqliteDatabaseDialect");
            config.put("dialect.name", "MySqlDatabaseDialect");
            assertThat(errors(config)).containsOnlyKeys("dialect.name").extractingByKey("dialect.name").asString()
                    .contains("connection.url is jdbc:postgresql:");
            assertThatThrownBy(() -> new JdbcSourceConnector().start(config)).hasMessageContaining("dialect.name")
                    .hasMessageContaining("MySqlDatabaseDialect serves jdbc:mariadb: and jdbc:mysql: URLs");
            config.put("dialect.name", "PostgreSqlDatabaseDialect");
            assertThat(errors(config)).isEmpty();
        }
    }

    @Test
    void shouldNameAnUnmappableColumnInValidateAndFailTheTaskWhenOneAppears(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            db.execute("CREATE TABLE places (id SERIAL PRIMARY KEY, spot PG_LSN)", "INSERT INTO places (spot) VALUES ('16/B374D848')");
            Map<String, String> config = config(db, "incrementing");
            assertThat(errors(config).get("table.whitelist")).singleElement().asString().contains("spot").contains("pg_lsn");

            Map<String, String> skipping = config(db, "incrementing");
            skipping.put("name", "skipping");
            skipping.put("topic.prefix", "skipping-");
            skipping.put("unmappable.column.action", "skip");
            assertThat(errors(skipping)).isEmpty();
            connect.herder().putConnectorConfig("skipping", skipping, TargetState.STARTED, false).get();
            assertThat(awaitValues(cluster, "skipping-places", 1)).singleElement().isEqualTo(Map.of("id", 1));

            db.execute("CREATE TABLE plain (id SERIAL PRIMARY KEY, name TEXT)", "INSERT INTO plain (name) VALUES ('a')");
            Map<String, String> failing = config(db, "incrementing");
            failing.put("name", "failing");
            failing.put("topic.prefix", "failing-");
            failing.put("table.whitelist", "plain");
            connect.herder().putConnectorConfig("failing", failing, TargetState.STARTED, false).get();
            awaitValues(cluster, "failing-plain", 1);
            db.execute("ALTER TABLE plain ADD COLUMN spot PG_LSN", "INSERT INTO plain (name, spot) VALUES ('b', '0/1')");
            assertThat(SourceWorkerFixture.awaitFailure(connect, "failing")).contains("table " + db.name() + ".public.plain")
                    .contains("column spot of type pg_lsn has no Connect mapping");
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldRefuseToStartWithAReadableReasonWhenTheDatabaseIsUnreachable(TestDatabase.Engine engine) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            Map<String, String> config = config(db, "bulk");
            config.put("connection.url", db.url().replace(engine == TestDatabase.Engine.POSTGRES ? ":5432/" : ":3306/", ":1/"));
            JdbcSourceConnector connector = new JdbcSourceConnector();
            assertThatThrownBy(() -> connector.start(config)).isInstanceOf(ConnectException.class)
                    .hasMessageContaining("127.0.0.1:1");
        }
    }

    @Test
    void shouldFailTheTaskReadablyWhenItsDatabaseDisappears(FerryCluster cluster) throws Exception {
        TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir);
        SourceTables.create(db, "items");
        SourceTables.insert(db, "items", "one", Instant.now());
        Map<String, String> config = config(db, "incrementing");
        config.put("name", "vanishing");
        config.put("topic.prefix", "vanishing-");
        config.put("table.poll.interval.ms", "60000");
        connect.herder().putConnectorConfig("vanishing", config, TargetState.STARTED, false).get();
        awaitValues(cluster, "vanishing-items", 1);
        db.close();
        assertThat(SourceWorkerFixture.awaitFailure(connect, "vanishing")).contains(db.name());
    }

    @Test
    void shouldFailTheTaskNamingATableDroppedWhileRunning(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.MARIADB, dir)) {
            SourceTables.create(db, "items");
            SourceTables.insert(db, "items", "one", Instant.now());
            Map<String, String> config = config(db, "incrementing");
            config.put("name", "dropped");
            config.put("topic.prefix", "dropped-");
            config.put("table.whitelist", "items");
            config.put("table.poll.interval.ms", "60000");
            connect.herder().putConnectorConfig("dropped", config, TargetState.STARTED, false).get();
            awaitValues(cluster, "dropped-items", 1);
            db.execute("DROP TABLE items");
            assertThat(SourceWorkerFixture.awaitFailure(connect, "dropped")).contains("reading table " + db.name() + ".items failed");
        }
    }
}
