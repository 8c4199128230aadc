package io.ferry.connectors.jdbc.sink;

import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.Message;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.awaitCount;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.produce;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.sink;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Insert modes, primary-key modes, deletes and de-duplication on each database, through a running worker. */
class JdbcSinkWritesIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    static final Schema VALUE = SchemaBuilder.struct().name("order")
            .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).field("qty", Schema.INT32_SCHEMA).build();
    static final Schema KEY = SchemaBuilder.struct().name("order_key")
            .field("id", Schema.INT64_SCHEMA).field("region", Schema.STRING_SCHEMA).build();

    @TempDir
    Path dir;

    static Message order(long id, String name, int qty) {
        return Message.of(Schema.INT64_SCHEMA, id, VALUE, new Struct(VALUE).put("id", id).put("name", name).put("qty", qty));
    }

    static Message tombstone(long id) {
        return Message.of(Schema.INT64_SCHEMA, id, null, null);
    }

    /** Rows as "id:name:qty", ordered by id. */
    static List<String> rows(TestDatabase db) throws Exception {
        List<String> rows = new ArrayList<>();
        for (List<Object> row : db.query("SELECT id, name, qty FROM orders ORDER BY id")) {
            rows.add(((Number) row.get(0)).longValue() + ":" + row.get(1) + ":" + ((Number) row.get(2)).intValue());
        }
        return rows;
    }

    private void run(FerryCluster cluster, TestDatabase db, List<Message> messages, long expectedRows, String... settings)
            throws Exception {
        String topic = cluster.uniqueTopicName("orders");
        cluster.createTopic(topic, 1);
        produce(cluster, topic, messages);
        List<String> all = new ArrayList<>(List.of("table.name.format", "orders", "auto.create", "true"));
        all.addAll(List.of(settings));
        try (StandaloneConnect connect = start(cluster, dir, sink(topic, db, all.toArray(String[]::new)))) {
            awaitCount(db, "orders", expectedRows);
            // Let the task finish the batch (later records may delete or update rows already counted).
            await().atMost(JdbcSinkFixture.WAIT).until(() -> connect.herder().connectorOffsets(JdbcSinkFixture.NAME).get()
                    .offsets().stream().anyMatch(offset -> ((Number) offset.offset().get("kafka_offset")).longValue() >= messages.size()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldInsertEveryRecordAsARow(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            run(cluster, db, List.of(order(1, "a", 1), order(2, "b", 2), order(3, null, 3)), 3);
            assertThat(rows(db)).containsExactly("1:a:1", "2:b:2", "3:null:3");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldUpsertSoTheSameKeyTwiceLeavesOneRowWithTheLatestValues(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            run(cluster, db, List.of(order(1, "a", 1), order(2, "b", 2), order(1, "a2", 10), order(1, "a3", 11)), 2,
                    "insert.mode", "upsert", "pk.mode", "record_key", "pk.fields", "id");
            assertThat(rows(db)).containsExactly("1:a3:11", "2:b:2");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldUpdateExistingRowsAndIgnoreUnknownKeys(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(20), qty INT NOT NULL)",
                    "INSERT INTO orders VALUES (1, 'a', 1)", "INSERT INTO orders VALUES (2, 'b', 2)");
            run(cluster, db, List.of(order(1, "a2", 5), order(9, "x", 9)), 2,
                    "insert.mode", "update", "pk.mode", "record_key", "pk.fields", "id");
            assertThat(rows(db)).containsExactly("1:a2:5", "2:b:2");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldDeleteTheRowOfATombstoneAndKeepADeletedKeyWrittenAgainLater(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            run(cluster, db, List.of(order(1, "a", 1), order(2, "b", 2), order(3, "c", 3), tombstone(2),
                    tombstone(3), order(3, "c2", 30), tombstone(7)), 2,
                    "insert.mode", "upsert", "pk.mode", "record_key", "pk.fields", "id", "delete.enabled", "true");
            assertThat(rows(db)).containsExactly("1:a:1", "3:c2:30");
        }
    }

    static final Schema CHANGED_ROW = SchemaBuilder.struct().name("dbz.public.orders.Value").optional()
            .field("id", Schema.INT64_SCHEMA).field("name", Schema.OPTIONAL_STRING_SCHEMA).field("qty", Schema.INT32_SCHEMA).build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("table", Schema.STRING_SCHEMA).build();
    static final Schema ENVELOPE = SchemaBuilder.struct().name("dbz.public.orders.Envelope")
            .field("before", CHANGED_ROW).field("after", CHANGED_ROW).field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

    /** A Debezium change event of an order as its PostgreSQL connector writes it; {@code after} is null for d and t. */
    static Message change(String op, Long id, Struct after) {
        Struct event = new Struct(ENVELOPE).put("op", op).put("after", after).put("source", new Struct(SOURCE).put("table", "orders"));
        return Message.of(Schema.OPTIONAL_INT64_SCHEMA, id, ENVELOPE, event);
    }

    static Struct changedRow(long id, String name, int qty) {
        return new Struct(CHANGED_ROW).put("id", id).put("name", name).put("qty", qty);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldApplyDebeziumChangeEventsWithoutATransformTruncatingInTheirPlace(Engine engine, FerryCluster cluster)
            throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(20), qty INT NOT NULL)",
                    "INSERT INTO orders VALUES (1, 'a', 1)", "INSERT INTO orders VALUES (2, 'b', 2)");
            run(cluster, db, List.of(change("c", 7L, changedRow(7, "g", 7)), change("t", null, null),
                    change("r", 4L, changedRow(4, "d", 4)), change("c", 5L, changedRow(5, "e", 5)),
                    change("u", 4L, changedRow(4, "d2", 40)), change("d", 5L, null), tombstone(5),
                    change("m", null, null), change("c", 6L, changedRow(6, "f", 6))), 2,
                    "insert.mode", "upsert", "pk.mode", "record_key", "pk.fields", "id", "delete.enabled", "true",
                    "truncate.enabled", "true");
            assertThat(rows(db)).containsExactly("4:d2:40", "6:f:6");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeyRowsByTheirKafkaCoordinates(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            run(cluster, db, List.of(order(1, "a", 1), order(1, "a", 1)), 2, "pk.mode", "kafka");
            assertThat(db.query("SELECT __connect_partition, __connect_offset FROM orders ORDER BY __connect_offset"))
                    .extracting(row -> ((Number) row.get(0)).intValue() + "@" + ((Number) row.get(1)).longValue())
                    .containsExactly("0@0", "0@1");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeyRowsByTheFieldsOfAStructKey(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            run(cluster, db, List.of(
                    Message.of(KEY, new Struct(KEY).put("id", 1L).put("region", "eu"), VALUE, order(1, "a", 1).value()),
                    Message.of(KEY, new Struct(KEY).put("id", 1L).put("region", "us"), VALUE, order(1, "a", 2).value()),
                    Message.of(KEY, new Struct(KEY).put("id", 1L).put("region", "eu"), VALUE, order(1, "a", 3).value())), 2,
                    "insert.mode", "upsert", "pk.mode", "record_key");
            assertThat(db.query("SELECT region, qty FROM orders ORDER BY region"))
                    .extracting(row -> row.get(0) + "=" + ((Number) row.get(1)).intValue()).containsExactly("eu=3", "us=2");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldKeyRowsByValueFieldsAndWriteOnlyTheIncludedOthers(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            db.execute("CREATE TABLE orders (id BIGINT PRIMARY KEY, name VARCHAR(20), qty INT)");
            run(cluster, db, List.of(order(1, "a", 1), order(2, "b", 2), order(1, "c", 3)), 2,
                    "insert.mode", "upsert", "pk.mode", "record_value", "pk.fields", "id", "fields.include.list", "qty");
            assertThat(rows(db)).containsExactly("1:null:3", "2:null:2");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldWriteManyDuplicateKeysInOneBatchAsTheLastRecordOfEachKey(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            List<Message> messages = new ArrayList<>();
            for (int round = 0; round < 20; round++) {
                for (long id = 0; id < 50; id++) {
                    messages.add(order(id, "r" + round, round));
                }
            }
            run(cluster, db, messages, 50, "insert.mode", "upsert", "pk.mode", "record_key", "pk.fields", "id", "batch.size", "7");
            assertThat(rows(db)).hasSize(50).allSatisfy(row -> assertThat(row).endsWith(":r19:19"));
        }
    }
}
