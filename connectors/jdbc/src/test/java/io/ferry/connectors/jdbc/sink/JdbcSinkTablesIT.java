package io.ferry.connectors.jdbc.sink;

import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.WAIT;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.awaitCount;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.header;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.produce;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.sink;
import static io.ferry.connectors.jdbc.sink.JdbcSinkFixture.start;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.dialect.ColumnDefinition;
import io.ferry.connectors.jdbc.dialect.JdbcDialect;
import io.ferry.connectors.jdbc.dialect.JdbcDialects;
import io.ferry.connectors.jdbc.dialect.ReadOptions;
import io.ferry.connectors.jdbc.dialect.TableDefinition;
import io.ferry.connectors.jdbc.dialect.TableId;
import io.ferry.connectors.jdbc.sink.JdbcSinkFixture.Message;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.connectors.jdbc.testing.TestDatabase.Engine;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.connect.data.Date;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Time;
import org.apache.kafka.connect.data.Timestamp;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Tables created from record schemas and evolved when the schema grows, on each database. */
class JdbcSinkTablesIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    static final Schema EVERY_TYPE = SchemaBuilder.struct().name("every_type")
            .field("id", Schema.INT64_SCHEMA)
            .field("i8", Schema.INT8_SCHEMA).field("i16", Schema.INT16_SCHEMA).field("i32", Schema.INT32_SCHEMA)
            .field("f32", Schema.FLOAT32_SCHEMA).field("f64", Schema.FLOAT64_SCHEMA).field("flag", Schema.BOOLEAN_SCHEMA)
            .field("text", Schema.STRING_SCHEMA).field("data", Schema.BYTES_SCHEMA)
            .field("amount", Decimal.builder(3).optional().build()).field("day", Date.builder().optional().build())
            .field("at_time", Time.builder().optional().build()).field("at", Timestamp.builder().optional().build())
            .field("maybe", Schema.OPTIONAL_STRING_SCHEMA)
            .field("score", SchemaBuilder.int32().optional().defaultValue(42).build())
            .field("label", SchemaBuilder.string().defaultValue("none").build())
            .build();

    @TempDir
    Path dir;

    private static Struct everyType(long id) {
        return new Struct(EVERY_TYPE).put("id", id).put("i8", (byte) -8).put("i16", (short) 1600).put("i32", 320_000)
                .put("f32", 1.5f).put("f64", -2.25e10).put("flag", id % 2 == 0).put("text", "żółw\ttab \"q\" 'a'")
                .put("data", new byte[] {0, 1, (byte) 0xfe}).put("amount", new BigDecimal("-12345.678"))
                .put("day", java.util.Date.from(Instant.parse("2024-02-29T00:00:00Z")))
                .put("at_time", new java.util.Date(13 * 3_600_000L + 14 * 60_000L + 15_250L))
                .put("at", java.util.Date.from(Instant.parse("2024-07-01T10:15:30.123Z")))
                .put("maybe", null).put("score", 7).put("label", "x");
    }

    /** A value as a comparable form: integers as long, floats as double, decimals without trailing zeros, bytes as hex. */
    private static Object canonical(Object value) {
        if (value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        if (value instanceof Float || value instanceof Double) {
            return ((Number) value).doubleValue();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof ByteBuffer buffer) {
            byte[] bytes = new byte[buffer.remaining()];
            buffer.duplicate().get(bytes);
            return HexFormat.of().formatHex(bytes);
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().atOffset(ZoneOffset.UTC).toString();
        }
        return value;
    }

    /** The table's rows read back through the dialect as Connect values, column name → canonical value. */
    private static List<Map<String, Object>> readBack(TestDatabase db, String table) throws Exception {
        JdbcDialect dialect = JdbcDialects.forUrl(db.url());
        try (Connection connection = db.connect()) {
            TableDefinition definition = dialect.describeTable(connection, TableId.of(table)).orElseThrow();
            ReadOptions options = new ReadOptions(ZoneOffset.UTC, ReadOptions.NumericMapping.NONE);
            try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM " + table + " ORDER BY id");
                 ResultSet rows = statement.executeQuery()) {
                List<Map<String, Object>> result = new java.util.ArrayList<>();
                while (rows.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < definition.columns().size(); i++) {
                        ColumnDefinition column = definition.columns().get(i);
                        Object value = dialect.columnMapping(column, options).orElseThrow().read(rows, i + 1);
                        row.put(column.name(), canonical(value));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldCreateTheTableFromTheSchemaAndReadEveryTypeBackIdentical(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String topic = cluster.uniqueTopicName("types");
            cluster.createTopic(topic, 1);
            produce(cluster, topic, List.of(Message.of(null, null, EVERY_TYPE, everyType(1)),
                    Message.of(null, null, EVERY_TYPE, everyType(2))));
            try (StandaloneConnect connect = start(cluster, dir, sink(topic, db, "table.name.format", "every_type",
                    "auto.create", "true", "pk.mode", "record_value", "pk.fields", "id"))) {
                awaitCount(db, "every_type", 2);
            }
            // The schema's defaults became the columns' DEFAULTs.
            db.execute("INSERT INTO every_type (id, i8, i16, i32, f32, f64, flag, text, data) "
                    + "VALUES (3, 0, 0, 0, 0, 0, " + (engine == Engine.POSTGRES ? "false" : "0") + ", '', "
                    + (engine == Engine.POSTGRES ? "'\\x00'" : "X'00'") + ")");
            List<Map<String, Object>> rows = readBack(db, "every_type");
            assertThat(rows).hasSize(3);
            for (int i = 0; i < 2; i++) {
                Struct expected = everyType(i + 1);
                for (Field field : EVERY_TYPE.fields()) {
                    Object actual = rows.get(i).get(field.name());
                    Object wanted = canonical(expected.get(field));
                    if (wanted instanceof Boolean flag && actual instanceof Long number) {
                        actual = number != 0; // a database without a boolean type stores it as an integer
                    }
                    assertThat(actual).as(engine + " " + field.name()).isEqualTo(wanted);
                }
            }
            assertThat(rows.get(2).get("score")).isEqualTo(42L);
            assertThat(rows.get(2).get("label")).isEqualTo("none");
            assertThat(rows.get(2).get("maybe")).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldAddColumnsForNewOptionalFieldsAndRefuseANewRequiredFieldWithoutDefault(Engine engine, FerryCluster cluster)
            throws Exception {
        Schema v1 = SchemaBuilder.struct().name("person").field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("person").field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .field("level", SchemaBuilder.int32().optional().defaultValue(5).build()).field("note", Schema.OPTIONAL_STRING_SCHEMA).build();
        Schema v3 = SchemaBuilder.struct().name("person").field("id", Schema.INT64_SCHEMA).field("name", Schema.STRING_SCHEMA)
                .field("must", Schema.INT32_SCHEMA).build();
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String topic = cluster.uniqueTopicName("people");
            String dlq = cluster.uniqueTopicName("people-dlq");
            cluster.createTopic(topic, 1);
            Map<String, String> config = sink(topic, db, "table.name.format", "people", "auto.create", "true", "auto.evolve", "true",
                    "insert.mode", "upsert", "pk.mode", "record_value", "pk.fields", "id");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                produce(cluster, topic, List.of(Message.of(null, null, v1, new Struct(v1).put("id", 1L).put("name", "old"))));
                awaitCount(db, "people", 1);
                produce(cluster, topic, List.of(
                        Message.of(null, null, v2, new Struct(v2).put("id", 2L).put("name", "new").put("level", 9).put("note", "hi")),
                        Message.of(null, null, v3, new Struct(v3).put("id", 3L).put("name", "bad").put("must", 1))));
                List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 1, WAIT);
                assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("required field 'must'");
                awaitCount(db, "people", 2);
            }
            assertThat(db.query("SELECT id, name, level, note FROM people ORDER BY id"))
                    .extracting(row -> row.get(0) + ":" + row.get(1) + ":" + row.get(2) + ":" + row.get(3))
                    .containsExactly("1:old:5:null", "2:new:9:hi");
        }
    }
    @ParameterizedTest
    @EnumSource(Engine.class)
    void shouldDeadLetterARecordWithAFieldNoColumnCanHoldAndCreateTheTableFromTheOthers(Engine engine, FerryCluster cluster)
            throws Exception {
        Schema address = SchemaBuilder.struct().name("address").field("city", Schema.STRING_SCHEMA).build();
        Schema nested = SchemaBuilder.struct().name("person").field("id", Schema.INT64_SCHEMA).field("home", address).build();
        Schema flat = SchemaBuilder.struct().name("person").field("id", Schema.INT64_SCHEMA).field("city", Schema.STRING_SCHEMA).build();
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String topic = cluster.uniqueTopicName("people");
            String dlq = cluster.uniqueTopicName("people-dlq");
            cluster.createTopic(topic, 1);
            produce(cluster, topic, List.of(
                    Message.of(null, null, nested, new Struct(nested).put("id", 1L).put("home", new Struct(address).put("city", "Oslo"))),
                    Message.of(null, null, flat, new Struct(flat).put("id", 2L).put("city", "Bergen"))));
            Map<String, String> config = sink(topic, db, "table.name.format", "people", "auto.create", "true");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                List<ConsumerRecord<String, String>> dead = cluster.consume(dlq, 1, WAIT);
                assertThat(header(dead.get(0), "__connect.errors.exception.message")).contains("Field 'home' (STRUCT)");
                awaitCount(db, "people", 1);
            }
            assertThat(db.query("SELECT id, city FROM people")).extracting(row -> row.get(0) + ":" + row.get(1)).containsExactly("2:Bergen");
        }
    }
    @ParameterizedTest
    @EnumSource(value = Engine.class, names = {"POSTGRES", "MARIADB"})
    void shouldReadTheTableAgainWhenSomeoneDroppedAColumnAndAddItBack(Engine engine, FerryCluster cluster) throws Exception {
        try (TestDatabase db = TestDatabase.create(engine, dir)) {
            String topic = cluster.uniqueTopicName("orders");
            String dlq = cluster.uniqueTopicName("orders-dlq");
            cluster.createTopic(topic, 1);
            Map<String, String> config = sink(topic, db, "table.name.format", "orders", "auto.create", "true", "auto.evolve", "true");
            JdbcSinkFixture.withDeadLetterQueue(config, dlq);
            try (StandaloneConnect connect = start(cluster, dir, config)) {
                produce(cluster, topic, List.of(JdbcSinkWritesIT.order(1, "a", 1), JdbcSinkWritesIT.order(2, "b", 2)));
                awaitCount(db, "orders", 2);
                db.execute("ALTER TABLE orders DROP COLUMN name");
                produce(cluster, topic, List.of(JdbcSinkWritesIT.order(3, "c", 3), JdbcSinkWritesIT.order(4, "d", 4)));
                awaitCount(db, "orders", 4);
                assertThat(JdbcSinkFixture.taskState(connect)).isEqualTo("RUNNING");
            }
            assertThat(db.query("SELECT id, name FROM orders ORDER BY id")).extracting(row -> row.get(0) + ":" + row.get(1))
                    .containsExactly("1:null", "2:null", "3:c", "4:d");
        }
    }
}
