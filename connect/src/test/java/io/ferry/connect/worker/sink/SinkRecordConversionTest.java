package io.ferry.connect.worker.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import io.ferry.connect.errors.ErrorPolicy;
import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.ToleranceExceededException;
import io.ferry.connect.metrics.ErrorHandlingMetrics;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.pipeline.TransformationChain;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Large batches are converted in slices side by side, and come out as if one thread had done it. */
class SinkRecordConversionTest {
    private static final TopicPartition P0 = new TopicPartition("orders", 0);
    private static final TopicPartition P1 = new TopicPartition("orders", 1);

    /** A value converter that remembers the threads it ran on and refuses values starting with "bad". */
    private static final class ThreadNoting implements Converter {
        final Set<String> threads = Collections.synchronizedSet(new HashSet<>());

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
        }

        @Override
        public byte[] fromConnectData(String topic, Schema schema, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public SchemaAndValue toConnectData(String topic, byte[] value) {
            threads.add(Thread.currentThread().getName());
            String text = new String(value, StandardCharsets.UTF_8);
            if (text.startsWith("bad")) {
                throw new DataException("cannot read " + text);
            }
            return new SchemaAndValue(Schema.STRING_SCHEMA, text);
        }
    }

    private static TaskConverters set(ThreadNoting values) {
        return new TaskConverters(new ThreadNoting(), values, new SimpleHeaderConverter());
    }

    private static ConsumerRecords<byte[], byte[]> batch(int perPartition, int badEvery) {
        List<ConsumerRecord<byte[], byte[]>> p0 = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> p1 = new ArrayList<>();
        for (int i = 0; i < perPartition; i++) {
            p0.add(record(P0, i, badEvery > 0 && i % badEvery == badEvery - 1));
            p1.add(record(P1, 100 + i, false));
        }
        return new ConsumerRecords<>(Map.of(P0, p0, P1, p1), Map.of());
    }

    private static ConsumerRecord<byte[], byte[]> record(TopicPartition partition, long offset, boolean bad) {
        String value = (bad ? "bad-" : "") + partition.partition() + "-" + offset;
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "k".getBytes(StandardCharsets.UTF_8),
                value.getBytes(StandardCharsets.UTF_8));
    }

    private static RetryWithTolerance errors(boolean tolerateAll, List<String> reported) {
        return new RetryWithTolerance(new ErrorPolicy(0, 0, tolerateAll), List.of(new io.ferry.connect.errors.ErrorReporter() {
            @Override
            public java.util.concurrent.Future<?> report(ProcessingContext context) {
                reported.add(new String(context.consumerRecord().value(), StandardCharsets.UTF_8));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
            }
        }), ErrorHandlingMetrics.NONE, Time.SYSTEM);
    }

    private static List<String> expectedValues(ConsumerRecords<byte[], byte[]> batch) {
        List<String> values = new ArrayList<>();
        for (TopicPartition partition : batch.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : batch.records(partition)) {
                String value = new String(record.value(), StandardCharsets.UTF_8);
                if (!value.startsWith("bad")) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4})
    void shouldDeliverEveryRecordInConsumerOrderWhateverTheNumberOfConverterSets(int sets) {
        List<ThreadNoting> values = new ArrayList<>();
        List<TaskConverters> converters = new ArrayList<>();
        for (int i = 0; i < sets; i++) {
            values.add(new ThreadNoting());
            converters.add(set(values.get(i)));
        }
        ConsumerRecords<byte[], byte[]> batch = batch(2_000, 0);
        try (SinkRecordConversion conversion = new SinkRecordConversion(converters, new TransformationChain<>(List.of(),
                errors(false, new ArrayList<>())), errors(false, new ArrayList<>()), Executors.defaultThreadFactory())) {
            SinkRecordConversion.Converted converted = conversion.convert(batch);

            assertThat(converted.records()).extracting(SinkRecord::value).containsExactlyElementsOf(expectedValues(batch));
            assertThat(converted.records()).extracting(r -> r.kafkaPartition() + "/" + r.kafkaOffset()).doesNotHaveDuplicates();
            assertThat(converted.nextOffsets()).containsEntry(P0, new OffsetAndMetadata(2_000)).containsEntry(P1, new OffsetAndMetadata(2_100));
            assertThat(converted.firstOffsets()).containsEntry(P0, 0L).containsEntry(P1, 100L);
            assertThat(values).allSatisfy(set -> assertThat(set.threads).as("every set converts a slice").isNotEmpty());
            assertThat(values.stream().flatMap(set -> set.threads.stream()).distinct().count()).isEqualTo(sets);
        }
    }

    @Test
    void shouldConvertASmallBatchWithTheFirstSetOnly() {
        ThreadNoting first = new ThreadNoting();
        ThreadNoting second = new ThreadNoting();
        try (SinkRecordConversion conversion = new SinkRecordConversion(List.of(set(first), set(second)),
                new TransformationChain<>(List.of(), errors(false, new ArrayList<>())), errors(false, new ArrayList<>()),
                Executors.defaultThreadFactory())) {
            assertThat(conversion.convert(batch(SinkRecordConversion.MIN_SLICE / 2, 0)).records()).hasSize(SinkRecordConversion.MIN_SLICE);
            assertThat(first.threads).containsExactly(Thread.currentThread().getName());
            assertThat(second.threads).isEmpty();
        }
    }

    @Test
    void shouldSkipAndReportEveryBadRecordOfEverySliceUnderTolerance() {
        List<String> reported = Collections.synchronizedList(new ArrayList<>());
        ConsumerRecords<byte[], byte[]> batch = batch(2_000, 100);
        RetryWithTolerance errors = errors(true, reported);
        try (SinkRecordConversion conversion = new SinkRecordConversion(List.of(set(new ThreadNoting()), set(new ThreadNoting())),
                new TransformationChain<>(List.of(), errors), errors, Executors.defaultThreadFactory())) {
            SinkRecordConversion.Converted converted = conversion.convert(batch);

            assertThat(converted.records()).extracting(SinkRecord::value).containsExactlyElementsOf(expectedValues(batch));
            assertThat(reported).hasSize(20).allSatisfy(value -> assertThat(value).startsWith("bad-0-"));
            assertThat(converted.nextOffsets()).containsEntry(P0, new OffsetAndMetadata(2_000));
        }
    }

    @Test
    void shouldFailTheBatchWhenARecordOfALaterSliceFailsWithoutTolerance() {
        List<TopicPartition> order = new ArrayList<>(batch(1, 0).partitions());
        // Only the last partition of the batch holds a bad record, so it falls in the second slice.
        int badPartition = order.get(order.size() - 1).partition();
        List<ConsumerRecord<byte[], byte[]>> p0 = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> p1 = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            p0.add(record(P0, i, badPartition == 0 && i == 900));
            p1.add(record(P1, i, badPartition == 1 && i == 900));
        }
        ConsumerRecords<byte[], byte[]> batch = new ConsumerRecords<>(Map.of(P0, p0, P1, p1), Map.of());
        RetryWithTolerance errors = errors(false, new ArrayList<>());
        try (SinkRecordConversion conversion = new SinkRecordConversion(List.of(set(new ThreadNoting()), set(new ThreadNoting())),
                new TransformationChain<>(List.of(), errors), errors, Executors.defaultThreadFactory())) {
            assertThatThrownBy(() -> conversion.convert(batch)).isInstanceOf(ToleranceExceededException.class)
                    .hasRootCauseMessage("cannot read bad-" + badPartition + "-900");
        }
    }
}
