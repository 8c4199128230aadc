package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.longs;
import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.recordCount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Delivery guarantees against real concurrency and restarts: transactions committing out of order,
 * groups of equal timestamps cut by a restart, and a restart that resumes exactly where it stopped.
 * SQLite serialises writers, so its transactions cannot commit out of order and it is left out there.
 */
class JdbcSourceDeliveryIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private static String prefix(TestDatabase.Engine engine, String test) {
        return engine.name().toLowerCase(Locale.ROOT) + "-" + test + "-";
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldDeliverALowerIdThatCommitsAfterAHigherOne(TestDatabase.Engine engine, FerryCluster cluster) throws Exception {
        String topic = prefix(engine, "gap") + "items";
        Instant now = Instant.now();
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            Map<String, String> config = itemsWithOneRow(db, engine, "gap", now);
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                awaitValues(cluster, topic, 1);
                try (Connection slow = SourceTables.begin(db)) {
                    SourceTables.execute(slow, SourceTables.insertSql(db, "items", "slow", now)); // takes id 2
                    SourceTables.insert(db, "items", "fast", now); // id 3, committed first
                    assertThat(longs(awaitValues(cluster, topic, 2), "id")).containsExactly(1L, 3L);
                    Thread.sleep(600); // a few more polls see id 3 and no id 2
                    slow.commit();
                }
                assertThat(longs(awaitValues(cluster, topic, 3), "id")).containsExactly(1L, 3L, 2L);
                SourceTables.insert(db, "items", "after", now);
                assertThat(longs(awaitValues(cluster, topic, 4), "id")).containsExactly(1L, 3L, 2L, 4L);
                await().atMost(SourceWorkerFixture.WAIT).until(() -> Map.of("incrementing", 4L).equals(
                        SourceWorkerFixture.offsets(connect, "gap").get(Map.of("protocol", "1", "table", tableName(db, "items")))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldNotSkipALateIdWhenTheWorkerRestartsWhileItsTransactionIsOpen(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String topic = prefix(engine, "gaprestart") + "items";
        Instant now = Instant.now();
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            Map<String, String> config = itemsWithOneRow(db, engine, "gaprestart", now);
            Map<String, String> settings = SourceWorkerFixture.workerSettings(cluster, dir);
            Map<String, Object> partition = Map.of("protocol", "1", "table", tableName(db, "items"));
            try (Connection slow = SourceTables.begin(db)) {
                try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                    awaitValues(cluster, topic, 1);
                    SourceTables.execute(slow, SourceTables.insertSql(db, "items", "slow", now)); // takes id 2
                    SourceTables.insert(db, "items", "fast", now); // id 3
                    assertThat(longs(awaitValues(cluster, topic, 2), "id")).containsExactly(1L, 3L);
                    // the stored offset stays below the gap while id 2 is uncommitted
                    await().atMost(SourceWorkerFixture.WAIT).untilAsserted(() -> assertThat(
                            SourceWorkerFixture.offsets(connect, "gaprestart")).containsEntry(partition, Map.of("incrementing", 1L)));
                }
                slow.commit();
            }
            try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                List<Long> ids = longs(awaitValues(cluster, topic, 4), "id");
                assertThat(ids).as("id 3 comes again, id 2 is not lost").containsExactly(1L, 3L, 2L, 3L);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldDeliverAnEarlierStampedRowThatCommitsAfterALaterOne(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String topic = prefix(engine, "late") + "items";
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            Map<String, String> config = SourceWorkerFixture.connector("late", db, "timestamp", prefix(engine, "late"));
            config.put("table.whitelist", "items");
            config.put("timestamp.column.name", "updated_at");
            config.put("timestamp.delay.interval.ms", "4000");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                SourceWorkerFixture.awaitRunning(connect, "late", 1);
                Instant now = Instant.now();
                try (Connection slow = SourceTables.begin(db)) {
                    SourceTables.execute(slow, SourceTables.insertSql(db, "items", "slow", now.minusMillis(1000)));
                    SourceTables.insert(db, "items", "fast", now.minusMillis(500));
                    SourceTables.insert(db, "items", "old", now.minusSeconds(60));
                    // a poll has run after "fast" committed: it delivered "old", and "slow" is still uncommitted
                    assertThat(awaitValues(cluster, topic, 1)).extracting(v -> v.get("name")).containsExactly("old");
                    slow.commit();
                }
                List<Map<String, Object>> values = awaitValues(cluster, topic, 3);
                assertThat(values).extracting(v -> v.get("name")).containsExactly("old", "slow", "fast");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldLoseNoRowOfAnEqualTimestampGroupWhenTheWorkerRestartsInsideIt(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String topic = prefix(engine, "equal") + "items";
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        int perGroup = 6000;
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            for (int group = 0; group < 3; group++) {
                SourceTables.insertMany(db, "items", "g" + group + "-", perGroup, base.plusSeconds(group));
            }
            Map<String, String> config = SourceWorkerFixture.connector("equal", db, "timestamp", prefix(engine, "equal"));
            config.put("table.whitelist", "items");
            config.put("timestamp.column.name", "updated_at");
            config.put("batch.max.rows", "3");
            Map<String, String> settings = SourceWorkerFixture.workerSettings(cluster, dir);
            try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                await().atMost(SourceWorkerFixture.WAIT).pollInterval(Duration.ofMillis(20))
                        .until(() -> recordCount(cluster, topic) >= perGroup + 200);
            }
            long beforeRestart = recordCount(cluster, topic);
            assertThat(beforeRestart).as("the restart falls inside the data").isLessThan(3L * perGroup);
            try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                await().atMost(SourceWorkerFixture.WAIT).until(() -> names(cluster, topic).size() == 3 * perGroup);
            }
            long total = recordCount(cluster, topic);
            assertThat(total - 3L * perGroup).as("re-read rows: at most the one group the restart cut").isLessThanOrEqualTo(perGroup);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldResumeFromStoredOffsetsWithoutReadingAnyRowTwice(TestDatabase.Engine engine, FerryCluster cluster) throws Exception {
        String topic = prefix(engine, "resume") + "items";
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            SourceTables.insertMany(db, "items", "a", 300, base);
            SourceTables.insertMany(db, "items", "b", 300, base.plusSeconds(1));
            Map<String, String> config = SourceWorkerFixture.connector("resume", db, "timestamp+incrementing", prefix(engine, "resume"));
            config.put("table.whitelist", "items");
            config.put("timestamp.column.name", "updated_at");
            config.put("incrementing.column.name", "id");
            config.put("batch.max.rows", "50");
            Map<String, String> settings = SourceWorkerFixture.workerSettings(cluster, dir);
            Map<String, Object> partition = Map.of("protocol", "1", "table", tableName(db, "items"));
            try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                awaitValues(cluster, topic, 600);
                Instant last = base.plusSeconds(1);
                // MariaDB hands a multi-row INSERT ids in blocks, so the last id is not the row count
                long lastId = ((Number) db.queryValue("SELECT MAX(id) FROM items")).longValue();
                await().atMost(SourceWorkerFixture.WAIT).untilAsserted(() -> assertThat(SourceWorkerFixture.offsets(connect, "resume"))
                        .containsEntry(partition, Map.of("incrementing", lastId, "timestamp", last.toEpochMilli(),
                                "timestamp_nanos", (long) last.getNano())));
            }
            SourceTables.insertMany(db, "items", "c", 100, base.plusSeconds(2));
            try (StandaloneConnect connect = SourceWorkerFixture.start(settings, config)) {
                awaitValues(cluster, topic, 700);
                Thread.sleep(1000); // more polls: nothing more may come
            }
            List<Long> ids = longs(SourceWorkerFixture.values(cluster, topic), "id");
            assertThat(ids).hasSize(700).doesNotHaveDuplicates();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldResumeFromAnOffsetConfluentStoredUnderTheOldProtocolZeroPartition(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String topic = prefix(engine, "legacy") + "items";
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            for (int i = 1; i <= 5; i++) {
                SourceTables.insert(db, "items", "row" + i, Instant.now());
            }
            Map<String, String> config = SourceWorkerFixture.connector("legacy", db, "incrementing", prefix(engine, "legacy"));
            config.put("table.whitelist", "items");
            try (StandaloneConnect connect = StandaloneConnect.start(SourceWorkerFixture.workerSettings(cluster, dir),
                    List.of(new ConnectorRequest("legacy", config, TargetState.STOPPED)), "test")) {
                connect.herder().alterConnectorOffsets("legacy", new ConnectorOffsets(List.of(new ConnectorOffsets.Offset(
                        Map.of("table", "items"), Map.of("incrementing", 3L))))).get();
                connect.herder().resumeConnector("legacy").get();
                assertThat(longs(awaitValues(cluster, topic, 2), "id")).containsExactly(4L, 5L);
                await().atMost(SourceWorkerFixture.WAIT).untilAsserted(() -> assertThat(SourceWorkerFixture.offsets(connect, "legacy"))
                        .containsEntry(Map.of("protocol", "1", "table", tableName(db, "items")), Map.of("incrementing", 5L)));
            }
        }
    }

    /** Table {@code items} holding one committed row (the sequence has started), and an incrementing connector on it. */
    private static Map<String, String> itemsWithOneRow(TestDatabase db, TestDatabase.Engine engine, String name, Instant now)
            throws Exception {
        SourceTables.create(db, "items");
        SourceTables.insert(db, "items", "first", now);
        Map<String, String> config = SourceWorkerFixture.connector(name, db, "incrementing", prefix(engine, name));
        config.put("table.whitelist", "items");
        return config;
    }

    /** The table's name in the source partition, as Confluent writes it for this database. */
    static String tableName(TestDatabase db, String table) {
        return switch (db.engine()) {
            case POSTGRES -> db.name() + ".public." + table;
            case MARIADB -> db.name() + "." + table;
            case SQLITE -> table;
        };
    }

    private static Set<String> names(FerryCluster cluster, String topic) throws Exception {
        return SourceWorkerFixture.values(cluster, topic).stream().map(v -> (String) v.get("name"))
                .collect(Collectors.toCollection(HashSet::new));
    }
}
