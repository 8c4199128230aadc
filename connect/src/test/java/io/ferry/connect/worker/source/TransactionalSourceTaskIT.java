package io.ferry.connect.worker.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import io.ferry.connect.model.TaskId;
import io.ferry.connect.storage.OffsetCodec;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.connect.storage.kafka.KafkaOffsetStore;
import io.ferry.connect.testplugins.NumberedSourceTask;
import io.ferry.connect.worker.ExactlyOnceSources;
import io.ferry.connect.worker.Worker;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Exactly-once source tasks run by workers on a real broker: what a read_committed consumer sees, and the offsets stored. */
class TransactionalSourceTaskIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final TaskId TASK = new TaskId("numbers", 0);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static List<String> numbers(long from, long to) {
        return LongStream.range(from, to).mapToObj(n -> "0-" + n).toList();
    }

    /** The offset the worker's offset view holds for the task's source partition. */
    private static Map<String, Object> storedOffset(ExactlyOnceWorkers workers) {
        try (KafkaOffsetStore store = new KafkaOffsetStore(KafkaOffsetStore.Settings.from(workers.config()))) {
            store.start();
            return new SourceOffsets("numbers", store, new OffsetCodec()).offset(Map.of("task", 0));
        }
    }

    @Test
    void shouldWriteEveryRecordOnceWithOneTransactionPerPoll(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 3);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "200", "batch.size", "10"));

            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 200);
            assertThat(workers.sourceTaskMetric("w1", "transaction-size-max")).isEqualTo(10.0);
            worker.stopAndAwaitTasks(List.of(TASK));

            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(numbers(0, 200));
            assertThat(NumberedSourceTask.calls(topic).commits.get()).as("one commit per non-empty poll").isEqualTo(20);
            assertThat(storedOffset(workers)).isEqualTo(Map.of("n", 199L));
            assertThat(workers.failures).isEmpty();
        }
    }

    @Test
    void shouldResumeAfterTheLastCommittedRecordWhenRestarted(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "50", "batch.size", "5"));
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 50);
            worker.stopAndAwaitTasks(List.of(TASK));

            Worker restarted = workers.startWorker("w2");
            workers.startTask(restarted, ExactlyOnceWorkers.connector(topic, "records", "80", "batch.size", "5"));
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 80);
            restarted.stopAndAwaitTasks(List.of(TASK));

            assertThat(NumberedSourceTask.calls(topic).firstNumber.get()).isEqualTo(50);
            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(numbers(0, 80));
        }
    }

    @Test
    void shouldFailAFencedTaskWhileTheNewInstanceResumesWithoutDuplicates(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 2);
        Map<String, String> slow = ExactlyOnceWorkers.connector(topic, "records", "300", "batch.size", "5", "poll.delay.ms", "20");
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker first = workers.startWorker("w1");
            workers.startTask(first, slow);
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 40);

            Worker second = workers.startWorker("w2");
            workers.startTask(second, slow);

            await().atMost(WAIT).until(() -> workers.failures.containsKey(TASK));
            assertThat(workers.failures.get(TASK)).hasMessageContaining("was fenced out: another instance of this task took over");
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 300
                    && NumberedSourceTask.calls(topic).firstNumber.get() > 0);
            await().atMost(WAIT).untilAsserted(() -> assertThat(storedOffset(workers)).isEqualTo(Map.of("n", 299L)));
            second.stopAndAwaitTasks(List.of(TASK));

            assertThat(NumberedSourceTask.calls(topic).firstNumber.get()).as("the second instance resumed").isGreaterThanOrEqualTo(40);
            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(numbers(0, 300));
        }
    }

    @Test
    void shouldFailATaskWhoseProducerTheLeaderFencedOut(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "batch.size", "5", "poll.delay.ms", "20"));
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 20);

            ZombieFencing fencing = new ZombieFencing(cluster.admin(), ExactlyOnceSources.from(workers.config()).transactionalIds(),
                    Duration.ofSeconds(30));
            assertThat(fencing.transactionalIds("numbers", 2)).containsExactly(workers.group() + "-numbers-0", workers.group() + "-numbers-1");
            fencing.fence("numbers", 1);

            await().atMost(WAIT).until(() -> workers.failures.containsKey(TASK));
            // A commit that meets the fencing in flight is refused with an epoch error or, at that very moment, with the
            // coordinator's unexpected-error answer; either way the task stops and says it was fenced.
            assertThat(workers.failures.get(TASK).getMessage()).containsAnyOf("was fenced out: another instance of this task took over",
                    "which it gives when the task is fenced out at that moment");
            List<String> committed = workers.committedValues(topic);
            assertThat(committed).doesNotHaveDuplicates().containsAll(numbers(0, 20));
            long stored = ((Number) storedOffset(workers).get("n")).longValue();
            assertThat(committed).as("records and offsets committed together").containsExactlyInAnyOrderElementsOf(numbers(0, stored + 1));
        }
    }

    @Test
    void shouldNotStartATaskTheHerderNoLongerWantsBeforeItFencesAnything(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker current = workers.startWorker("w1");
            workers.startTask(current, ExactlyOnceWorkers.connector(topic, "batch.size", "5", "poll.delay.ms", "20"));
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 10);

            Worker late = workers.startWorker("w2", id -> {
                throw new org.apache.kafka.connect.errors.ConnectException("task " + id + " belongs to an older generation");
            });
            workers.startTask(late, ExactlyOnceWorkers.connector(topic, "batch.size", "5", "poll.delay.ms", "20"));

            await().atMost(WAIT).until(() -> workers.failures.containsKey(TASK));
            assertThat(workers.failures.get(TASK)).hasMessage("task numbers-0 belongs to an older generation");
            long before = NumberedSourceTask.calls(topic).committedRecords.get();
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= before + 20);
            current.stopAndAwaitTasks(List.of(TASK));
            assertThat(workers.committedValues(topic)).as("the current instance was not fenced").doesNotHaveDuplicates()
                    .hasSizeGreaterThanOrEqualTo((int) before + 20);
        }
    }

    @Test
    void shouldNotReportAsFailedATaskThatFailsItsStartCheckAfterTheWorkerAskedItToStop(FerryCluster cluster) throws Exception {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        java.util.concurrent.CountDownLatch stopAsked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger checks = new java.util.concurrent.atomic.AtomicInteger();
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            // The check after initTransactions() refuses the task: a new plan took it away while it started, and the
            // worker is stopping it. Its successor may already run elsewhere, so this instance must not say FAILED.
            Worker worker = workers.startWorker("w1", id -> {
                if (checks.incrementAndGet() == 2) {
                    try {
                        stopAsked.await(30, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new org.apache.kafka.connect.errors.ConnectException("Task " + id + " is no longer assigned to worker w1");
                }
            });
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "batch.size", "5", "poll.delay.ms", "20"));
            await().atMost(WAIT).until(() -> checks.get() == 2);

            java.util.concurrent.CompletableFuture<Void> stopped = java.util.concurrent.CompletableFuture.runAsync(
                    () -> worker.stopAndAwaitTasks(List.of(TASK)));
            Thread.sleep(300); // stopAndAwaitTasks asks the task to stop before it waits
            stopAsked.countDown();
            stopped.get(30, java.util.concurrent.TimeUnit.SECONDS);

            assertThat(workers.failures).as("failures reported").doesNotContainKey(TASK);
            assertThat(workers.shutdowns).contains(TASK);
            assertThat(workers.committedValues(topic)).as("it never ran").isEmpty();
        }
    }

    @Test
    void shouldCommitOnTheIntervalRatherThanEveryPoll(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "100", "batch.size", "2", "poll.delay.ms", "10",
                    "transaction.boundary", "interval", "transaction.boundary.interval.ms", "500"));

            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 100);
            worker.stopAndAwaitTasks(List.of(TASK));

            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(numbers(0, 100));
            assertThat(NumberedSourceTask.calls(topic).commits.get()).as("50 polls of at least 10 ms each, a commit every 500 ms")
                    .isBetween(1L, 25L);
        }
    }

    @Test
    void shouldCommitTheOpenTransactionWhenTheTaskIsPaused(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "30", "batch.size", "10",
                    "transaction.boundary", "interval", "transaction.boundary.interval.ms", "600000"));
            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).polledRecords.get() >= 30);
            assertThat(workers.committedValues(topic)).as("nothing committed before the interval").isEmpty();

            worker.setTaskTargetState(TASK, io.ferry.connect.model.TargetState.PAUSED);

            await().atMost(WAIT).until(() -> NumberedSourceTask.calls(topic).committedRecords.get() >= 30);
            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(numbers(0, 30));
            worker.stopAndAwaitTasks(List.of(TASK));
        }
    }

    @Test
    void shouldCommitAndAbortWhereTheConnectorSaysAndHideAbortedRecords(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "100", "batch.size", "7",
                    "transaction.boundary", "connector", "commit.every", "5", "abort.every", "20"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(storedOffset(workers)).isEqualTo(Map.of("n", 99L)));
            worker.stopAndAwaitTasks(List.of(TASK));

            List<String> visible = LongStream.range(0, 100).filter(n -> n % 20 < 15).mapToObj(n -> "0-" + n).toList();
            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(visible);
            assertThat(NumberedSourceTask.calls(topic).committedRecords.get()).as("commitRecord with metadata for committed records")
                    .isEqualTo(75);
            assertThat(workers.failures).isEmpty();
        }
    }

    @Test
    void shouldSkipRecordsThatCannotBeConvertedAndStillCommitTheirOffsets(FerryCluster cluster) {
        String topic = cluster.uniqueTopicName("numbers");
        cluster.createTopic(topic, 1);
        try (ExactlyOnceWorkers workers = new ExactlyOnceWorkers(cluster)) {
            Worker worker = workers.startWorker("w1");
            workers.startTask(worker, ExactlyOnceWorkers.connector(topic, "records", "50", "batch.size", "10", "bad.every", "10",
                    "value.converter", "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable", "false",
                    "errors.tolerance", "all"));

            await().atMost(WAIT).untilAsserted(() -> assertThat(storedOffset(workers)).isEqualTo(Map.of("n", 49L)));
            worker.stopAndAwaitTasks(List.of(TASK));

            List<String> good = LongStream.range(0, 50).filter(n -> (n + 1) % 10 != 0).mapToObj(n -> "\"0-" + n + "\"").toList();
            assertThat(workers.committedValues(topic)).containsExactlyInAnyOrderElementsOf(good);
            assertThat(workers.failures).isEmpty();
        }
    }
}
