package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.converters.LongConverter;
import io.ferry.connect.errors.RawRecords;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.testplugins.Recordings;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.LongSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker whose file names Apache's runtime converters by their Apache class names, as existing
 * {@code connect-standalone.properties} do: it starts, writes the bytes Apache's converters write (a
 * {@code LongSerializer} key, the value's bytes unchanged) and reads them back, and its REST API answers
 * for those names.
 */
class ApacheRuntimeConvertersIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String APACHE = "org.apache.kafka.connect.converters.";
    private static final int RECORDS = 100;

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private Map<String, String> workerNamingApachesConverters(FerryCluster cluster) {
        Map<String, String> settings = WorkerFixture.workerSettings(cluster, dir);
        settings.put("key.converter", APACHE + "LongConverter");
        settings.put("value.converter", APACHE + "ByteArrayConverter");
        settings.put("header.converter", APACHE + "ByteArrayConverter");
        return settings;
    }

    private static byte[] valueOf(long n) {
        return ("0-" + n).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void shouldWriteAndReadTheBytesOfApachesLongAndByteArrayConverters(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("apache-converters");
        cluster.createTopic(topic, 1);
        Map<String, String> source = Map.of("name", "typed-source", "connector.class", "SequenceSource", "tasks.max", "1",
                "topic", topic, "records.per.partition", Integer.toString(RECORDS), "typed.records", "true");
        Map<String, String> sink = Map.of("name", "apache-named-sink", "connector.class", "RecordingSink", "topics", topic);

        try (StandaloneConnect connect = WorkerFixture.start(workerNamingApachesConverters(cluster),
                new ConnectorRequest("typed-source", source, TargetState.STARTED),
                new ConnectorRequest("apache-named-sink", sink, TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> Recordings.of("apache-named-sink").records().size() >= RECORDS);
        }

        assertThat(WorkerFixture.recordCount(cluster, topic)).isEqualTo(RECORDS);
        List<ConsumerRecord<byte[], byte[]>> written = RawRecords.read(cluster, topic, RECORDS);
        assertThat(written).hasSize(RECORDS);
        LongSerializer longs = new LongSerializer();
        for (int n = 0; n < RECORDS; n++) {
            ConsumerRecord<byte[], byte[]> record = written.get(n);
            assertThat(record.key()).as("key %d", n).isEqualTo(longs.serialize(topic, (long) n));
            assertThat(record.value()).as("value %d", n).isEqualTo(valueOf(n));
            assertThat(record.headers().lastHeader("seq").value()).as("header %d", n).isEqualTo(valueOf(n));
        }

        List<SinkRecord> read = Recordings.of("apache-named-sink").records().subList(0, RECORDS);
        for (int n = 0; n < RECORDS; n++) {
            SinkRecord record = read.get(n);
            assertThat(record.keySchema()).isEqualTo(Schema.OPTIONAL_INT64_SCHEMA);
            assertThat(record.key()).isEqualTo((long) n);
            assertThat(record.valueSchema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
            assertThat((byte[]) record.value()).isEqualTo(valueOf(n));
            assertThat(record.headers().lastWithName("seq").schema()).isEqualTo(Schema.OPTIONAL_BYTES_SCHEMA);
            assertThat((byte[]) record.headers().lastWithName("seq").value()).isEqualTo(valueOf(n));
        }
    }

    @Test
    void shouldAnswerForApachesConverterNamesOverRest(FerryCluster cluster) {
        try (StandaloneConnect connect = WorkerFixture.start(workerNamingApachesConverters(cluster))) {
            ConnectHttp http = new ConnectHttp(connect.restUrl());

            Reply config = http.get("/connector-plugins/" + APACHE + "LongConverter/config");
            assertThat(config.status()).isEqualTo(200);
            assertThat(config.json().findValuesAsText("name")).containsExactly("converter.type");

            Map<String, String> sink = new HashMap<>(Map.of("name", "validated", "connector.class", "RecordingSink", "topics", "t",
                    "key.converter", APACHE + "IntegerConverter", "value.converter", APACHE + "DoubleConverter",
                    "header.converter", APACHE + "BooleanConverter"));
            Reply valid = http.put("/connector-plugins/RecordingSink/config/validate", ConnectHttp.json(sink));
            assertThat(valid.status()).isEqualTo(200);
            assertThat(valid.json().path("error_count").asInt()).as(valid.body()).isZero();

            sink.put("value.converter", APACHE + "NoSuchConverter");
            Reply invalid = http.put("/connector-plugins/RecordingSink/config/validate", ConnectHttp.json(sink));
            assertThat(invalid.json().path("error_count").asInt()).isEqualTo(1);
            assertThat(invalid.body()).contains("Class " + APACHE + "NoSuchConverter could not be found.");

            JsonNode listed = http.get("/connector-plugins?connectorsOnly=false").json();
            List<String> converters = new ArrayList<>();
            listed.forEach(plugin -> {
                if (plugin.path("type").asText().equals("converter")) {
                    converters.add(plugin.path("class").asText());
                }
            });
            assertThat(converters).contains(LongConverter.class.getName()).doesNotContain(APACHE + "LongConverter");
        }
    }
}
