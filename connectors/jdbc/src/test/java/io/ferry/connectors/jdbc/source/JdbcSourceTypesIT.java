package io.ferry.connectors.jdbc.source;

import static io.ferry.connectors.jdbc.source.SourceWorkerFixture.awaitValues;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Values that Confluent's connector mangles or drops: microseconds, UUID, JSON, arrays, intervals, money, network
 * and range types, domains, nested arrays, geometric and composite types and arrays of enums and composites.
 * And a table too big for memory.
 */
class JdbcSourceTypesIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldKeepMicrosecondsInValuesAndOffsets(TestDatabase.Engine engine, FerryCluster cluster) throws Exception {
        String prefix = engine.name().toLowerCase(java.util.Locale.ROOT) + "-micros-";
        Instant first = Instant.parse("2024-05-01T10:00:00.000001Z");
        Instant second = Instant.parse("2024-05-01T10:00:00.000002Z");
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            SourceTables.insert(db, "items", "first", first);
            SourceTables.insert(db, "items", "second", second);
            Map<String, String> config = SourceWorkerFixture.connector("micros", db, "timestamp", prefix);
            config.put("timestamp.column.name", "updated_at");
            config.put("timestamp.granularity", "nanos_long");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                List<Map<String, Object>> values = awaitValues(cluster, prefix + "items", 2);
                assertThat(values).extracting(v -> ((Number) v.get("updated_at")).longValue())
                        .containsExactly(nanos(first), nanos(second));
                Map<String, Object> partition = Map.of("protocol", "1", "table", JdbcSourceDeliveryIT.tableName(db, "items"));
                org.awaitility.Awaitility.await().atMost(SourceWorkerFixture.WAIT).until(() -> Map.of("timestamp",
                        second.toEpochMilli(), "timestamp_nanos", 2000L).equals(SourceWorkerFixture.offsets(connect, "micros").get(partition)));
                // a row one microsecond after the stored offset is found, the stored one is not read again
                SourceTables.insert(db, "items", "third", second.plusNanos(1000));
                assertThat(awaitValues(cluster, prefix + "items", 3)).extracting(v -> v.get("name"))
                        .containsExactly("first", "second", "third");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldReadAndBoundZonelessTimestampsInTheDatabaseTimeZone(TestDatabase.Engine engine, FerryCluster cluster)
            throws Exception {
        String prefix = engine.name().toLowerCase(java.util.Locale.ROOT) + "-zone-";
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        Instant stamped = Instant.now().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        String local = java.time.LocalDateTime.ofInstant(stamped, paris)
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"));
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "items");
            db.execute("INSERT INTO items (name, amount, updated_at) VALUES ('paris', 1, '" + local + "')");
            Map<String, String> config = SourceWorkerFixture.connector("zone", db, "timestamp", prefix);
            config.put("timestamp.column.name", "updated_at");
            config.put("timestamp.granularity", "nanos_long");
            config.put("db.timezone", "Europe/Paris");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                // Bound in UTC instead, a Paris wall-clock time would lie in the future and never be read.
                assertThat(awaitValues(cluster, prefix + "items", 1)).extracting(v -> ((Number) v.get("updated_at")).longValue())
                        .containsExactly(nanos(stamped));
            }
        }
    }

    /**
     * Days and date-times before 1582-10-15 (and PostgreSQL's BC ones) become the Connect values whose epoch days and
     * instants are java.time's proleptic ones, a zoneless timestamp taken in db.timezone New York with the local
     * mean time java.time gives it before 1883 (-04:56:02), a PostgreSQL timestamptz as the instant it holds.
     */
    @ParameterizedTest
    @EnumSource(TestDatabase.Engine.class)
    void shouldReadDatesAndTimestampsBeforeTheGregorianCalendarAsTheirProlepticEpochValues(TestDatabase.Engine engine,
            FerryCluster cluster) throws Exception {
        String prefix = engine.name().toLowerCase(java.util.Locale.ROOT) + "-ancient-";
        java.time.ZoneId newYork = java.time.ZoneId.of("America/New_York");
        boolean postgres = engine == TestDatabase.Engine.POSTGRES;
        List<String> texts = new java.util.ArrayList<>(List.of("0001-01-01 00:00:00", "1000-06-15 12:34:56.789012",
                "1582-10-04 23:59:59.999999", "1582-10-15 00:00:00"));
        if (postgres) {
            texts.add("0044-03-15 12:00:00 BC");
        }
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE ancient (id INT PRIMARY KEY, d DATE, ts " + (postgres ? "TIMESTAMP(6)" : "DATETIME(6)")
                    + (postgres ? ", tz TIMESTAMPTZ" : "") + ")");
            for (int i = 0; i < texts.size(); i++) {
                String text = texts.get(i);
                String day = text.endsWith(" BC") ? text.substring(0, 10) + " BC" : text.substring(0, 10);
                db.execute("INSERT INTO ancient VALUES (" + i + ", '" + day + "', '" + text + "'"
                        + (postgres ? ", '" + (text.endsWith(" BC") ? text.replace(" BC", "+00 BC") : text + "+00") + "'" : "") + ")");
            }
            Map<String, String> config = SourceWorkerFixture.connector("ancient", db, "bulk", prefix);
            config.put("table.whitelist", "ancient");
            // nanos_long holds 1677 to 2262 only; the ISO text keeps the microseconds of any year
            config.put("timestamp.granularity", "nanos_iso_datetime_string");
            config.put("db.timezone", newYork.getId());
            config.put("poll.interval.ms", "60000");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                List<Map<String, Object>> values = awaitValues(cluster, prefix + "ancient", texts.size()).stream()
                        .sorted(java.util.Comparator.comparingLong(v -> ((Number) v.get("id")).longValue())).toList();
                for (int i = 0; i < texts.size(); i++) {
                    java.time.LocalDateTime local = prolepticLocal(texts.get(i));
                    Map<String, Object> value = values.get(i);
                    assertThat(((Number) value.get("d")).longValue()).as(texts.get(i)).isEqualTo(local.toLocalDate().toEpochDay());
                    assertThat(value.get("ts")).as(texts.get(i)).isEqualTo(local.atZone(newYork).toInstant().toString());
                    if (postgres) {
                        assertThat(value.get("tz")).as(texts.get(i)).isEqualTo(local.toInstant(java.time.ZoneOffset.UTC).toString());
                    }
                }
            }
        }
    }

    /** PostgreSQL's {@code yyyy-MM-dd HH:mm:ss[.f] [BC]} as java.time's proleptic local date-time (year 1 BC is 0). */
    private static java.time.LocalDateTime prolepticLocal(String text) {
        java.time.LocalDateTime local = java.time.LocalDateTime.parse(text.replace(" BC", "").replace(' ', 'T'));
        return text.endsWith(" BC") ? local.withYear(1 - local.getYear()) : local;
    }

    @Test
    void shouldCopyPostgresUuidJsonAndArrays(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            db.execute("CREATE TABLE docs (id SERIAL PRIMARY KEY, ref UUID NOT NULL, body JSONB, meta JSON, tags TEXT[], "
                    + "scores INT[], at TIMESTAMPTZ(6))",
                    "INSERT INTO docs (ref, body, meta, tags, scores, at) VALUES ('0b6c1f3e-4f7b-4c47-9a3f-2c1d3e4f5a6b', "
                            + "'{\"a\": 1}', '{\"b\": [true]}', ARRAY['x', 'y'], ARRAY[1, 2, 3], '2024-05-01 10:00:00.000123+02')");
            Map<String, String> config = SourceWorkerFixture.connector("types", db, "incrementing", "pgtypes-");
            config.put("timestamp.granularity", "nanos_iso_datetime_string");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                Map<String, Object> value = awaitValues(cluster, "pgtypes-docs", 1).get(0);
                assertThat(value).containsEntry("ref", "0b6c1f3e-4f7b-4c47-9a3f-2c1d3e4f5a6b")
                        .containsEntry("tags", List.of("x", "y"))
                        .containsEntry("scores", List.of(1, 2, 3))
                        .containsEntry("at", "2024-05-01T08:00:00.000123Z");
                assertThat(value.get("body").toString().replace(" ", "")).isEqualTo("{\"a\":1}");
                assertThat(value.get("meta").toString().replace(" ", "")).isEqualTo("{\"b\":[true]}");
            }
        }
    }

    @Test
    void shouldCopyPostgresIntervalMoneyNetworkRangeDomainAndNestedArraysInTableAndQueryModes(FerryCluster cluster)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            db.execute("CREATE DOMAIN positive AS integer CHECK (VALUE > 0)",
                    "CREATE TABLE kinds (id SERIAL PRIMARY KEY, span INTERVAL, price MONEY, opens TIMETZ, flags BIT(3), "
                            + "host INET, slots INT4RANGE, n POSITIVE, grid INT[][])",
                    "INSERT INTO kinds (span, price, opens, flags, host, slots, n, grid) VALUES ('1 mon 2 days 00:00:03.5', "
                            + "'-12.34', '08:30:00+02', B'101', '10.1.2.3/16', '[1,10)', 7, '{{1,2},{3,4}}')");
            Map<String, String> table = SourceWorkerFixture.connector("kinds-table", db, "incrementing", "pgkinds-");
            Map<String, String> query = SourceWorkerFixture.connector("kinds-query", db, "bulk", "pgkinds-query");
            query.put("query", "SELECT * FROM kinds");
            for (Map<String, String> config : List.of(table, query)) {
                config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
                config.put("value.converter.schemas.enable", "false");
                config.put("value.converter.decimal.format", "NUMERIC");
            }
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), table, query)) {
                for (String topic : List.of("pgkinds-kinds", "pgkinds-query")) {
                    Map<String, Object> value = awaitValues(cluster, topic, 1).get(0);
                    assertThat(value).as(topic).containsEntry("span", "P1M2DT3.5S")
                            .containsEntry("opens", "08:30:00+02:00")
                            .containsEntry("flags", "101")
                            .containsEntry("host", "10.1.2.3/16")
                            .containsEntry("slots", "[1,10)")
                            .containsEntry("n", 7)
                            .containsEntry("grid", List.of(List.of(1, 2), List.of(3, 4)));
                    assertThat(new java.math.BigDecimal(value.get("price").toString())).as(topic)
                            .isEqualByComparingTo("-12.34");
                }
            }
        }
    }

    /**
     * Table → source → topic → sink → a table of the same column types: geometric, composite, enum, domain
     * and array columns whose values come back identical, as the server renders the whole row as text.
     */
    @Test
    void shouldCopyPostgresGeometricCompositeAndArrayColumnsIntoATableOfTheSameTypesUnchanged(FerryCluster cluster)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Engine.POSTGRES, dir)) {
            String columns = " (id INT PRIMARY KEY, spot POINT, area BOX, shape POLYGON, way PATH, ring CIRCLE, edge LSEG, "
                    + "pair PAIR, place PLACE, moods MOOD[], prices MONEY[], opens TIMETZ[], flags BIT[], masks BIT(3)[], "
                    + "boxes BOX[], pairs PAIR[], spans INTERVAL[], hosts INET[], counts POSITIVE[], marks XML[])";
            db.execute("CREATE TYPE mood AS ENUM ('happy', 'a,\"b\"', 'NULL')",
                    "CREATE TYPE pair AS (x INT, label TEXT)",
                    "CREATE DOMAIN positive AS INT CHECK (VALUE > 0)",
                    "CREATE DOMAIN place AS POINT",
                    "CREATE TABLE shapes" + columns,
                    "CREATE TABLE shapes_copy" + columns,
                    "INSERT INTO shapes VALUES (1, '(1.5,-2e-300)', '((1,2),(3,4))', '((0,0),(1,1),(2,0))', '[(0,0),(1,1)]', "
                            + "'<(1,1),5>', '[(0,0),(0.1,0.2)]', ROW(1, 'a \"b\" \\ (c), ünï'), '(7,8)', "
                            + "ARRAY['a,\"b\"', NULL, 'NULL', 'happy']::mood[], '{1.5,-92233720368547758.08,NULL}', "
                            + "'{12:34:56.5+05:30,00:00:00+00,NULL}', '{1,0,NULL}', '{101,NULL}', '{(3,4),(1,2);NULL}', "
                            + "ARRAY[ROW(2, ''), NULL, ROW(NULL, NULL)]::pair[], '{\"1 mon -2 days 00:00:00.5\"}', "
                            + "'{::1,10.0.0.0/8}', '{1,NULL}', ARRAY['<a b=\"{1}\">\\</a>']::xml[])",
                    "INSERT INTO shapes (id) VALUES (2)");
            Map<String, String> source = SourceWorkerFixture.connector("shapes-in", db, "incrementing", "pgshapes-");
            source.put("table.whitelist", "shapes");
            source.put("incrementing.column.name", "id");
            Map<String, String> sink = new java.util.HashMap<>(db.connectionSettings());
            sink.put("name", "shapes-out");
            sink.put("connector.class", "io.ferry.connectors.jdbc.sink.JdbcSinkConnector");
            sink.put("topics", "pgshapes-shapes");
            sink.put("table.name.format", "shapes_copy");
            sink.put("pk.mode", "record_value");
            sink.put("pk.fields", "id");
            for (Map<String, String> config : List.of(source, sink)) {
                config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
                config.put("value.converter.schemas.enable", "true");
            }
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), source, sink)) {
                org.awaitility.Awaitility.await().atMost(SourceWorkerFixture.WAIT)
                        .until(() -> ((Number) db.queryValue("SELECT count(*) FROM shapes_copy")).longValue() == 2);
                List<List<Object>> copied = db.query("SELECT c::text FROM shapes_copy c ORDER BY id");
                assertThat(copied).isEqualTo(db.query("SELECT s::text FROM shapes s ORDER BY id"));
                assertThat(copied.get(0).get(0).toString()).contains("(1.5,-2e-300)").contains("ünï");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = TestDatabase.Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldStreamATableOfAHundredThousandRows(TestDatabase.Engine engine, FerryCluster cluster) throws Exception {
        String prefix = engine.name().toLowerCase(java.util.Locale.ROOT) + "-large-";
        int rows = 100_000;
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            SourceTables.create(db, "big");
            SourceTables.insertMany(db, "big", "r", rows, Instant.now().minusSeconds(3600));
            Map<String, String> config = SourceWorkerFixture.connector("large", db, "incrementing", prefix);
            config.put("batch.max.rows", "500");
            try (StandaloneConnect connect = SourceWorkerFixture.start(SourceWorkerFixture.workerSettings(cluster, dir), config)) {
                if (engine == TestDatabase.Engine.POSTGRES) {
                    // Between two polls the query is still open: the connector's session waits inside its
                    // transaction with the SELECT as its last statement, while the topic holds part of the table.
                    org.awaitility.Awaitility.await().atMost(SourceWorkerFixture.WAIT).pollInterval(java.time.Duration.ofMillis(20))
                            .until(() -> streamingNow(db) && SourceWorkerFixture.recordCount(cluster, prefix + "big") < rows);
                }
                org.awaitility.Awaitility.await().atMost(SourceWorkerFixture.WAIT)
                        .until(() -> SourceWorkerFixture.recordCount(cluster, prefix + "big") >= rows);
                org.awaitility.Awaitility.await().atMost(SourceWorkerFixture.WAIT).until(() -> Map.of("incrementing", (long) rows)
                        .equals(SourceWorkerFixture.offsets(connect, "large")
                                .get(Map.of("protocol", "1", "table", JdbcSourceDeliveryIT.tableName(db, "big")))));
            }
            assertThat(SourceWorkerFixture.recordCount(cluster, prefix + "big")).isEqualTo(rows);
        }
    }

    /** Whether a PostgreSQL session of the connector sits in an open transaction after a SELECT on the table. */
    private static boolean streamingNow(TestDatabase db) throws Exception {
        return ((Number) db.queryValue("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                + "AND state = 'idle in transaction' AND query LIKE 'SELECT * FROM %big%'")).longValue() > 0;
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
