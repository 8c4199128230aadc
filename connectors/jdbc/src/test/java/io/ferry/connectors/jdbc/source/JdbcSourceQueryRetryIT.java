package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

/**
 * {@code query.retry.attempts} on real databases: a query that fails transiently — the table locked past the
 * session's lock timeout, the connection killed — runs again and the task carries on; when the failures in a
 * row pass the setting, the task fails saying why.
 */
class JdbcSourceQueryRetryIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private final Logger taskLog = (Logger) LoggerFactory.getLogger(JdbcSourceTask.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private StandaloneConnect connect;

    @BeforeEach
    void startWorker(FerryCluster cluster) {
        logged.start();
        taskLog.addAppender(logged);
        connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir));
    }

    @AfterEach
    void stopWorker() {
        connect.close();
        taskLog.detachAppender(logged);
    }

    /** The connector's URL with a short lock timeout, so a query on a locked table fails after it. */
    private static String urlWithLockTimeout(TestDatabase db) {
        return db.url() + (db.engine() == Engine.POSTGRES ? "?options=-c%20lock_timeout=300" : "?sessionVariables=lock_wait_timeout=1");
    }

    /** A connection of the test's that holds a lock on the table which blocks the connector's reads. */
    private static Connection lock(TestDatabase db, String table) throws Exception {
        Connection connection = db.connect();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute(db.engine() == Engine.POSTGRES ? "LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE"
                    : "LOCK TABLES " + table + " WRITE");
        }
        return connection;
    }

    private static void unlock(TestDatabase db, Connection connection) throws Exception {
        try (connection; Statement statement = connection.createStatement()) {
            if (db.engine() == Engine.MARIADB) {
                statement.execute("UNLOCK TABLES");
            }
            connection.commit();
        }
    }

    private long retriesLogged() {
        return logged.list.stream().filter(event -> event.getFormattedMessage().contains("; retry ")).count();
    }

    private Map<String, String> config(TestDatabase db, String name, String attempts) {
        Map<String, String> config = SourceWorkerFixture.connector(name, db, "incrementing", name + "-");
        config.put("connection.url", urlWithLockTimeout(db));
        config.put("table.whitelist", "items");
        config.put("query.retry.attempts", attempts);
        return config;
    }

    /** Creates {@code items} with one row and a connector copying it; returns its name once the row is delivered. */
    private String startOnItems(TestDatabase db, String prefix, String attempts, FerryCluster cluster) throws Exception {
        SourceTables.create(db, "items");
        SourceTables.insert(db, "items", "before", Instant.now());
        String name = prefix + db.engine().name().toLowerCase(Locale.ROOT);
        connect.herder().putConnectorConfig(name, config(db, name, attempts), TargetState.STARTED, false).get();
        awaitValues(cluster, name + "-items", 1);
        return name;
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldRetryAQueryThatFailedWhileTheTableWasLockedAndCarryOn(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String name = startOnItems(db, "locked-", "100", cluster);

            Connection lock = lock(db, "items");
            await().atMost(SourceWorkerFixture.WAIT).until(() -> retriesLogged() >= 2);
            try (Statement statement = lock.createStatement()) {
                statement.execute(SourceTables.insertSql(db, "items", "while-locked", Instant.now()));
            }
            unlock(db, lock);

            assertThat(awaitValues(cluster, name + "-items", 2)).extracting(value -> value.get("name"))
                    .containsExactly("before", "while-locked");
            assertThat(connect.herder().connectorStatus(name).tasks()).singleElement()
                    .satisfies(task -> assertThat(task.state().state()).isEqualTo(State.RUNNING));
        }
    }

    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldFailTheTaskNamingTheErrorWhenTheRetriesRunOut(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String name = startOnItems(db, "exhausted-", "2", cluster);

            Connection lock = lock(db, "items");
            try {
                String trace = SourceWorkerFixture.awaitFailure(connect, name);
                assertThat(trace).contains("reading table " + db.name()).contains("items failed")
                        .contains("failed 3 times in a row; query.retry.attempts is 2")
                        .containsIgnoringCase(engine == Engine.POSTGRES ? "lock timeout" : "lock wait timeout");
                assertThat(retriesLogged()).isEqualTo(2);
            } finally {
                unlock(db, lock);
            }
        }
    }

    @Test
    void shouldReconnectAndReadOnWhenTheDatabaseKillsTheConnectionDuringAQuery(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRES, dir)) {
            SourceTables.create(db, "items");
            int rows = 3000;
            SourceTables.insertMany(db, "items", "row", rows, Instant.now());
            Map<String, String> config = config(db, "killed", "-1");
            // No lock timeout: the connector's query waits on the test's lock until the test kills its session.
            config.put("connection.url", db.url());
            config.put("batch.max.rows", "1");
            config.put("connection.attempts", "5");
            connect.herder().putConnectorConfig("killed", config, TargetState.STARTED, false).get();
            awaitValues(cluster, "killed-items", 10);

            // The table locked, the connector's next query waits for it: it is surely running when its session dies.
            Connection lock = lock(db, "items");
            try {
                String waiting = "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                        + "AND wait_event_type = 'Lock'";
                await().atMost(SourceWorkerFixture.WAIT).until(() -> !db.query("SELECT pid " + waiting).isEmpty());
                db.query("SELECT pg_terminate_backend(pid) " + waiting);
                await().atMost(SourceWorkerFixture.WAIT).until(() -> retriesLogged() >= 1);
            } finally {
                unlock(db, lock);
            }

            List<Long> ids = SourceWorkerFixture.longs(awaitValues(cluster, "killed-items", rows), "id");
            assertThat(ids).containsAll(LongStream.rangeClosed(1, rows).boxed().toList());
            assertThat(logged.list).anySatisfy(event -> assertThat(event.getFormattedMessage())
                    .containsPattern("SQL state (08|57P01)"));
            assertThat(connect.herder().connectorStatus("killed").tasks()).singleElement()
                    .satisfies(task -> assertThat(task.state().state()).isEqualTo(State.RUNNING));
        }
    }
}
