package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.ferry.connect.model.State;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A table altered while the connector reads it: after many polls (so PostgreSQL's driver has prepared
 * the query on the server) a column is added, and the next rows arrive with it, the task still running.
 */
class JdbcSourceSchemaChangeIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldCarryAColumnAddedWhileTheConnectorPolls(TestDatabase.Engine engine, FerryCluster cluster) throws Exception {
        String topic = engine.name().toLowerCase(Locale.ROOT) + "-alter-items";
        Instant base = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            SourceTables.insert(db, "items", "before", base);
            Map<String, String> config = SourceWorkerFixture.connector("alter", db, "timestamp+incrementing",
                    engine.name().toLowerCase(Locale.ROOT) + "-alter-");
            config.put("table.whitelist", "items");
            config.put("incrementing.column.name", "id");
            config.put("timestamp.column.name", "updated_at");
            config.put("poll.interval.ms", "50");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                awaitValues(cluster, topic, 1);
                Thread.sleep(1_000); // twenty polls and more: well past the driver's threshold for a server-side plan
                db.execute("ALTER TABLE items ADD COLUMN note VARCHAR(20)");
                SourceTables.insert(db, "items", "after", base.plusSeconds(1));

                List<Map<String, Object>> values = awaitValues(cluster, topic, 2);
                assertThat(values.get(0)).containsEntry("name", "before").doesNotContainKey("note");
                assertThat(values.get(1)).containsEntry("name", "after").containsKey("note");
                assertThat(connect.herder().connectorStatus("alter").tasks())
                        .allSatisfy(task -> assertThat(task.state().state()).isEqualTo(State.RUNNING));
            }
        }
    }
}
