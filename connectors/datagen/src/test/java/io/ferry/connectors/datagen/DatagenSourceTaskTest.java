package io.ferry.connectors.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.Test;

/** The task on a clock the test moves: pacing, iterations, resuming from an offset, and a prompt stop. */
class DatagenSourceTaskTest {
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private static Map<String, String> config(String... pairs) {
        Map<String, String> config = new HashMap<>(Map.of("kafka.topic", "users", "quickstart", "users", "datagen.task", "2"));
        for (int i = 0; i < pairs.length; i += 2) {
            config.put(pairs[i], pairs[i + 1]);
        }
        return config;
    }

    private DatagenSourceTask started(Map<String, Object> storedOffset, Map<String, String> config) {
        DatagenSourceTask task = new DatagenSourceTask(nanos::get);
        task.initialize(new Context(storedOffset));
        task.start(config);
        return task;
    }

    private static List<SourceRecord> pollAll(DatagenSourceTask task, int polls) throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        for (int i = 0; i < polls; i++) {
            List<SourceRecord> batch = task.poll();
            if (batch != null) {
                records.addAll(batch);
            }
        }
        return records;
    }

    private static long sequence(SourceRecord record) {
        return (Long) record.headers().lastWithName("datagen.sequence").value();
    }

    @Test
    void shouldMarkEachRecordWithItsTaskSequenceOffsetAndKey() throws Exception {
        List<SourceRecord> records = pollAll(started(null, config("records.per.second", "0", "poll.max.records", "10")), 1);
        assertThat(records).hasSize(10);
        for (int i = 0; i < records.size(); i++) {
            SourceRecord record = records.get(i);
            assertThat(record.sourcePartition()).isEqualTo(Map.of("task", 2));
            assertThat(record.sourceOffset()).isEqualTo(Map.of("position", i + 1L));
            assertThat(record.headers().lastWithName("datagen.task").value()).isEqualTo(2);
            assertThat(sequence(record)).isEqualTo(i);
            assertThat(record.topic()).isEqualTo("users");
            assertThat(record.key()).isEqualTo(((Struct) record.value()).getString("userid"));
        }
    }

    @Test
    void shouldResumeAtTheStoredPositionWithTheRecordsItWouldHaveMade() throws Exception {
        Map<String, String> config = config("records.per.second", "0", "poll.max.records", "20");
        List<SourceRecord> fromStart = pollAll(started(null, config), 1);
        List<SourceRecord> resumed = pollAll(started(Map.of("position", 12), config), 1);
        assertThat(sequence(resumed.get(0))).isEqualTo(12);
        assertThat(resumed.subList(0, 8)).extracting(SourceRecord::value)
                .containsExactlyElementsOf(fromStart.subList(12, 20).stream().map(SourceRecord::value).toList());
    }

    @Test
    void shouldIdleAfterItsIterations() throws Exception {
        DatagenSourceTask task = started(null, config("records.per.second", "0", "poll.max.records", "7", "iterations", "10"));
        List<SourceRecord> records = pollAll(task, 5);
        assertThat(records).extracting(DatagenSourceTaskTest::sequence).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        task.stop();
    }

    @Test
    void shouldCountIterationsFromTheStoredPosition() throws Exception {
        DatagenSourceTask task = started(Map.of("position", 8L), config("records.per.second", "0", "iterations", "10"));
        assertThat(pollAll(task, 3)).extracting(DatagenSourceTaskTest::sequence).containsExactly(8L, 9L);
    }

    @Test
    void shouldSpaceRecordsEvenlyAtTheGivenRate() throws Exception {
        DatagenSourceTask task = started(null, config("records.per.second", "10"));
        assertThat(task.poll()).isNull(); // the first record is due 100 ms after the start
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        assertThat(task.poll()).hasSize(10);
        assertThat(task.poll()).isNull();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(250));
        assertThat(task.poll()).hasSize(2);
    }

    @Test
    void shouldWaitNoLongerThanMaxIntervalBetweenRecords() throws Exception {
        DatagenSourceTask task = started(null, config("max.interval", "50"));
        int made = 0;
        for (int step = 0; step < 100; step++) {
            nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(50));
            List<SourceRecord> batch = task.poll();
            made += batch == null ? 0 : batch.size();
        }
        assertThat(made).as("100 gaps of at most 50 ms fit in 5 s, averaging 25 ms").isBetween(100, 400);
    }

    @Test
    void shouldReturnFromPollPromptlyWhenStopped() throws Exception {
        DatagenSourceTask task = new DatagenSourceTask();
        task.initialize(new Context(null));
        task.start(config("records.per.second", "0.001"));
        CompletableFuture<List<SourceRecord>> polling = CompletableFuture.supplyAsync(() -> {
            try {
                return task.poll();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(20);
        long stopAt = System.nanoTime();
        task.stop();
        assertThat(polling.get(1, TimeUnit.SECONDS)).isNull();
        // far below the 1000 s until the next record is due; the margin is for a loaded machine
        assertThat(Duration.ofNanos(System.nanoTime() - stopAt)).isLessThan(Duration.ofMillis(400));
        long pollAt = System.nanoTime();
        assertThat(task.poll()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - pollAt)).isLessThan(Duration.ofMillis(90));
    }

    @Test
    void shouldNeverWaitLongerThanAHundredMillisecondsInOnePoll() throws Exception {
        DatagenSourceTask task = new DatagenSourceTask();
        task.initialize(new Context(null));
        task.start(config("max.interval", "600000", "random.seed", "3"));
        long before = System.nanoTime();
        assertThat(task.poll()).isNull();
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("one wait of at most 100 ms, not the gap of up to 10 minutes")
                .isLessThan(Duration.ofMillis(400));
        task.stop();
    }

    @Test
    void shouldWriteHeadersAStringConverterCanRead() throws Exception {
        SourceRecord record = pollAll(started(null, config("records.per.second", "0", "poll.max.records", "1")), 1).get(0);
        assertThat(record.headers().lastWithName("datagen.sequence").value().toString().getBytes(StandardCharsets.UTF_8))
                .containsExactly('0');
    }

    private record Context(Map<String, Object> storedOffset) implements SourceTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public PluginMetrics pluginMetrics() {
            throw new UnsupportedOperationException();
        }

        @Override
        public OffsetStorageReader offsetStorageReader() {
            return new OffsetStorageReader() {
                @Override
                @SuppressWarnings("unchecked")
                public <T> Map<String, Object> offset(Map<String, T> partition) {
                    assertThat(partition).isEqualTo((Map<String, T>) Map.of("task", 2));
                    return storedOffset;
                }

                @Override
                public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                    throw new UnsupportedOperationException();
                }
            };
        }
    }
}
