package io.ferry.connectors.jdbc.sink;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.ferry.connect.model.TargetState;
import io.ferry.connect.server.ConnectorRequest;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.jdbc.testing.TestDatabase;
import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * A standalone Ferry worker on the test cluster running the JDBC sink, and records produced as
 * JsonConverter writes them (with schemas, or as plain JSON).
 */
final class JdbcSinkFixture {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String NAME = "jdbc-sink";

    private JdbcSinkFixture() {
    }

    /** One record to produce: key and value with their schemas; a null value is a tombstone. */
    record Message(Schema keySchema, Object key, Schema valueSchema, Object value) {
        static Message of(Schema keySchema, Object key, Schema valueSchema, Object value) {
            return new Message(keySchema, key, valueSchema, value);
        }
    }

    static Map<String, String> workerSettings(FerryCluster cluster, Path dir) {
        Map<String, String> settings = new HashMap<>();
        settings.put("bootstrap.servers", cluster.bootstrapServers());
        settings.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        settings.put("offset.storage.file.filename", dir.resolve("connect.offsets").toString());
        settings.put("offset.flush.interval.ms", "500");
        settings.put("listeners", "http://127.0.0.1:0");
        return settings;
    }

    /** A sink of the topic into the database, with schemaful JSON keys and values; {@code pairs} add or override settings. */
    static Map<String, String> sink(String topic, TestDatabase db, String... pairs) {
        Map<String, String> config = new HashMap<>(db.connectionSettings());
        config.put("name", NAME);
        config.put("connector.class", JdbcSinkConnector.class.getName());
        config.put("tasks.max", "1");
        config.put("topics", topic);
        // Converter settings apply only with the converter named in the connector's own config.
        config.put("key.converter", JsonConverter.class.getName());
        config.put("value.converter", JsonConverter.class.getName());
        config.put("key.converter.schemas.enable", "true");
        config.put("value.converter.schemas.enable", "true");
        config.put("retry.backoff.ms", "200");
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    /** Sends bad records to a dead-letter topic with the worker's error headers. */
    static void withDeadLetterQueue(Map<String, String> config, String dlq) {
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
    }

    static StandaloneConnect start(FerryCluster cluster, Path dir, Map<String, String> config) {
        return StandaloneConnect.start(workerSettings(cluster, dir),
                List.of(new ConnectorRequest(config.get("name"), config, TargetState.STARTED)), "test");
    }

    /** Produces the messages in order to partition 0, serialised by JsonConverter with schemas. */
    static void produce(FerryCluster cluster, String topic, List<Message> messages) {
        JsonConverter keys = converter(true, true);
        JsonConverter values = converter(false, true);
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            for (Message message : messages) {
                byte[] key = message.key() == null ? null : keys.fromConnectData(topic, message.keySchema(), message.key());
                byte[] value = message.value() == null ? null : values.fromConnectData(topic, message.valueSchema(), message.value());
                producer.send(new ProducerRecord<>(topic, 0, key, value));
            }
            producer.flush();
        }
    }

    /** Produces plain JSON texts (for {@code schemas.enable=false}); a null value is a tombstone. */
    static void produceJson(FerryCluster cluster, String topic, List<String[]> keyValues) {
        try (KafkaProducer<byte[], byte[]> producer = cluster.producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            for (String[] pair : keyValues) {
                producer.send(new ProducerRecord<>(topic, 0, bytes(pair[0]), bytes(pair[1])));
            }
            producer.flush();
        }
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static JsonConverter converter(boolean isKey, boolean schemas) {
        JsonConverter converter = new JsonConverter();
        converter.configure(Map.of("schemas.enable", String.valueOf(schemas), "decimal.format", "NUMERIC"), isKey);
        return converter;
    }

    /** Waits until the query's single value (a row count) reaches {@code expected}. */
    static void awaitCount(TestDatabase db, String table, long expected) {
        await().atMost(WAIT).ignoreExceptions().until(() -> count(db, table) == expected);
    }

    static long count(TestDatabase db, String table) throws SQLException {
        return ((Number) db.queryValue("SELECT COUNT(*) FROM " + table)).longValue();
    }

    static String taskState(StandaloneConnect connect) {
        var tasks = connect.herder().connectorStatus(NAME).tasks();
        return tasks.isEmpty() ? "NONE" : tasks.get(0).state().state().name();
    }

    static String taskTrace(StandaloneConnect connect) {
        return connect.herder().connectorStatus(NAME).tasks().get(0).state().trace();
    }

    static String header(ConsumerRecord<?, ?> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
