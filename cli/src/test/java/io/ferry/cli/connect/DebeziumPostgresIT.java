package io.ferry.cli.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.registry.server.RegistryServer;
import io.ferry.registry.server.RegistryServerConfig;
import io.ferry.serde.avro.KafkaAvroDeserializer;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Debezium's PostgreSQL connector, unpacked from the plugin archive Debezium publishes into a {@code plugin.path},
 * run unchanged by {@code ferry connect distributed} against this machine's PostgreSQL ({@code pgoutput}, a slot and
 * a filtered publication of its own): snapshot, streamed inserts, updates and deletes, a restart that neither loses
 * the changes made while the worker was down nor snapshots again, Ferry's Avro converter and registry, and the
 * connector-plugin REST endpoints. Every event is read back from the topic by a real consumer.
 */
class DebeziumPostgresIT {
    private static final Duration EVENTS = Duration.ofSeconds(120);
    private static final String JSON_CONVERTER = "org.apache.kafka.connect.json.JsonConverter";

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    @Test
    void shouldSnapshotThenStreamChangesAndResumeAfterARestartWithoutSnapshottingAgain(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create();
             ConnectCluster connect = debeziumWorkers(kafka)) {
            table.insert(1, "Ada", "ada@example.com");
            table.insert(2, "Grace", "grace@example.com");
            String prefix = topicPrefix(kafka);
            String topic = createChangeTopic(kafka, prefix, table);
            connect.start("w1");
            create(connect, "customers", connectorConfig(table, prefix, JSON_CONVERTER, Map.of(
                    "key.converter.schemas.enable", "true", "value.converter.schemas.enable", "true")));

            assertThat(awaitEvents(kafka, connect, table, topic, 2)).containsExactly(
                    "r null -> {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                    "r null -> {\"id\":2,\"name\":\"Grace\",\"email\":\"grace@example.com\"}");

            String beforeStreaming = table.currentWalLsn();
            table.insert(3, "Linus", "linus@example.com");
            table.execute("UPDATE " + table.table() + " SET email = 'ada@lovelace.org' WHERE id = 1");
            table.execute("DELETE FROM " + table.table() + " WHERE id = 2");
            List<String> streamed = List.of(
                    "c null -> {\"id\":3,\"name\":\"Linus\",\"email\":\"linus@example.com\"}",
                    "u {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"} -> {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@lovelace.org\"}",
                    "d {\"id\":2,\"name\":\"Grace\",\"email\":\"grace@example.com\"} -> null",
                    "tombstone {\"id\":2}");
            assertThat(awaitEvents(kafka, connect, table, topic, 6).subList(2, 6)).containsExactlyElementsOf(streamed);
            // The worker commits Debezium's offsets, and Debezium then confirms them to the slot so the server frees WAL.
            await().atMost(Duration.ofSeconds(30)).until(() -> table.slotConfirmedBeyond(beforeStreaming));
            JsonNode envelope = ConnectCluster.JSON.readTree(kafka.consume(topic, 1, EVENTS).get(0).value());
            assertThat(envelope.path("schema").path("name").asText()).as("JsonConverter's schema of the envelope")
                    .isEqualTo(topic + ".Envelope");

            // Down: the changes made meanwhile wait in the slot; back up, Debezium resumes at its committed LSN.
            assertThat(connect.stop("w1")).isZero();
            await().atMost(Duration.ofSeconds(30)).until(() -> !table.slotActive());
            table.insert(4, "Barbara", "barbara@example.com");
            table.execute("UPDATE " + table.table() + " SET name = 'Linus T.' WHERE id = 3");
            table.execute("DELETE FROM " + table.table() + " WHERE id = 1");
            connect.start("w1");

            List<String> all = awaitEvents(kafka, connect, table, topic, 10);
            assertThat(all.subList(6, 10)).containsExactly(
                    "c null -> {\"id\":4,\"name\":\"Barbara\",\"email\":\"barbara@example.com\"}",
                    "u {\"id\":3,\"name\":\"Linus\",\"email\":\"linus@example.com\"} -> {\"id\":3,\"name\":\"Linus T.\",\"email\":\"linus@example.com\"}",
                    "d {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@lovelace.org\"} -> null",
                    "tombstone {\"id\":1}");
            // A second snapshot would add "r" events of rows 3 and 4; give it the time it would take.
            Thread.sleep(3_000);
            assertThat(events(kafka.consumeAll(topic, EVENTS))).as("every event, once").hasSize(10)
                    .filteredOn(event -> event.startsWith("r ")).hasSize(2);

            assertOffsetHoldsAnLsn(connect, "customers", prefix);
            deleteAndAwaitSlotReleased(connect, "customers", table);
        }
    }

