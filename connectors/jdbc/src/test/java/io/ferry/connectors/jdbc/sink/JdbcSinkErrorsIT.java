package io.ferry.connectors.jdbc.sink;

import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.WAIT;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.awaitCount;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.header;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.produce;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.produceJson;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.sink;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.start;
import static io.ferry.connectors.jdbc.sink.JdbcSinkWritesIT.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.sink.JdbcSinkFixture.Message;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad rows, the dead-letter queue, failing tasks and schemaless values on each database. */
class JdbcSinkErrorsIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private static void createOrders(TestDatabase db) throws Exception {
        db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(20) NOT NULL, qty INT NOT NULL CHECK (qty >= 0))");
    }

    /** Ten orders with ids 0–9; id 3 breaks the CHECK and id 7 the NOT NULL. */
    private static List<Message> ordersWithTwoBad() {
        List<Message> messages = new ArrayList<>();
        for (long id = 0; id < 10; id++) {
            messages.add(order(id, id == 7 ? null : "n" + id, id == 3 ? -1 : (int) id));
        }
        return messages;
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldSendRowsTheDatabaseRefusesToTheDeadLetterQueueAndWriteTheOthers(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            createOrders(db);
            String topic = cluster.uniqueTopicName("orders");
            String dlq = cluster.uniqueTopicName("orders-dlq");
            cluster.createTopic(topic, 1);
            produce(cluster, topic, ordersWithTwoBad());
            Map<String, String> config = sink(topic, db, "table.name.format", "orders", "pk.mode", "record_key", "pk.fields", "id");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 2, WAIT);
                assertThat(dead).extracting(record -> header(record, "__connect.errors.offset")).containsExactlyInAnyOrder("3", "7");
                assertThat(dead).allSatisfy(record -> {
                    assertThat(header(record, "__connect.errors.topic")).isEqualTo(topic);
                    assertThat(header(record, "__connect.errors.exception.message")).contains("Table orders refused the record");
                });
                awaitCount(db, "orders", 8);
                assertThat(db.query("SELECT id FROM orders ORDER BY id")).extracting(row -> ((Number) row.get(0)).longValue())
                        .containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 8L, 9L);
                assertThat(JdbcSinkFixture.taskState(connect)).isEqualTo("RUNNING");
            }
        }
    }

    @Test
    void shouldWriteValuesIntoPostgresTypedColumnsAndDeadLetterAValueTheColumnTypeRefuses(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRES, dir)) {
            db.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')",
                    "CREATE TABLE hosts (id BIGINT PRIMARY KEY, addr INET, span INTERVAL, up BIT(1), price MONEY, "
                    + "aliases INET[], grid INT[][], spot POINT, moods MOOD[], flags BIT[])");
            Schema value = SchemaBuilder.struct().name("host").field("id", Schema.INT64_SCHEMA)
                    .field("addr", Schema.OPTIONAL_STRING_SCHEMA).field("span", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("up", Schema.OPTIONAL_BOOLEAN_SCHEMA).field("price", Decimal.builder(2).optional().build())
                    .field("aliases", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
                    .field("grid", SchemaBuilder.array(SchemaBuilder.array(Schema.OPTIONAL_INT32_SCHEMA).optional().build())
                            .optional().build())
                    .field("spot", Schema.OPTIONAL_STRING_SCHEMA)
                    .field("moods", SchemaBuilder.array(Schema.OPTIONAL_STRING_SCHEMA).optional().build())
                    .field("flags", SchemaBuilder.array(Schema.OPTIONAL_BOOLEAN_SCHEMA).optional().build())
                    .build();
            List<Message> messages = new ArrayList<>();
            for (long id = 0; id < 4; id++) {
                messages.add(Message.of(Schema.INT64_SCHEMA, id, value, new Struct(value).put("id", id)
                        .put("addr", id == 1 ? "not-an-ip" : "10.0.0." + id).put("span", "P1DT2H")
                        .put("up", id == 0).put("price", new BigDecimal("-1.50"))
                        .put("aliases", List.of("::1", "10.9.9.9/8")).put("grid", List.of(List.of(1, 2), List.of(3, 4)))
                        .put("spot", id == 3 ? "(1,2" : "(1.5,-2)").put("moods", Arrays.asList("sad", null))
                        .put("flags", Arrays.asList(true, null, false))));
            }
            String topic = cluster.uniqueTopicName("hosts");
            String dlq = cluster.uniqueTopicName("hosts-dlq");
            cluster.createTopic(topic, 1);
            produce(cluster, topic, messages);
            Map<String, String> config = sink(topic, db, "table.name.format", "hosts", "pk.mode", "record_key", "pk.fields", "id");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 2, WAIT);
                assertThat(dead).extracting(record -> header(record, "__connect.errors.offset")).containsExactly("1", "3");
                assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("Table hosts refused the record")
                        .contains("inet");
                assertThat(header(dead.get(1), "__connect.errors.exception.message")).contains("Table hosts refused the record")
                        .contains("point").contains("(1,2");
                awaitCount(db, "hosts", 2);
                assertThat(db.query("SELECT id, addr::text, span::text, up::text, price::numeric::text, aliases::text, grid::text, "
                        + "spot::text, moods::text, flags::text FROM hosts ORDER BY id")).containsExactly(
                        List.of(0L, "10.0.0.0/32", "1 day 02:00:00", "1", "-1.50", "{::1,10.9.9.9/8}", "{{1,2},{3,4}}",
                                "(1.5,-2)", "{sad,NULL}", "{1,NULL,0}"),
                        List.of(2L, "10.0.0.2/32", "1 day 02:00:00", "0", "-1.50", "{::1,10.9.9.9/8}", "{{1,2},{3,4}}",
                                "(1.5,-2)", "{sad,NULL}", "{1,NULL,0}"));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldFailTheTaskNamingTableAndErrorWhenBadRowsAreNotTolerated(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            createOrders(db);
            String topic = cluster.uniqueTopicName("orders");
            cluster.createTopic(topic, 1);
            produce(cluster, topic, ordersWithTwoBad());
            try (StandaloneConnect connect = start(cluster, dir,
                    sink(topic, db, "table.name.format", "orders", "pk.mode", "record_key", "pk.fields", "id"))) {
                await().atMost(WAIT).until(() -> JdbcSinkFixture.taskState(connect).equals("FAILED"));
                assertThat(JdbcSinkFixture.taskTrace(connect)).contains("Record " + topic + "-0@3").contains("Table orders refused the record");
                // The batch was rolled back: nothing the worker did not commit is in the table.
                assertThat(JdbcSinkFixture.count(db, "orders")).isZero();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldWriteSchemalessMapsIntoTheExistingTableAndDeadLetterFieldsWithoutColumn(Engine engine, FerryCluster cluster)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, Name VARCHAR(20), qty INT, price DECIMAL(10,2))");
            String topic = cluster.uniqueTopicName("orders");
            String dlq = cluster.uniqueTopicName("orders-dlq");
            cluster.createTopic(topic, 1);
            produceJson(cluster, topic, List.of(
                    new String[] {"1", "{\"id\": 1, \"name\": \"a\", \"qty\": 2, \"price\": 9.5}"},
                    new String[] {"2", "{\"id\": 2, \"name\": null, \"qty\": \"3\"}"},
                    new String[] {"3", "{\"id\": 3, \"colour\": \"red\"}"},
                    new String[] {"1", "{\"id\": 1, \"name\": \"a2\", \"qty\": 4, \"price\": 1.25}"}));
            Map<String, String> config = sink(topic, db, "table.name.format", "orders", "insert.mode", "upsert",
                    "pk.mode", "record_value", "pk.fields", "id", "value.converter.schemas.enable", "false",
                    "key.converter.schemas.enable", "false");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 1, WAIT);
                assertThat(dead).singleElement().satisfies(record -> {
                    assertThat(header(record, "__connect.errors.offset")).isEqualTo("2");
                    assertThat(header(record, "__connect.errors.exception.message")).contains("colour");
                });
                awaitCount(db, "orders", 2);
                assertThat(db.query("SELECT id, name, qty, price FROM orders ORDER BY id"))
                        .extracting(row -> row.get(0) + ":" + row.get(1) + ":" + row.get(2) + ":"
                                + (row.get(3) == null ? null : new java.math.BigDecimal(row.get(3).toString()).stripTrailingZeros().toPlainString()))
                        .containsExactly("1:a2:4:1.25", "2:null:3:null");
            }
        }
    }
    /**
     * Writes JSON-without-schema records into an existing table with upserts, dead-letter queue on; returns
     * the dead letters once {@code dead} arrived and the table holds {@code rows} rows.
     */
    private List<ConsumerRecord<String, String>> writeSchemaless(FerryCluster cluster, TestDatabase db, String table,
            List<String[]> records, int dead, int rows) throws Exception {
        String topic = cluster.uniqueTopicName(table);
        String dlq = cluster.uniqueTopicName(table + "-dlq");
        cluster.createTopic(topic, 1);
        produceJson(cluster, topic, records);
        Map<String, String> config = sink(topic, db, "table.name.format", table, "insert.mode", "upsert",
                "pk.mode", "record_value", "pk.fields", "id", "value.converter.schemas.enable", "false",
                "key.converter.schemas.enable", "false");
        JdbcSinkFixture.withDeadLetterQueue(config, dlq);
        try (StandaloneConnect connect = start(cluster, dir, config)) {
            List<ConsumerRecord<String, String>> letters = cluster.consume(dlq, dead, WAIT);
            awaitCount(db, table, rows);
            return letters;
        }
    }

    @Test
    void shouldWriteSchemalessValuesIntoEveryPostgresColumnTypeTheSourceReadsAsText(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRES, dir)) {
            db.execute("CREATE TYPE mood AS ENUM ('happy', 'sad')", "CREATE SCHEMA other",
                    "CREATE TYPE other.hue AS ENUM ('red', 'blue')", "CREATE TYPE pair AS (a INT, b TEXT)",
                    "CREATE DOMAIN addr AS INET",
                    "CREATE TABLE loose (id BIGINT PRIMARY KEY, ip INET, net CIDR, mac MACADDR, span INTERVAL, at TIMETZ, "
                    + "price MONEY, up BIT(1), bits BIT(3), vbits VARBIT, doc XML, words TSVECTOR, span4 INT4RANGE, "
                    + "feel MOOD, hue other.hue, spot POINT, area BOX, two PAIR, host ADDR, "
                    + "moods MOOD[], ips INET[], hosts ADDR[], hues other.hue[], areas BOX[], flags BIT(1)[], grid INT[][])");
            List<ConsumerRecord<String, String>> dead = writeSchemaless(cluster, db, "loose", List.of(
                    new String[] {"1", "{\"id\": 1, \"ip\": \"10.0.0.1\", \"net\": \"10.1.0.0/16\", \"mac\": \"08:00:2b:01:02:03\", "
                            + "\"span\": \"P1DT2H\", \"at\": \"12:34:56+05:30\", \"price\": -1.5, \"up\": true, \"bits\": \"101\", "
                            + "\"vbits\": \"10\", \"doc\": \"<a>b</a>\", \"words\": \"fat cat\", \"span4\": \"[1,5)\", "
                            + "\"feel\": \"sad\", \"hue\": \"blue\", \"spot\": \"(1.5,-2)\", \"area\": \"(1,1),(0,0)\", "
                            + "\"two\": \"(1,\\\"a b\\\")\", \"host\": \"::1\", \"moods\": [\"sad\", null], "
                            + "\"ips\": [\"::1\", \"10.9.9.9/8\"], \"hosts\": [\"10.0.0.2\"], \"hues\": [\"red\", \"blue\"], "
                            + "\"areas\": [\"(1,1),(0,0)\", \"(2,2),(1,1)\"], \"flags\": [true, null, false], \"grid\": [[1, 2], [3, 4]]}"},
                    new String[] {"2", "{\"id\": 2, \"ip\": \"not-an-ip\"}"},
                    new String[] {"3", "{\"id\": 3, \"two\": {\"a\": 1, \"b\": \"x\"}}"},
                    new String[] {"4", "{\"id\": 4, \"price\": \"$2.25\", \"up\": 0, \"span\": 90, \"hue\": null, \"flags\": []}"}),
                    2, 2);
            assertThat(dead).extracting(record -> header(record, "__connect.errors.offset")).containsExactly("1", "2");
            assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("Table loose refused the record")
                    .contains("inet").contains("not-an-ip");
            assertThat(header(dead.get(1), "__connect.errors.exception.message")).contains("column two").contains("Map");
            assertThat(db.query("SELECT id, ip::text, net::text, mac::text, span::text, at::text, price::numeric::text, "
                    + "up::text, bits::text, vbits::text, doc::text, words::text, span4::text, feel::text, hue::text, "
                    + "spot::text, area::text, two::text, host::text, moods::text, ips::text, hosts::text, hues::text, "
                    + "areas::text, flags::text, grid::text FROM loose ORDER BY id")).containsExactly(
                    Arrays.asList(1L, "10.0.0.1/32", "10.1.0.0/16", "08:00:2b:01:02:03", "1 day 02:00:00", "12:34:56+05:30",
                            "-1.50", "1", "101", "10", "<a>b</a>", "'cat' 'fat'", "[1,5)", "sad", "blue", "(1.5,-2)",
                            "(1,1),(0,0)", "(1,\"a b\")", "::1/128", "{sad,NULL}", "{::1,10.9.9.9/8}", "{10.0.0.2}",
                            "{red,blue}", "{(1,1),(0,0);(2,2),(1,1)}", "{1,NULL,0}", "{{1,2},{3,4}}"),
                    Arrays.asList(4L, null, null, null, "00:01:30", null, "2.25", "0", null, null, null, null, null, null,
                            null, null, null, null, null, null, null, null, null, null, "{}", null));
        }
    }

    @Test
    void shouldWriteSchemalessValuesIntoEveryMariaDbColumnTypeTheSourceMaps(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.MARIADB, dir)) {
            db.execute("CREATE TABLE loose (id BIGINT PRIMARY KEY, feel ENUM('happy', 'sad'), tags SET('x', 'y', 'z'), "
                    + "tags2 SET('x', 'y', 'z'), yr YEAR, yr2 YEAR, up BIT(1), bits BIT(8), doc JSON, flag TINYINT(1), "
                    + "tiny TINYINT UNSIGNED, mid MEDIUMINT UNSIGNED, whole INT UNSIGNED, huge BIGINT UNSIGNED, "
                    + "amount DECIMAL(6,2) UNSIGNED, at TIME(3), stamp TIMESTAMP(3) NULL, local DATETIME(3))");
            List<ConsumerRecord<String, String>> dead = writeSchemaless(cluster, db, "loose", List.of(
                    new String[] {"1", "{\"id\": 1, \"feel\": \"sad\", \"tags\": \"x,z\", \"tags2\": [\"y\", \"z\"], "
                            + "\"yr\": 2024, \"yr2\": \"1999\", \"up\": true, \"bits\": 165, \"doc\": {\"a\": [1, true]}, "
                            + "\"flag\": false, \"tiny\": 255, \"mid\": 16777215, \"whole\": 4294967295, "
                            + "\"huge\": \"18446744073709551615\", \"amount\": \"12.5\", \"at\": \"12:34:56.5\", "
                            + "\"stamp\": \"2024-07-01T12:00:00Z\", \"local\": \"2024-07-01 12:00:00.25\"}"},
                    new String[] {"2", "{\"id\": 2, \"feel\": \"angry\"}"},
                    new String[] {"3", "{\"id\": 3, \"bits\": \"3\", \"huge\": 9223372036854775807, \"yr\": null}"}),
                    1, 2);
            assertThat(dead).singleElement().satisfies(record -> {
                assertThat(header(record, "__connect.errors.offset")).isEqualTo("1");
                assertThat(header(record, "__connect.errors.exception.message")).contains("Table loose refused the record")
                        .contains("feel");
            });
            assertThat(db.query("SELECT id, feel, tags, tags2, CAST(yr AS CHAR), CAST(yr2 AS CHAR), CAST(up + 0 AS CHAR), "
                    + "CAST(bits + 0 AS CHAR), doc, CAST(flag AS CHAR), CAST(tiny AS CHAR), CAST(mid AS CHAR), CAST(whole AS CHAR), "
                    + "CAST(huge AS CHAR), CAST(amount AS CHAR), CAST(at AS CHAR), CAST(stamp AS CHAR), CAST(local AS CHAR) "
                    + "FROM loose ORDER BY id")).extracting(row -> row.stream().map(String::valueOf).toList()).containsExactly(
                    List.of("1", "sad", "x,z", "y,z", "2024", "1999", "1", "165", "{\"a\":[1,true]}", "0", "255", "16777215",
                            "4294967295", "18446744073709551615", "12.50", "12:34:56.500", "2024-07-01 12:00:00.000",
                            "2024-07-01 12:00:00.250"),
                    List.of("3", "null", "null", "null", "null", "null", "null", "3", "null", "null", "null", "null", "null",
                            "9223372036854775807", "null", "null", "null", "null"));
        }
    }

    @org.junit.jupiter.api.Test
    void shouldCarryOnAfterTheDatabaseDroppedItsConnection(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRES, dir)) {
            createOrders(db);
            String topic = cluster.uniqueTopicName("orders");
            cluster.createTopic(topic, 1);
            try (StandaloneConnect connect = start(cluster, dir,
                    sink(topic, db, "table.name.format", "orders", "pk.mode", "record_key", "pk.fields", "id"))) {
                produce(cluster, topic, List.of(order(1, "a", 1), order(2, "b", 2)));
                awaitCount(db, "orders", 2);
                db.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() "
                        + "AND pid <> pg_backend_pid()");
                produce(cluster, topic, List.of(order(3, "c", 3), order(4, "d", 4)));
                awaitCount(db, "orders", 4);
                assertThat(JdbcSinkFixture.taskState(connect)).isEqualTo("RUNNING");
            }
        }
    }
    @org.junit.jupiter.api.Test
    void shouldRetryABatchThatHitATransientErrorUntilItGoesThrough(FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(Engine.POSTGRES, dir)) {
            createOrders(db);
            String topic = cluster.uniqueTopicName("orders");
            cluster.createTopic(topic, 1);
            Map<String, String> config = sink(topic, db, "table.name.format", "orders", "pk.mode", "record_key", "pk.fields", "id");
            // Waiting for a lock fails after half a second with SQLState 55P03, a transient error.
            config.put("connection.url", db.url() + "?options=-c%20lock_timeout=500");
            try (StandaloneConnect connect = start(cluster, dir, config);
                 java.sql.Connection locker = db.connect()) {
                produce(cluster, topic, List.of(order(1, "a", 1)));
                awaitCount(db, "orders", 1);
                long rollbacksBefore = rollbacks(db);
                locker.setAutoCommit(false);
                locker.createStatement().execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE");
                produce(cluster, topic, List.of(order(2, "b", 2), order(3, "c", 3)));
                Thread.sleep(2_000); // several attempts time out on the lock meanwhile
                try (var rows = locker.createStatement().executeQuery("SELECT COUNT(*) FROM orders")) {
                    rows.next();
                    assertThat(rows.getLong(1)).isEqualTo(1);
                }
                locker.commit();
                awaitCount(db, "orders", 3);
                assertThat(JdbcSinkFixture.taskState(connect)).isEqualTo("RUNNING");
                // Each timed-out attempt was rolled back before the next one (statistics arrive within a second or so).
                await().atMost(WAIT).untilAsserted(() -> assertThat(rollbacks(db) - rollbacksBefore).isGreaterThanOrEqualTo(2));
            }
        }
    }

    private static long rollbacks(TestDatabase db) throws Exception {
        db.execute("SELECT pg_stat_clear_snapshot()");
        return ((Number) db.queryValue("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()")).longValue();
    }
}
