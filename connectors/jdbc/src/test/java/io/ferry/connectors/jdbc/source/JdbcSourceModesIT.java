package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.longs;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every mode on every database, in one worker per database: first rows, then rows inserted while it polls. */
class JdbcSourceModesIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldCopyRowsInEveryModeAndPickUpRowsInsertedWhilePolling(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String p = engine.name().toLowerCase(Locale.ROOT) + "-";
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            for (String table : List.of("b_items", "inc_items", "ts_items", "tsi_items", "q_items")) {
                SourceTables.create(db, table);
                for (int i = 1; i <= 5; i++) {
                    SourceTables.insert(db, table, "row" + i, base.plusSeconds(i));
                }
            }
            SourceTables.insert(db, "q_items", "hidden", base.plusSeconds(6));
            Map<String, String> bulk = table(SourceWorkerFixture.connector("bulk", db, "bulk", p + "bulk-"), "b_items");
            bulk.put("transaction.isolation.mode", "SERIALIZABLE"); // the one level all three databases know
            Map<String, String> incrementing = table(SourceWorkerFixture.connector("inc", db, "incrementing", p + "inc-"), "inc_items");
            incrementing.put("incrementing.column.name", "id");
            Map<String, String> timestamp = table(SourceWorkerFixture.connector("ts", db, "timestamp", p + "ts-"), "ts_items");
            timestamp.put("timestamp.column.name", "updated_at");
            Map<String, String> both = table(SourceWorkerFixture.connector("tsi", db, "timestamp+incrementing", p + "tsi-"), "tsi_items");
            both.put("timestamp.column.name", "updated_at");
            both.put("incrementing.column.name", "id");
            Map<String, String> query = SourceWorkerFixture.connector("query", db, "incrementing", p + "query");
            query.put("query", "SELECT id, name FROM q_items WHERE name <> 'hidden'");
            query.put("incrementing.column.name", "id");

            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir),
                    bulk, incrementing, timestamp, both, query)) {
                for (String topic : List.of("inc-inc_items", "ts-ts_items", "tsi-tsi_items")) {
                    assertThat(longs(awaitValues(cluster, p + topic, 5), "id")).containsExactly(1L, 2L, 3L, 4L, 5L);
                }
                assertThat(longs(awaitValues(cluster, p + "query", 5), "id")).containsExactly(1L, 2L, 3L, 4L, 5L);

                for (String table : List.of("b_items", "inc_items", "ts_items", "tsi_items", "q_items")) {
                    for (int i = 7; i <= 9; i++) {
                        SourceTables.insert(db, table, "row" + i, base.plusSeconds(i));
                    }
                }
                for (String topic : List.of("inc-inc_items", "ts-ts_items", "tsi-tsi_items")) {
                    assertThat(longs(awaitValues(cluster, p + topic, 8), "id")).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
                }
                List<Map<String, Object>> fromQuery = awaitValues(cluster, p + "query", 8);
                assertThat(longs(fromQuery, "id")).containsExactly(1L, 2L, 3L, 4L, 5L, 7L, 8L, 9L);
                assertThat(fromQuery.get(0)).containsOnlyKeys("id", "name").containsEntry("name", "row1");
                // bulk reads the whole table at every poll: the latest full read holds the new rows too
                List<Map<String, Object>> fromBulk = awaitValues(cluster, p + "bulk-b_items", 30);
                assertThat(fromBulk.stream().filter(value -> "row9".equals(value.get("name")))).isNotEmpty();
                assertThat(fromBulk.get(0)).containsEntry("name", "row1").containsKeys("id", "amount", "updated_at");
            }
        }
    }

    private static Map<String, String> table(Map<String, String> config, String table) {
        config.put("table.whitelist", table);
        return config;
    }
}
