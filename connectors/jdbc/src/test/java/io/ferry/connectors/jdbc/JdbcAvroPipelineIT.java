package io.ferry.connectors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline the JDBC connectors exist for, with nothing but connector files: a PostgreSQL table →
 * Ferry's JDBC source → AvroConverter through Ferry's registry → a topic → AvroConverter → Ferry's JDBC
 * sink → a MariaDB table the sink creates. Midway the PostgreSQL table gains a nullable column;
 * the registry accepts the new schema (an optional field, default null) as a compatible version and the
 * sink adds the column. At the end the two tables hold identical rows.
 */
class JdbcAvroPipelineIT {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FIRST_ROWS = 2_000;
    private static final String SELECT = "SELECT id, name, balance, born, updated_at, active, tier FROM customers ORDER BY id";

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldCopyAPostgresTableIntoMariaDbThroughTheRegistryAcrossACompatibleSchemaChange(FerryCluster cluster) throws Exception {
        try (TestDatabase postgres = TestDatabase.create(Engine.POSTGRES, dir);
             TestDatabase mariadb = TestDatabase.create(Engine.MARIADB, dir);
             RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            postgres.execute("CREATE TABLE customers (id BIGSERIAL PRIMARY KEY, name TEXT NOT NULL, balance NUMERIC(12,2),"
                    + " born DATE, updated_at TIMESTAMP(3) NOT NULL DEFAULT clock_timestamp(), active BOOLEAN NOT NULL)");
            insertCustomers(postgres, 0, FIRST_ROWS);
            String topic = "pg-customers";
            cluster.createTopic(topic, 1);

            try (StandaloneConnect connect = StandaloneConnect.start(worker(cluster, registry), List.of(
                    new ConnectorRequest("pg-in", source(postgres), TargetState.STARTED),
                    new ConnectorRequest("maria-out", sink(mariadb, topic), TargetState.STARTED)), "test")) {
                await().atMost(WAIT).until(() -> rowCount(mariadb) >= FIRST_ROWS);

                // A compatible change: a new nullable column (an optional field whose default is null),
                // then updates that set it, rows without it and rows with it.
                postgres.execute("ALTER TABLE customers ADD COLUMN tier TEXT");
                postgres.execute("UPDATE customers SET tier = 'gold', balance = balance + 1, updated_at = clock_timestamp() WHERE id % 10 = 0");
                insertCustomers(postgres, FIRST_ROWS, 500);
                postgres.execute("INSERT INTO customers (name, balance, born, active, tier) VALUES ('late', 1.5, DATE '2000-02-29', true, 'silver')");
                List<List<Object>> expected = normalised(postgres.query(SELECT));
                await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> assertThat(normalised(mariadb.query(SELECT))).isEqualTo(expected));
            }

            JsonNode versions = get(registry.url() + "/subjects/" + topic + "-value/versions");
            assertThat(versions).hasSize(2);
            JsonNode latest = JSON.readTree(get(registry.url() + "/subjects/" + topic + "-value/versions/2").path("schema").asText());
            assertThat(latest.path("fields").findValuesAsText("name")).contains("tier");
            assertThat(mariadb.queryValue("SELECT COUNT(*) FROM customers WHERE tier = 'gold'")).isEqualTo(
                    ((Number) postgres.queryValue("SELECT COUNT(*) FROM customers WHERE tier = 'gold'")).longValue());
        }
    }

    private static void insertCustomers(TestDatabase db, int from, int count) throws Exception {
        List<String> values = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            values.add("('customer " + i + "', " + (i * 7 % 100_000) + "." + (i % 100) + ", DATE '1970-01-01' + " + (i % 20_000)
                    + ", " + (i % 2 == 0) + ")");
        }
        db.execute("INSERT INTO customers (name, balance, born, active) VALUES " + String.join(", ", values));
    }

    private Map<String, String> worker(FerryCluster cluster, RegistryServer registry) {
        Map<String, String> worker = new HashMap<>();
        worker.put("bootstrap.servers", cluster.bootstrapServers());
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "io.ferry.serde.connect.AvroConverter");
        worker.put("value.converter.schema.registry.url", registry.url());
        worker.put("offset.storage.file.filename", dir.resolve("offsets").toString());
        worker.put("offset.flush.interval.ms", "500");
        worker.put("listeners", "http://127.0.0.1:0");
        return worker;
    }

    private Map<String, String> source(TestDatabase postgres) {
        Map<String, String> source = new HashMap<>(postgres.connectionSettings());
        source.put("connector.class", "io.ferry.connectors.jdbc.source.JdbcSourceConnector");
        source.put("mode", "timestamp+incrementing");
        source.put("incrementing.column.name", "id");
        source.put("timestamp.column.name", "updated_at");
        source.put("table.whitelist", "customers");
        source.put("topic.prefix", "pg-");
        source.put("poll.interval.ms", "200");
        // The default delay (10 s) guards against a row stamped earlier committing after a later one; this
        // test writes from one session, one committed statement after another, so no row can, and waiting
        // out the delay twice only made the test 20 s slower. JdbcSourceDeliveryIT tests the delay itself.
        source.put("timestamp.delay.interval.ms", "0");
        return source;
    }

    private static Map<String, String> sink(TestDatabase mariadb, String topic) {
        Map<String, String> sink = new HashMap<>(mariadb.connectionSettings());
        sink.put("connector.class", "io.ferry.connectors.jdbc.sink.JdbcSinkConnector");
        sink.put("topics", topic);
        sink.put("table.name.format", "customers");
        sink.put("insert.mode", "upsert");
        sink.put("pk.mode", "record_value");
        sink.put("pk.fields", "id");
        sink.put("auto.create", "true");
        sink.put("auto.evolve", "true");
        return sink;
    }

    private static long rowCount(TestDatabase db) {
        try {
            return ((Number) db.queryValue("SELECT COUNT(*) FROM customers")).longValue();
        } catch (Exception tableNotThereYet) {
            return 0;
        }
    }

    /** Values as comparable across drivers: numbers as plain decimals, dates and times as text. */
    private static List<List<Object>> normalised(List<List<Object>> rows) {
        List<List<Object>> result = new ArrayList<>();
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>();
            for (Object value : row) {
                if (value instanceof BigDecimal decimal) {
                    values.add(decimal.stripTrailingZeros().toPlainString());
                } else if (value instanceof Number number) {
                    values.add(new BigDecimal(number.toString()).stripTrailingZeros().toPlainString());
                } else if (value instanceof Boolean bool) {
                    values.add(bool ? "1" : "0");
                } else {
                    values.add(value == null ? null : value.toString());
                }
            }
            result.add(values);
        }
        return result;
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
