package io.ferry.connect.worker.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;

import io.ferry.connect.errors.InternalSinkRecord;
import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.Stage;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.pipeline.TransformationChain;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns consumed records into the records a sink task receives: key, value and header converters,
 * then the transformation chain, each step under the task's error handling.
 *
 * <p>Conversion is most of a sink's CPU time, so a large batch is cut into consecutive slices converted
 * side by side, each slice by its own set of converters (configured alike) under that set's lock, which
 * the errant-record reporter shares for the first set. The converted records are put back in consumer
 * order before the one transformation chain runs over them on the calling thread: transformations may
 * keep state from record to record, converters are functions of one record and their caches.
 */
final class SinkRecordConversion implements AutoCloseable {
    /** Fewer records than this per slice are converted by one set: handing a slice over costs more. */
    static final int MIN_SLICE = 256;

    private final List<TaskConverters> converters;
    private final TransformationChain<SinkRecord> chain;
    private final RetryWithTolerance errors;
    private final ExecutorService helpers;

    /**
     * @param converters one set per slice, the task's own first; not owned (the task closes them)
     * @param helperThreads makes the threads that convert every slice but the first
     */
    SinkRecordConversion(List<TaskConverters> converters, TransformationChain<SinkRecord> chain, RetryWithTolerance errors,
            ThreadFactory helperThreads) {
        this.converters = List.copyOf(converters);
        this.chain = chain;
        this.errors = errors;
        this.helpers = converters.size() > 1 ? Executors.newFixedThreadPool(converters.size() - 1, helperThreads) : null;
    }

    /**
     * A batch converted: the records to deliver and, per partition, the offset after the last record
     * read (delivered, dropped by a transformation or skipped under tolerance alike) and the first.
     */
    record Converted(List<SinkRecord> records, Map<TopicPartition, OffsetAndMetadata> nextOffsets,
            Map<TopicPartition, Long> firstOffsets) {

        static final Converted EMPTY = new Converted(List.of(), Map.of(), Map.of());

        /** This batch without the records of some partitions. */
        Converted without(Collection<TopicPartition> partitions) {
            List<SinkRecord> kept = new ArrayList<>();
            for (SinkRecord record : records) {
                if (!partitions.contains(new TopicPartition(record.topic(), record.kafkaPartition()))) {
                    kept.add(record);
                }
            }
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>(nextOffsets);
            Map<TopicPartition, Long> first = new HashMap<>(firstOffsets);
            next.keySet().removeAll(partitions);
            first.keySet().removeAll(partitions);
            return new Converted(kept, next, first);
        }

        /** This batch followed by a later one. */
        Converted then(Converted later) {
            List<SinkRecord> all = new ArrayList<>(records);
            all.addAll(later.records);
            Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>(nextOffsets);
            next.putAll(later.nextOffsets);
            Map<TopicPartition, Long> first = new HashMap<>(later.firstOffsets);
            first.putAll(firstOffsets);
            return new Converted(all, next, first);
        }
    }

    Converted convert(ConsumerRecords<byte[], byte[]> consumed) {
        List<ConsumerRecord<byte[], byte[]>> all = new ArrayList<>(consumed.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        for (TopicPartition partition : consumed.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> ofPartition = consumed.records(partition);
            all.addAll(ofPartition);
            first.put(partition, ofPartition.get(0).offset());
            next.put(partition, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
        }
        List<SinkRecord> records = new ArrayList<>(all.size());
        for (Unchained converted : convertAll(all)) {
            if (converted != null) {
                SinkRecord transformed = chain.apply(converted.processing(), converted.record());
                if (transformed != null) {
                    records.add(transformed);
                }
            }
        }
        return new Converted(records, next, first);
    }

    /** A converted record before the transformations, with the context its errors are reported in. */
    private record Unchained(ProcessingContext processing, SinkRecord record) {
    }

    /** Every record converted, in order; null where a converter failed and the failure was tolerated. */
    private List<Unchained> convertAll(List<ConsumerRecord<byte[], byte[]>> all) {
        int slices = Math.min(converters.size(), all.size() / MIN_SLICE);
        if (slices <= 1) {
            return convertSlice(converters.get(0), all);
        }
        int size = (all.size() + slices - 1) / slices;
        List<Future<List<Unchained>>> later = new ArrayList<>(slices - 1);
        for (int slice = 1; slice < slices; slice++) {
            TaskConverters set = converters.get(slice);
            List<ConsumerRecord<byte[], byte[]>> records = all.subList(slice * size, Math.min(all.size(), (slice + 1) * size));
            later.add(helpers.submit(() -> convertSlice(set, records)));
        }
        List<Unchained> converted = new ArrayList<>(all.size());
        RuntimeException failure = null;
        try {
            converted.addAll(convertSlice(converters.get(0), all.subList(0, size)));
        } catch (RuntimeException e) {
            failure = e;
        }
        // Every slice is waited for, so no set of converters is still busy when the next batch starts.
        for (Future<List<Unchained>> slice : later) {
            try {
                List<Unchained> result = slice.get();
                if (failure == null) {
                    converted.addAll(result);
                }
            } catch (ExecutionException e) {
                failure = failure != null ? failure
                        : e.getCause() instanceof RuntimeException runtime ? runtime : new ConnectException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure = failure != null ? failure : new ConnectException("Interrupted while converting records", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return converted;
    }

    private List<Unchained> convertSlice(TaskConverters set, List<ConsumerRecord<byte[], byte[]>> records) {
        List<Unchained> converted = new ArrayList<>(records.size());
        synchronized (set) {
            for (ConsumerRecord<byte[], byte[]> record : records) {
                converted.add(convert(set, record));
            }
        }
        return converted;
    }

    private Unchained convert(TaskConverters set, ConsumerRecord<byte[], byte[]> record) {
        ProcessingContext processing = ProcessingContext.forSink(record);
        SchemaAndValue key = errors.execute(processing, Stage.KEY_CONVERTER, set.key().getClass(),
                () -> set.key().toConnectData(record.topic(), record.headers(), record.key()));
        SchemaAndValue value = errors.execute(processing, Stage.VALUE_CONVERTER, set.value().getClass(),
                () -> set.value().toConnectData(record.topic(), record.headers(), record.value()));
        Headers headers = !record.headers().iterator().hasNext() ? new ConnectHeaders()
                : errors.execute(processing, Stage.HEADER_CONVERTER, set.header().getClass(), () -> headers(set, record));
        if (processing.failed()) {
            return null;
        }
        return new Unchained(processing, InternalSinkRecord.of(record, key, value, headers));
    }

    private static Headers headers(TaskConverters set, ConsumerRecord<byte[], byte[]> record) {
        ConnectHeaders headers = new ConnectHeaders();
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            headers.add(header.key(), set.header().toConnectHeader(record.topic(), header.key(), header.value()));
        }
        return headers;
    }

    /** Stops the helper threads; the converters stay open. */
    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdownNow();
        }
    }
}
