package io.ferry.connectors.datagen;

import static io.ferry.connectors.datagen.DatagenWorkerFixture.awaitRecords;
import static io.ferry.connectors.datagen.DatagenWorkerFixture.connector;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import io.ferry.connect.herder.ConfigInfo;
import io.ferry.connect.herder.ConfigInfos;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.server.StandaloneConnect;
import io.ferry.connectors.datagen.DatagenWorkerFixture.Generated;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The connector in Ferry's standalone Connect runtime on a real broker: what lands in the topic, and restarts. */
class DatagenSourceIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static final String ORDER_SCHEMA = """
            {"type": "record", "namespace": "shop", "name": "Order", "fields": [
              {"name": "id", "type": {"type": "long", "arg.properties": {"iteration": {"start": 1000}}}},
              {"name": "customer", "type": {"type": "string", "arg.properties": {"regex": "C-[0-9]{4}"}}},
              {"name": "amount", "type": {"type": "double", "arg.properties": {"range": {"min": 1, "max": 500}}}},
              {"name": "note", "type": ["null", {"type": "string", "arg.properties": {"length": 4}}]}
            ]}""";

    @TempDir
    Path dir;

    @Test
    void shouldWriteIterationsRecordsOfEachTaskShapedByTheSchema(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("orders");
        Map<String, String> config = connector("orders", topic, "tasks.max", "2", "iterations", "60",
                "records.per.second", "0", "poll.max.records", "7", "schema.string", ORDER_SCHEMA, "schema.keyfield", "customer");
        try (StandaloneConnect connect = DatagenWorkerFixture.start(DatagenWorkerFixture.workerSettings(cluster, dir), config)) {
            List<Generated> records = awaitRecords(cluster, topic, 120);
            Thread.sleep(1000); // the tasks idle now: nothing more arrives
            assertThat(cluster.recordCount(topic)).isEqualTo(120);
            for (int task = 0; task < 2; task++) {
                int number = task;
                List<Generated> ofTask = records.stream().filter(record -> record.task() == number).toList();
                assertThat(ofTask).extracting(Generated::sequence).containsExactlyElementsOf(LongStream.range(0, 60).boxed().toList());
                assertThat(ofTask).extracting(record -> ((Number) record.value().get("id")).longValue())
                        .containsExactlyElementsOf(LongStream.range(1000, 1060).boxed().toList());
            }
            assertThat(records).allSatisfy(record -> {
                assertThat(record.value()).containsOnlyKeys("id", "customer", "amount", "note");
                assertThat(record.key()).isEqualTo(record.value().get("customer")).matches("C-[0-9]{4}");
                assertThat(((Number) record.value().get("amount")).doubleValue()).isBetween(1.0, 500.0);
            });
            assertThat(records).extracting(record -> record.value().get("note")).contains((Object) null)
                    .anySatisfy(note -> assertThat(note).asString().hasSize(4));
            await().atMost(DatagenWorkerFixture.WAIT).untilAsserted(() -> assertThat(offsets(connect, "orders"))
                    .isEqualTo(Map.of(Map.of("task", 0), Map.of("position", 60L), Map.of("task", 1), Map.of("position", 60L))));
        }
    }

    @Test
    void shouldResumeAtTheSavedOffsetWithoutAGapOrADuplicate(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("trades");
        Map<String, String> config = connector("trades", topic, "quickstart", "stock_trades", "records.per.second", "400");
        Map<String, String> settings = DatagenWorkerFixture.workerSettings(cluster, dir);
        long firstRun;
        try (StandaloneConnect connect = DatagenWorkerFixture.start(settings, config)) {
            awaitRecords(cluster, topic, 200);
        } // a graceful stop flushes the offsets of every record the broker acknowledged
        firstRun = cluster.recordCount(topic);
        try (StandaloneConnect connect = DatagenWorkerFixture.start(settings, config)) {
            awaitRecords(cluster, topic, firstRun + 200);
        }
        List<Generated> records = DatagenWorkerFixture.records(cluster, topic);
        assertThat(records).extracting(Generated::sequence)
                .as("one record per sequence number, from 0 on, across the restart")
                .containsExactlyElementsOf(LongStream.range(0, records.size()).boxed().toList());
        assertThat(records.get((int) firstRun).sequence()).isEqualTo(firstRun);
    }

    @Test
    void shouldGenerateTheSameRecordsAgainWithTheSameSeed(FerryCluster cluster) throws Exception {
        String first = cluster.uniqueTopicName("pageviews");
        String second = cluster.uniqueTopicName("pageviews");
        Map<String, String> settings = DatagenWorkerFixture.workerSettings(cluster, dir);
        for (String topic : List.of(first, second)) {
            Map<String, String> config = connector("views-" + topic, topic, "quickstart", "pageviews", "iterations", "50",
                    "records.per.second", "0", "random.seed", "99");
            try (StandaloneConnect connect = DatagenWorkerFixture.start(settings, config)) {
                awaitRecords(cluster, topic, 50);
            }
        }
        List<Generated> a = DatagenWorkerFixture.records(cluster, first);
        List<Generated> b = DatagenWorkerFixture.records(cluster, second);
        assertThat(a).hasSize(50).isEqualTo(b);
        assertThat(a).extracting(record -> ((Number) record.value().get("viewtime")).longValue())
                .containsExactlyElementsOf(LongStream.range(0, 50).map(n -> 1 + 10 * n).boxed().toList());
    }

    @Test
    void shouldProduceValidUsersFromTheQuickstart(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("users");
        Map<String, String> config = connector("users", topic, "quickstart", "users", "max.interval", "5", "iterations", "40");
        try (StandaloneConnect connect = DatagenWorkerFixture.start(DatagenWorkerFixture.workerSettings(cluster, dir), config)) {
            DatagenWorkerFixture.awaitRunning(connect, "users", 1);
            List<Generated> records = awaitRecords(cluster, topic, 40);
            assertThat(records).hasSize(40).allSatisfy(record -> {
                assertThat(record.value()).containsOnlyKeys("registertime", "userid", "regionid", "gender");
                assertThat(record.key()).isEqualTo(record.value().get("userid")).matches("User_[1-9]");
                assertThat((String) record.value().get("regionid")).matches("Region_[1-9]");
                assertThat(record.value().get("gender")).isIn("MALE", "FEMALE", "OTHER");
                assertThat(((Number) record.value().get("registertime")).longValue()).isBetween(1487715775521L, 1519273364599L);
            });
        }
    }

    @Test
    void shouldRefuseABadSchemaInValidateOnTheKeyThatHoldsIt(FerryCluster cluster) throws Exception {
        Map<String, String> bad = connector("bad", "unused", "schema.string",
                "{\"type\":\"record\",\"name\":\"Row\",\"fields\":[{\"name\":\"when\",\"type\":{\"type\":\"string\","
                        + "\"arg.properties\":{\"regex\":\"(a)\\\\1\"}}}]}");
        Map<String, String> good = connector("good", cluster.uniqueTopicName("good"), "quickstart", "orders", "records.per.second", "5");
        try (StandaloneConnect connect = DatagenWorkerFixture.start(DatagenWorkerFixture.workerSettings(cluster, dir), good)) {
            ConfigInfos infos = connect.herder().validateConnectorConfig(new HashMap<>(bad));
            Map<String, List<String>> errors = infos.configs().stream().filter(info -> !info.value().errors().isEmpty())
                    .collect(Collectors.toMap(info -> info.value().name(), info -> info.value().errors()));
            assertThat(infos.errorCount()).isEqualTo(1);
            assertThat(errors).containsOnlyKeys("schema.string");
            assertThat(errors.get("schema.string")).singleElement().asString().contains("field Row.when").contains("\\1");
            assertThat(infos.configs()).extracting(ConfigInfo::value).extracting(value -> value.name())
                    .containsAll(Set.of("kafka.topic", "quickstart", "schema.filename", "records.per.second"));
        }
    }

    private static Map<Map<String, Object>, Map<String, Object>> offsets(StandaloneConnect connect, String name) throws Exception {
        Map<Map<String, Object>, Map<String, Object>> offsets = new HashMap<>();
        for (ConnectorOffsets.Offset offset : connect.herder().connectorOffsets(name).get().offsets()) {
            Map<String, Object> value = new HashMap<>();
            offset.offset().forEach((key, number) -> value.put(key, ((Number) number).longValue()));
            Map<String, Object> partition = new HashMap<>();
            offset.partition().forEach((key, number) -> partition.put(key, ((Number) number).intValue()));
            offsets.put(partition, value);
        }
        return offsets;
    }
}