    @Test
    void shouldRunOnAStandaloneWorkerAndResumeFromItsOffsetsFile(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create()) {
            table.insert(1, "Ada", "ada@example.com");
            String prefix = topicPrefix(kafka);
            String topic = createChangeTopic(kafka, prefix, table);
            Map<String, String> worker = new HashMap<>();
            worker.put("bootstrap.servers", kafka.bootstrapServers());
            worker.put("listeners", "http://127.0.0.1:0");
            worker.put("offset.storage.file.filename", dir.resolve("standalone.offsets").toString());
            worker.put("offset.flush.interval.ms", "1000");
            worker.put("plugin.path", DebeziumPostgresPlugin.pluginPath().toString());
            worker.put("key.converter", JSON_CONVERTER);
            worker.put("value.converter", JSON_CONVERTER);
            List<ConnectorRequest> connector = List.of(new ConnectorRequest("customers",
                    connectorConfig(table, prefix, JSON_CONVERTER, Map.of()), TargetState.STARTED));

            try (StandaloneConnect connect = StandaloneConnect.start(worker, connector, "test")) {
                assertThat(events(kafka.consume(topic, 1, EVENTS))).containsExactly(
                        "r null -> {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}");
                table.insert(2, "Grace", "grace@example.com");
                assertThat(events(kafka.consume(topic, 2, EVENTS))).hasSize(2).last().asString().startsWith("c ");
            }
            // Stopped gracefully, the standalone worker has written Debezium's offset to its file; the change made
            // while it is down arrives after the restart, and the table is not snapshotted again.
            await().atMost(Duration.ofSeconds(30)).until(() -> !table.slotActive());
            table.execute("UPDATE " + table.table() + " SET name = 'Grace H.' WHERE id = 2");
            try (StandaloneConnect connect = StandaloneConnect.start(worker, connector, "test")) {
                List<String> all = events(kafka.consume(topic, 3, EVENTS));
                assertThat(all).hasSize(3);
                assertThat(all.get(2)).isEqualTo("u {\"id\":2,\"name\":\"Grace\",\"email\":\"grace@example.com\"}"
                        + " -> {\"id\":2,\"name\":\"Grace H.\",\"email\":\"grace@example.com\"}");
                Thread.sleep(3_000);
                assertThat(events(kafka.consumeAll(topic, EVENTS))).as("every event, once").hasSize(3);
                connect.herder().deleteConnector("customers").get();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> !table.slotActive());
        }
    }

    @Test
    void shouldWriteChangeEventsThroughFerrysAvroConverterAndRegistry(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create();
             RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test");
             ConnectCluster connect = debeziumWorkers(kafka)) {
            table.insert(1, "Ada", "ada@example.com");
            String prefix = topicPrefix(kafka);
            String topic = createChangeTopic(kafka, prefix, table);
            connect.start("w1");
            create(connect, "customers-avro", connectorConfig(table, prefix, "io.ferry.serde.connect.AvroConverter", Map.of(
                    "key.converter.schema.registry.url", registry.url(), "value.converter.schema.registry.url", registry.url())));
            awaitRecords(kafka, connect, table, topic, 1);
            table.insert(2, "Grace", null);

            List<ConsumerRecord<Object, Object>> records = consumeAvro(kafka, registry.url(), topic, 2);
            assertThat(records).hasSize(2);
            GenericRecord snapshot = (GenericRecord) records.get(0).value();
            GenericRecord insert = (GenericRecord) records.get(1).value();
            assertThat(snapshot.get("op").toString()).isEqualTo("r");
            assertThat(((GenericRecord) snapshot.get("after")).get("name").toString()).isEqualTo("Ada");
            assertThat(insert.get("op").toString()).isEqualTo("c");
            assertThat(insert.get("before")).isNull();
            assertThat(((GenericRecord) insert.get("after")).get("id")).isEqualTo(2);
            assertThat(((GenericRecord) insert.get("after")).get("email")).isNull();
            assertThat(((GenericRecord) records.get(1).key()).get("id")).isEqualTo(2);
            assertThat(insert.getSchema().getFullName()).isEqualTo(topic + ".Envelope");

            deleteAndAwaitSlotReleased(connect, "customers-avro", table);
        }
    }

    @Test
    void shouldContinueWithoutASecondSnapshotAfterARestartAndAPauseThroughTheRestApi(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create();
             ConnectCluster connect = debeziumWorkers(kafka)) {
            table.insert(1, "Ada", "ada@example.com");
            String prefix = topicPrefix(kafka);
            String topic = createChangeTopic(kafka, prefix, table);
            connect.start("w1");
            create(connect, "customers", connectorConfig(table, prefix, JSON_CONVERTER, Map.of()));
            awaitEvents(kafka, connect, table, topic, 1);

            // The restarted task takes the slot over from the stopped one: the worker must have stopped it first.
            ConnectCluster.Reply restarted = connect.post("w1", "/connectors/customers/restart?includeTasks=true", Map.of());
            assertThat(restarted.status()).as("%s", restarted.body()).isIn(202, 204);
            awaitRunning(connect, "customers");
            table.insert(2, "Grace", "grace@example.com");
            awaitEvents(kafka, connect, table, topic, 2);

            assertThat(connect.put("w1", "/connectors/customers/pause", Map.of()).status()).isEqualTo(202);
            await().atMost(EVENTS).until(() -> connect.get("w1", "/connectors/customers/status").body()
                    .path("tasks").path(0).path("state").asText().equals("PAUSED"));
            table.insert(3, "Linus", "linus@example.com");
            assertThat(connect.put("w1", "/connectors/customers/resume", Map.of()).status()).isEqualTo(202);

            assertThat(awaitEvents(kafka, connect, table, topic, 3)).containsExactly(
                    "r null -> {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                    "c null -> {\"id\":2,\"name\":\"Grace\",\"email\":\"grace@example.com\"}",
                    "c null -> {\"id\":3,\"name\":\"Linus\",\"email\":\"linus@example.com\"}");
            Thread.sleep(2_000);
            assertThat(kafka.recordCount(topic)).as("no event twice, no second snapshot").isEqualTo(3);

            deleteAndAwaitSlotReleased(connect, "customers", table);
        }
    }

    @Test
    void shouldCreateItsTopicAndWriteInTransactionsWhenExactlyOnceIsRequired(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create();
             ConnectCluster connect = debeziumWorkers(kafka)) {
            table.insert(1, "Ada", "ada@example.com");
            String prefix = topicPrefix(kafka);
            String topic = prefix + "." + table.table();
            connect.common().put("exactly.once.source.support", "enabled");
            connect.start("w1");
            // The worker creates Debezium's topic (KIP-158), with more partitions than a broker's auto-creation would give.
            create(connect, "customers-eos", connectorConfig(table, prefix, JSON_CONVERTER, Map.of(
                    "exactly.once.support", "required", "topic.creation.default.partitions", "3",
                    "topic.creation.default.replication.factor", "1")));
            table.insert(2, "Grace", "grace@example.com");
            // A consumer subscribing first could make the broker auto-create the topic with one partition.
            awaitRecords(kafka, connect, table, topic, 1);

            List<String> events = new ArrayList<>();
            try (var consumer = kafka.consumer(new StringDeserializer(), new StringDeserializer(), Map.of("isolation.level",
                    "read_committed", "auto.offset.reset", "earliest", "group.id", topic, "allow.auto.create.topics", "false"))) {
                consumer.subscribe(List.of(topic));
                long deadline = System.nanoTime() + EVENTS.toNanos();
                while (events.size() < 2 && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        events.add(event(record));
                    }
                }
            }
            assertThat(events).as("%s%nworker log:%n%s", table.diagnosis(), connect.logTail("w1")).containsExactlyInAnyOrder(
                    "r null -> {\"id\":1,\"name\":\"Ada\",\"email\":\"ada@example.com\"}",
                    "c null -> {\"id\":2,\"name\":\"Grace\",\"email\":\"grace@example.com\"}");
            assertThat(kafka.admin().describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);

            deleteAndAwaitSlotReleased(connect, "customers-eos", table);
        }
    }

    /**
     * The pipeline most Debezium users build: Debezium with its default time and decimal modes, JsonConverter with
     * schemas, and Ferry's JDBC sink with Debezium's ExtractNewRecordState (from Debezium's plugin folder) upserting
     * into an auto-created MariaDB table and an auto-created PostgreSQL table, deleting on tombstones. Both end with
     * exactly the source's rows, column by column.
     */
    @Test
    void shouldReplicateEveryColumnTypeThroughTheJdbcSinkIntoMariaDbAndPostgres(FerryCluster kafka) throws Exception {
        replicateEveryColumnType(kafka, JSON_CONVERTER, Map.of());
    }

    /** As the JsonConverter pipeline, with keys and values in Avro through Ferry's converter and registry. */
    @Test
    void shouldReplicateEveryColumnTypeThroughFerrysAvroConverterIntoMariaDbAndPostgres(FerryCluster kafka) throws Exception {
        try (RegistryServer registry = RegistryServer.start(RegistryServerConfig.local("127.0.0.1", 0, dir.resolve("registry")), "test")) {
            replicateEveryColumnType(kafka, "io.ferry.serde.connect.AvroConverter", Map.of(
                    "key.converter.schema.registry.url", registry.url(), "value.converter.schema.registry.url", registry.url()));
        }
    }

    /**
     * Snapshot, insert, update and delete of a {@link ColumnTypesTable} through Debezium, {@code converter} (with its
     * settings) on every connector, and two JDBC sinks; both targets must end with the source's rows.
     */
    private void replicateEveryColumnType(FerryCluster kafka, String converter, Map<String, String> converterSettings)
            throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create("types", ColumnTypesTable.columnsDdl());
             SinkDatabases targets = SinkDatabases.create();
             ConnectCluster connect = debeziumWorkers(kafka)) {
            String topic = snapshotTwoRowsAndStart(kafka, connect, table, "types-source", converter, converterSettings);
            Map<String, String> converters = new HashMap<>(converterSettings);
            converters.put("key.converter", converter);
            converters.put("value.converter", converter);
            create(connect, "types-mariadb", jdbcSinkConfig(topic, targets.mariaDbUrl(), "types", converters, true));
            create(connect, "types-postgres", jdbcSinkConfig(topic, targets.postgresUrl(), targets.postgresSchema() + ".types",
                    converters, true));

            table.execute(ColumnTypesTable.insert(table.table(), 3, 3));
            table.execute("UPDATE " + table.table() + " SET ts = '2000-01-01 00:00:00.000001', tstz = '1999-12-31 23:59:59.999999-08',"
                    + " n = -0.001, t = NULL WHERE id = 1");
            table.execute(ColumnTypesTable.insertNulls(table.table(), 4));
            table.execute("DELETE FROM " + table.table() + " WHERE id = 2");

            List<List<String>> expected = ColumnTypesTable.rows(table.connection(), table.table(), false);
            assertThat(expected).extracting(row -> row.get(0)).containsExactly("id=1", "id=3", "id=4");
            await().atMost(EVENTS).untilAsserted(() -> assertThat(targets.rows(true, "types"))
                    .as("MariaDB's copy; worker log:%n%s", connect.logTail("w1")).isEqualTo(expected));
            await().atMost(EVENTS).untilAsserted(() -> assertThat(targets.rows(false, targets.postgresSchema() + ".types"))
                    .as("PostgreSQL's copy; worker log:%n%s", connect.logTail("w1")).isEqualTo(expected));
            assertThat(targets.postgresColumnTypes("types")).as("the columns auto.create made in PostgreSQL").containsExactly(
                    "id bigint", "i integer", "s smallint", "n numeric", "vn numeric", "r real", "d double precision",
                    "b boolean", "t text", "v text", "dt date", "tm time without time zone", "ts timestamp without time zone",
                    "tstz timestamp with time zone", "u uuid", "j json", "jb json", "x xml", "by bytea", "bt bit varying",
                    "iv interval");

            for (String name : List.of("types-mariadb", "types-postgres")) {
                assertThat(connect.delete("w1", "/connectors/" + name).status()).isEqualTo(204);
            }
            deleteAndAwaitSlotReleased(connect, "types-source", table);
        }
    }

    /**
     * The pipeline of Debezium's own JDBC sink, with no transform: Ferry's sink reads the envelope itself, upserting
     * snapshot, insert and update events, deleting on delete events (and skipping the tombstones after them) and
     * emptying the table on a truncate event, which Debezium emits once {@code skipped.operations} lets it.
     */
    @Test
    void shouldApplyDebeziumsEnvelopeWithoutATransformIncludingATruncate(FerryCluster kafka) throws Exception {
        try (ReplicatedPostgresTable table = ReplicatedPostgresTable.create("types", ColumnTypesTable.columnsDdl());
             SinkDatabases targets = SinkDatabases.create();
             ConnectCluster connect = debeziumWorkers(kafka)) {
            String topic = snapshotTwoRowsAndStart(kafka, connect, table, "envelope-source", JSON_CONVERTER,
                    Map.of("skipped.operations", "none"));
            Map<String, String> sink = jdbcSinkConfig(topic, targets.postgresUrl(), targets.postgresSchema() + ".types",
                    Map.of("key.converter", JSON_CONVERTER, "value.converter", JSON_CONVERTER), false);
            sink.put("truncate.enabled", "true");
            create(connect, "envelope-postgres", sink);

            table.execute(ColumnTypesTable.insert(table.table(), 3, 3));
            table.execute("UPDATE " + table.table() + " SET n = -0.001, t = NULL WHERE id = 1");
            table.execute("DELETE FROM " + table.table() + " WHERE id = 2");
            awaitSameRows(connect, targets, table, "id=1", "id=3");

            table.execute("TRUNCATE " + table.table());
            table.execute(ColumnTypesTable.insert(table.table(), 5, 2));
            table.execute(ColumnTypesTable.insertNulls(table.table(), 6));
            awaitSameRows(connect, targets, table, "id=5", "id=6");
            assertThat(events(kafka.consumeAll(topic, EVENTS))).as("Debezium's truncate event").contains("t null -> null");

            assertThat(connect.delete("w1", "/connectors/envelope-postgres").status()).isEqualTo(204);
            deleteAndAwaitSlotReleased(connect, "envelope-source", table);
        }
    }

    /**
     * Fills the {@link ColumnTypesTable} with a full row 1 and a row 2 of NULLs, then starts worker w1 and Debezium's
     * connector {@code name} on the table with {@code converter} and the {@code extra} settings; returns the change topic.
     */
    private static String snapshotTwoRowsAndStart(FerryCluster kafka, ConnectCluster connect, ReplicatedPostgresTable table,
            String name, String converter, Map<String, String> extra) throws Exception {
        table.execute(ColumnTypesTable.insert(table.table(), 1, 1));
        table.execute(ColumnTypesTable.insertNulls(table.table(), 2));
        String prefix = topicPrefix(kafka);
        String topic = createChangeTopic(kafka, prefix, table);
        connect.start("w1");
        create(connect, name, connectorConfig(table, prefix, converter, extra));
        return topic;
    }

    /** Waits until PostgreSQL's copy of the table holds the source's rows, which must be those of the given ids. */
    private static void awaitSameRows(ConnectCluster connect, SinkDatabases targets, ReplicatedPostgresTable table, String... ids)
            throws Exception {
        List<List<String>> expected = ColumnTypesTable.rows(table.connection(), table.table(), false);
        assertThat(expected).extracting(row -> row.get(0)).containsExactly(ids);
        await().atMost(EVENTS).untilAsserted(() -> assertThat(targets.rows(false, targets.postgresSchema() + ".types"))
                .as("PostgreSQL's copy; worker log:%n%s", connect.logTail("w1")).isEqualTo(expected));
    }

    /**
     * Ferry's JDBC sink for Debezium's change events: upserted by the record key, deleted on delete events and
     * tombstones; with {@code unwrap}, Debezium's ExtractNewRecordState unwraps the events first.
     */
    private static Map<String, String> jdbcSinkConfig(String topic, String url, String tableName, Map<String, String> converters,
            boolean unwrap) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", "io.ferry.connectors.jdbc.sink.JdbcSinkConnector");
        config.put("tasks.max", "1");
        config.put("topics", topic);
        config.put("connection.url", url);
        config.put("table.name.format", tableName);
        config.put("insert.mode", "upsert");
        config.put("pk.mode", "record_key");
        config.put("delete.enabled", "true");
        config.put("auto.create", "true");
        if (unwrap) {
            config.put("transforms", "unwrap");
            config.put("transforms.unwrap.type", "io.debezium.transforms.ExtractNewRecordState");
        }
        config.putAll(converters);
        return config;
    }

    @Test
    void shouldListTheConnectorAndAnswerDebeziumsErrorForAMissingHostname(FerryCluster kafka) throws Exception {
        try (ConnectCluster connect = debeziumWorkers(kafka)) {
            connect.start("w1");

            ConnectCluster.Reply plugins = connect.get("w1", "/connector-plugins");
            assertThat(plugins.status()).isEqualTo(200);
            assertThat(plugins.body().findValuesAsText("class")).contains(DebeziumPostgresPlugin.CONNECTOR_CLASS);
            for (JsonNode plugin : plugins.body()) {
                if (plugin.path("class").asText().equals(DebeziumPostgresPlugin.CONNECTOR_CLASS)) {
                    assertThat(plugin.path("type").asText()).isEqualTo("source");
                    assertThat(plugin.path("version").asText()).isEqualTo(DebeziumPostgresPlugin.VERSION);
                }
            }

            Map<String, String> config = new HashMap<>(Map.of("connector.class", DebeziumPostgresPlugin.CONNECTOR_CLASS,
                    "name", "no-host", "database.user", "postgres", "database.dbname", "test", "topic.prefix", "pg",
                    "plugin.name", "pgoutput"));
            ConnectCluster.Reply validation = connect.put("w1", "/connector-plugins/PostgresConnector/config/validate", config);
            assertThat(validation.status()).as("%s", validation.body()).isEqualTo(200);
            assertThat(validation.body().path("name").asText()).isEqualTo(DebeziumPostgresPlugin.CONNECTOR_CLASS);
            assertThat(validation.body().path("error_count").asInt()).isPositive();
            List<String> hostnameErrors = new ArrayList<>();
            List<String> keysWithErrors = new ArrayList<>();
            for (JsonNode entry : validation.body().path("configs")) {
                JsonNode value = entry.path("value");
                if (!value.path("errors").isEmpty()) {
                    keysWithErrors.add(value.path("name").asText());
                }
                if (value.path("name").asText().equals("database.hostname")) {
                    value.path("errors").forEach(error -> hostnameErrors.add(error.asText()));
                }
            }
            assertThat(hostnameErrors).as("errors of database.hostname").containsExactly(
                    "The 'database.hostname' value is invalid: A value is required");
            assertThat(keysWithErrors).as("keys with errors").containsExactly("database.hostname");
        }
    }

    /** A distributed Connect cluster, not started yet, whose plugin.path holds Debezium's PostgreSQL connector. */
    private ConnectCluster debeziumWorkers(FerryCluster kafka) throws Exception {
        return new ConnectCluster(kafka, dir, kafka.uniqueTopicName("dbz"), DebeziumPostgresPlugin.pluginPath());
    }

    /** Debezium's topic for the table's changes, {@code <prefix>.<schema>.<table>}, created with one partition. */
    private static String createChangeTopic(FerryCluster kafka, String prefix, ReplicatedPostgresTable table) {
        String topic = prefix + "." + table.table();
        kafka.createTopic(topic, 1);
        return topic;
    }

    /**
     * A unique {@code topic.prefix}, with dashes as many users' prefixes have: Debezium names its key and value
     * schemas after it, so the Avro test gets namespaces such as {@code pg-123-4.dbz_x.customers}.
     */
    private static String topicPrefix(FerryCluster kafka) {
        return kafka.uniqueTopicName("pg");
    }

    /** Debezium's settings for the table, with {@code converter} for keys and values plus the given extras. */
    private static Map<String, String> connectorConfig(ReplicatedPostgresTable table, String prefix, String converter,
            Map<String, String> extra) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", DebeziumPostgresPlugin.CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("database.hostname", ReplicatedPostgresTable.HOST);
        config.put("database.port", String.valueOf(ReplicatedPostgresTable.PORT));
        config.put("database.user", ReplicatedPostgresTable.USER);
        config.put("database.password", "");
        config.put("database.dbname", ReplicatedPostgresTable.DATABASE);
        config.put("topic.prefix", prefix);
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", table.slot());
        config.put("publication.name", table.publication());
        config.put("publication.autocreate.mode", "filtered");
        config.put("table.include.list", table.table());
        config.put("key.converter", converter);
        config.put("value.converter", converter);
        config.putAll(extra);
        return config;
    }

    private static void create(ConnectCluster connect, String name, Map<String, String> config) throws Exception {
        ConnectCluster.Reply created = connect.post("w1", "/connectors", Map.of("name", name, "config", config));
        assertThat(created.status()).as("%s", created.body()).isEqualTo(201);
        awaitRunning(connect, name);
    }

    /** {@code GET /connectors/{name}/offsets} shows Debezium's source partition and an {@code lsn} in its offset. */
    private static void assertOffsetHoldsAnLsn(ConnectCluster connect, String name, String prefix) throws Exception {
        ConnectCluster.Reply offsets = connect.get("w1", "/connectors/" + name + "/offsets");
        assertThat(offsets.status()).as("%s", offsets.body()).isEqualTo(200);
        System.out.printf("Debezium's offsets of %s: %s%n", name, offsets.body());
        JsonNode offset = offsets.body().path("offsets").get(0);
        assertThat(offset.path("partition").path("server").asText()).isEqualTo(prefix);
        assertThat(offset.path("offset").path("lsn").isIntegralNumber()).as("Debezium's lsn in %s", offset).isTrue();
        assertThat(offset.path("offset").path("lsn").asLong()).isPositive();
    }

    /** Deletes the connector and waits until its task let go of the replication slot, so the slot can be dropped. */
    private static void deleteAndAwaitSlotReleased(ConnectCluster connect, String name, ReplicatedPostgresTable table)
            throws Exception {
        assertThat(connect.delete("w1", "/connectors/" + name).status()).isEqualTo(204);
        await().atMost(Duration.ofSeconds(30)).until(() -> !table.slotActive());
    }

    private static void awaitRunning(ConnectCluster connect, String name) {
        await().atMost(EVENTS).untilAsserted(() -> {
            JsonNode status = connect.get("w1", "/connectors/" + name + "/status").body();
            assertThat(status.path("tasks").path(0).path("state").asText()).as("%s", status).isEqualTo("RUNNING");
        });
    }

    /** The first {@code count} events of the topic, as {@link #event} describes them; fails when fewer arrive. */
    private static List<String> awaitEvents(FerryCluster kafka, ConnectCluster connect, ReplicatedPostgresTable table, String topic,
            int count) throws Exception {
        List<String> events = events(kafka.consume(topic, count, EVENTS));
        if (events.size() < count) {
            throw new AssertionError(count + " events expected on " + topic + ", " + events.size() + " arrived: " + events
                    + "\n" + table.diagnosis() + "\nworker log:\n" + connect.logTail("w1"));
        }
        return events.subList(0, count);
    }

    /** Waits until the topic holds {@code count} records; fails with the slot's state and the worker's log. */
    private static void awaitRecords(FerryCluster kafka, ConnectCluster connect, ReplicatedPostgresTable table, String topic,
            int count) throws Exception {
        long deadline = System.nanoTime() + EVENTS.toNanos();
        while (kafka.recordCount(topic) < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(count + " records expected on " + topic + ", " + kafka.recordCount(topic) + " arrived\n"
                        + table.diagnosis() + "\nworker log:\n" + connect.logTail("w1"));
            }
            Thread.sleep(200);
        }
    }

    private static List<String> events(List<ConsumerRecord<String, String>> records) throws Exception {
        List<String> events = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            events.add(event(record));
        }
        return events;
    }

    /** {@code "<op> <before> -> <after>"} from JsonConverter's envelope, or {@code "tombstone <key>"}. */
    private static String event(ConsumerRecord<String, String> record) throws Exception {
        if (record.value() == null) {
            return "tombstone " + ConnectCluster.JSON.readTree(record.key()).path("payload");
        }
        JsonNode payload = ConnectCluster.JSON.readTree(record.value()).path("payload");
        return payload.path("op").asText() + " " + payload.path("before") + " -> " + payload.path("after");
    }

    private static List<ConsumerRecord<Object, Object>> consumeAvro(FerryCluster kafka, String registryUrl, String topic, int count) {
        KafkaAvroDeserializer keys = new KafkaAvroDeserializer();
        keys.configure(Map.of("schema.registry.url", registryUrl), true);
        KafkaAvroDeserializer values = new KafkaAvroDeserializer();
        values.configure(Map.of("schema.registry.url", registryUrl), false);
        try (var consumer = kafka.consumer(keys, values, Map.of())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<Object, Object>> records = new ArrayList<>();
            long deadline = System.nanoTime() + EVENTS.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }
}
