package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import io.ferry.connect.herder.BadRequestException;
import io.ferry.connect.herder.ConnectorOffsets;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.herder.standalone.StandaloneHerder;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TargetState;
import io.ferry.connect.model.TaskId;
import io.ferry.connect.testplugins.Recordings;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.errors.NotFoundException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** A standalone worker driven through its herder: delivery, restarts, target states, offsets. */
class StandaloneHerderIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    @TempDir
    Path dir;

    private static ConnectorRequest sequenceSource(String name, String topic, long perPartition) {
        Map<String, String> config = new HashMap<>();
        config.put("name", name);
        config.put("connector.class", "SequenceSource");
        config.put("tasks.max", "2");
        config.put("topic", topic);
        config.put("source.partitions", "2");
        config.put("records.per.partition", Long.toString(perPartition));
        config.put("batch.size", "50");
        return new ConnectorRequest(name, config, TargetState.STARTED);
    }

    private static Set<String> values(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(ConsumerRecord::value).collect(Collectors.toSet());
    }

    @Test
    void shouldResumeFromCommittedOffsetsAfterAGracefulRestartWithoutLossOrDuplicates(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("sequence");
        cluster.createTopic(topic, 2);
        ConnectorRequest source = sequenceSource("sequence", topic, 5000);
        source.config().put("poll.delay.ms", "10");
        Map<String, String> settings = WorkerFixture.workerSettings(cluster, dir);

        try (StandaloneConnect connect = WorkerFixture.start(settings, source)) {
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) >= 500);
        }
        long afterFirstRun = WorkerFixture.recordCount(cluster, topic);
        assertThat(afterFirstRun).isLessThan(10000);

        try (StandaloneConnect connect = WorkerFixture.start(settings, source)) {
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) >= 10000);
        }
        List<ConsumerRecord<String, String>> all = cluster.consumeAll(topic, Duration.ofSeconds(20));
        Set<String> expected = new HashSet<>();
        for (int partition = 0; partition < 2; partition++) {
            for (int n = 0; n < 5000; n++) {
                expected.add(partition + "-" + n);
            }
        }
        assertThat(all).hasSize(10000);
        assertThat(values(all)).isEqualTo(expected);
    }

    @Test
    void shouldPauseResumeAndStopAConnectorAndItsTasks(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("states");
        cluster.createTopic(topic, 1);
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                sequenceSource("states", topic, Long.MAX_VALUE))) {
            StandaloneHerder herder = connect.herder();
            await().atMost(WAIT).until(() -> allIn(herder.connectorStatus("states"), State.RUNNING, 2));

            herder.pauseConnector("states").get();
            await().atMost(WAIT).until(() -> allIn(herder.connectorStatus("states"), State.PAUSED, 2));
            long paused = WorkerFixture.recordCount(cluster, topic);
            Thread.sleep(1000);
            assertThat(WorkerFixture.recordCount(cluster, topic)).isEqualTo(paused);

            herder.resumeConnector("states").get();
            await().atMost(WAIT).until(() -> allIn(herder.connectorStatus("states"), State.RUNNING, 2));
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) > paused);

            herder.stopConnector("states").get();
            ConnectorStatus stopped = herder.connectorStatus("states");
            assertThat(stopped.connector().state()).isEqualTo(State.STOPPED);
            assertThat(stopped.tasks()).isEmpty();
            assertThat(herder.connectorInfo("states").get().tasks()).isEmpty();

            herder.resumeConnector("states").get();
            await().atMost(WAIT).until(() -> allIn(herder.connectorStatus("states"), State.RUNNING, 2));
        }
    }

    private static boolean allIn(ConnectorStatus status, State state, int tasks) {
        return status.connector().state() == state && status.tasks().size() == tasks
                && status.tasks().stream().allMatch(task -> task.state().state() == state);
    }

    @Test
    void shouldReadAlterAndResetSourceOffsetsOnlyWhenStopped(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("offsets");
        cluster.createTopic(topic, 1);
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                sequenceSource("offsets", topic, 100))) {
            StandaloneHerder herder = connect.herder();
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) >= 200);
            ConnectorOffsets change = new ConnectorOffsets(List.of(new ConnectorOffsets.Offset(Map.of("p", 0), Map.of("n", 89))));

            assertThatThrownBy(() -> herder.alterConnectorOffsets("offsets", change).get())
                    .hasCauseInstanceOf(BadRequestException.class)
                    .hasMessageContaining("Connectors must be in the STOPPED state before their offsets can be modified");

            herder.stopConnector("offsets").get();
            await().atMost(WAIT).untilAsserted(() -> assertThat(herder.connectorOffsets("offsets").get().offsets())
                    .extracting(ConnectorOffsets.Offset::partition, ConnectorOffsets.Offset::offset)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Map.of("p", 0L), Map.of("n", 99L)),
                            org.assertj.core.groups.Tuple.tuple(Map.of("p", 1L), Map.of("n", 99L))));

            assertThat(herder.alterConnectorOffsets("offsets", change).get().message())
                    .isEqualTo("The Connect framework-managed offsets for this connector have been altered successfully. However, if "
                            + "this connector manages offsets externally, they will need to be manually altered in the system that "
                            + "the connector uses.");
            herder.resumeConnector("offsets").get();
            // Partition 0 goes again from 90: ten records more.
            await().atMost(WAIT).until(() -> WorkerFixture.recordCount(cluster, topic) >= 210);
            herder.stopConnector("offsets").get();
            assertThat(herder.resetConnectorOffsets("offsets").get().message()).contains("have been reset successfully");
            assertThat(herder.connectorOffsets("offsets").get().offsets()).isEmpty();
        }
        assertThat(cluster.consumeAll(topic, Duration.ofSeconds(20)).stream().filter(r -> r.value().equals("0-95"))).hasSize(2);
    }

    @Test
    void shouldDeliverTheSameBatchAgainAfterARetriableFailureAndLoseNothing(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("retriable");
        cluster.createTopic(topic, 1);
        for (int i = 0; i < 100; i++) {
            cluster.produce(topic, "k" + i, "v" + i);
        }
        Map<String, String> sink = Map.of("name", "retrying-sink", "connector.class", "RecordingSink", "topics", topic,
                "retriable.failures", "3");
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("retrying-sink", sink, TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> Recordings.of("retrying-sink").values().size() >= 100);
            assertThat(Recordings.of("retrying-sink").retriableFailures()).isEqualTo(3);
        }
        List<Object> received = Recordings.of("retrying-sink").values();
        assertThat(received).hasSize(100).doesNotHaveDuplicates();
    }

    @Test
    void shouldReportATaskFailureWithItsTraceAndPlanAnAutomaticRestart(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("poison");
        cluster.createTopic(topic, 1);
        cluster.produce(topic, "k", "poison");
        Map<String, String> settings = WorkerFixture.workerSettings(cluster, dir);
        settings.put("ferry.task.restart.enable", "true");
        settings.put("ferry.task.restart.initial.delay.ms", "60000");
        Map<String, String> sink = Map.of("name", "failing-sink", "connector.class", "RecordingSink", "topics", topic,
                "fail.on.value", "poison");
        try (StandaloneConnect connect = WorkerFixture.start(settings, new ConnectorRequest("failing-sink", sink, TargetState.STARTED))) {
            StandaloneHerder herder = connect.herder();
            await().atMost(WAIT).until(() -> herder.taskStatus(new TaskId("failing-sink", 0)).state().state() == State.FAILED);
            await().atMost(WAIT).until(() -> herder.taskStatus(new TaskId("failing-sink", 0)).state().retry() != null);
            var failed = herder.taskStatus(new TaskId("failing-sink", 0)).state();
            assertThat(failed.trace()).contains("the sink cannot take poison");
            assertThat(failed.retry().attempt()).isEqualTo(1);
            assertThat(failed.retry().at()).isAfter(java.time.Instant.now().plusSeconds(30));
            assertThat(herder.connectorStatus("failing-sink").connector().state()).isEqualTo(State.RUNNING);

            var restarted = herder.restartConnector("failing-sink", true, true).get();
            assertThat(restarted.connector().state()).isEqualTo(State.RUNNING);
            assertThat(restarted.tasks()).singleElement().satisfies(task -> assertThat(task.state().state()).isEqualTo(State.RESTARTING));
        }
    }

    @Test
    void shouldApplyTransformationsOnlyWhereTheirPredicatesSay(FerryCluster cluster) throws Exception {
        String audit = cluster.uniqueTopicName("audit");
        String orders = cluster.uniqueTopicName("orders");
        cluster.createTopic(audit, 1);
        cluster.createTopic(orders, 1);
        cluster.produce(audit, "a", "audit-entry");
        ProducerRecord<String, String> traced = new ProducerRecord<>(orders, "o1", "traced-order");
        traced.headers().add("trace", "t-1".getBytes());
        cluster.produce(traced, new ProducerRecord<>(orders, "o2", "plain-order"));

        Map<String, String> sink = new HashMap<>();
        sink.put("name", "smt-sink");
        sink.put("connector.class", "io.ferry.connect.testplugins.RecordingSinkConnector");
        sink.put("topics", audit + "," + orders);
        sink.put("transforms", "dropAudit,tag");
        sink.put("transforms.dropAudit.type", "org.apache.kafka.connect.transforms.Filter");
        sink.put("transforms.dropAudit.predicate", "isAudit");
        sink.put("transforms.tag.type", "org.apache.kafka.connect.transforms.InsertHeader");
        sink.put("transforms.tag.header", "via");
        sink.put("transforms.tag.value.literal", "ferry");
        sink.put("transforms.tag.predicate", "hasTrace");
        sink.put("transforms.tag.negate", "true");
        sink.put("predicates", "isAudit,hasTrace");
        sink.put("predicates.isAudit.type", "org.apache.kafka.connect.transforms.predicates.TopicNameMatches");
        sink.put("predicates.isAudit.pattern", "audit-.*");
        sink.put("predicates.hasTrace.type", "org.apache.kafka.connect.transforms.predicates.HasHeaderKey");
        sink.put("predicates.hasTrace.name", "trace");
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("smt-sink", sink, TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> Recordings.of("smt-sink").values().size() >= 2);
            Thread.sleep(500);
        }
        Map<Object, SinkRecord> byValue = Recordings.of("smt-sink").records().stream()
                .collect(Collectors.toMap(SinkRecord::value, record -> record));
        assertThat(byValue).containsOnlyKeys("traced-order", "plain-order");
        assertThat(byValue.get("plain-order").headers().lastWithName("via").value()).isEqualTo("ferry");
        assertThat(byValue.get("traced-order").headers().lastWithName("via")).isNull();
    }

    @Test
    void shouldCallCommitRecordForEveryAcknowledgedRecordAndCommitAfterFlushes(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("callbacks");
        cluster.createTopic(topic, 1);
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                sequenceSource("callbacks", topic, 500))) {
            await().atMost(WAIT).until(() -> io.ferry.connect.testplugins.SourceCallbacks.of(topic).acknowledgedRecords() == 1000);
            await().atMost(WAIT).until(() -> io.ferry.connect.testplugins.SourceCallbacks.of(topic).commits() >= 2);
        }
        assertThat(WorkerFixture.recordCount(cluster, topic)).isEqualTo(1000);
    }

    private static Map<String, String> recordingSink(String name, String topic, String... settings) {
        Map<String, String> sink = new HashMap<>(Map.of("name", name, "connector.class", "RecordingSink", "topics", topic));
        for (int i = 0; i < settings.length; i += 2) {
            sink.put(settings[i], settings[i + 1]);
        }
        return sink;
    }

    @Test
    void shouldDeliverAgainFromTheOffsetASinkTaskRewindsTo(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("rewind");
        cluster.createTopic(topic, 1);
        for (int i = 0; i < 10; i++) {
            cluster.produce(topic, "k", "v" + i);
        }
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("rewinding", recordingSink("rewinding", topic, "rewind.once", "true"), TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> {
                List<Object> values = Recordings.of("rewinding").values();
                return values.size() > 10 && values.get(values.size() - 1).equals("v9");
            });
        }
        List<Object> received = Recordings.of("rewinding").values();
        assertThat(received.size()).isGreaterThan(10);
        assertThat(received.subList(received.size() - 10, received.size())).containsExactly(
                "v0", "v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9");
    }

    @Test
    void shouldCommitConsumerOffsetsAsSoonAsTheSinkTaskAsks(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("request-commit");
        cluster.createTopic(topic, 1);
        Map<String, String> settings = WorkerFixture.workerSettings(cluster, dir);
        settings.put("offset.flush.interval.ms", "600000");
        for (int i = 0; i < 20; i++) {
            cluster.produce(topic, "k", "v" + i);
        }
        try (StandaloneConnect connect = WorkerFixture.start(settings,
                new ConnectorRequest("committing", recordingSink("committing", topic, "request.commits", "true"), TargetState.STARTED))) {
            await().atMost(WAIT).untilAsserted(() -> assertThat(cluster.admin().listConsumerGroupOffsets("connect-committing")
                    .partitionsToOffsetAndMetadata().get()).containsValue(new org.apache.kafka.clients.consumer.OffsetAndMetadata(20)));
        }
    }

    @Test
    void shouldHoldBackThePartitionsASinkTaskPausesUntilItResumesThem(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("task-pause");
        cluster.createTopic(topic, 1);
        for (int i = 0; i < 5; i++) {
            cluster.produce(topic, "k", "early" + i);
        }
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir),
                new ConnectorRequest("pausing", recordingSink("pausing", topic, "pause.first.ms", "2000"), TargetState.STARTED))) {
            await().atMost(WAIT).until(() -> Recordings.of("pausing").pauseWindow()[0] >= 0);
            for (int i = 0; i < 5; i++) {
                cluster.produce(topic, "k", "late" + i);
            }
            await().atMost(WAIT).until(() -> Recordings.of("pausing").values().size() == 10);
        }
        int[] window = Recordings.of("pausing").pauseWindow();
        assertThat(window[1]).as("records received by the time the task resumed").isEqualTo(window[0]);
    }

    @Test
    void shouldRestartAFailedTaskByItselfWithAGrowingDelay(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("auto-restart");
        cluster.createTopic(topic, 1);
        cluster.produce(topic, "k", "poison");
        Map<String, String> settings = WorkerFixture.workerSettings(cluster, dir);
        settings.put("ferry.task.restart.enable", "true");
        settings.put("ferry.task.restart.initial.delay.ms", "200");
        try (StandaloneConnect connect = WorkerFixture.start(settings,
                new ConnectorRequest("restarting", recordingSink("restarting", topic, "fail.on.value", "poison"), TargetState.STARTED))) {
            TaskId task = new TaskId("restarting", 0);
            await().atMost(WAIT).until(() -> {
                var state = connect.herder().taskStatus(task).state();
                return state.retry() != null && state.retry().attempt() >= 3;
            });
            var retry = connect.herder().taskStatus(task).state().retry();
            assertThat(retry.at()).isAfter(java.time.Instant.now().minusSeconds(5));
        }
    }

    @Test
    void shouldAnswerNotFoundForUnknownConnectorsAndTasks(FerryCluster cluster) {
        try (StandaloneConnect connect = WorkerFixture.start(WorkerFixture.workerSettings(cluster, dir))) {
            StandaloneHerder herder = connect.herder();
            assertThatThrownBy(() -> herder.connectorStatus("ghost")).isInstanceOf(NotFoundException.class)
                    .hasMessage("No status found for connector ghost");
            assertThatThrownBy(() -> herder.connectorInfo("ghost").get()).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(NotFoundException.class).hasMessageContaining("Connector ghost not found");
            assertThatThrownBy(() -> herder.taskStatus(new TaskId("ghost", 0))).isInstanceOf(NotFoundException.class);
        }
    }
}
