package io.ferry.connect.worker.sink;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns consumed records into the records a sink task receives: key, value and header converters,
 * then the transformation chain, each step under the task's error handling. Converters are used
 * while holding the {@link TaskConverters} lock, which the errant-record reporter shares.
 */
final class SinkRecordConversion {
    private final TaskConverters converters;
    private final TransformationChain<SinkRecord> chain;
    private final RetryWithTolerance errors;

    SinkRecordConversion(TaskConverters converters, TransformationChain<SinkRecord> chain, RetryWithTolerance errors) {
        this.converters = converters;
        this.chain = chain;
        this.errors = errors;
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
        List<SinkRecord> records = new ArrayList<>(consumed.count());
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        Map<TopicPartition, Long> first = new HashMap<>();
        synchronized (converters) {
            for (TopicPartition partition : consumed.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> ofPartition = consumed.records(partition);
                for (ConsumerRecord<byte[], byte[]> record : ofPartition) {
                    SinkRecord converted = convert(record);
                    if (converted != null) {
                        records.add(converted);
                    }
                }
                first.put(partition, ofPartition.get(0).offset());
                next.put(partition, new OffsetAndMetadata(ofPartition.get(ofPartition.size() - 1).offset() + 1));
            }
        }
        return new Converted(records, next, first);
    }

    private SinkRecord convert(ConsumerRecord<byte[], byte[]> record) {
        ProcessingContext processing = ProcessingContext.forSink(record);
        SchemaAndValue key = errors.execute(processing, Stage.KEY_CONVERTER, converters.key().getClass(),
                () -> converters.key().toConnectData(record.topic(), record.headers(), record.key()));
        SchemaAndValue value = errors.execute(processing, Stage.VALUE_CONVERTER, converters.value().getClass(),
                () -> converters.value().toConnectData(record.topic(), record.headers(), record.value()));
        Headers headers = !record.headers().iterator().hasNext() ? new ConnectHeaders()
                : errors.execute(processing, Stage.HEADER_CONVERTER, converters.header().getClass(), () -> headers(record));
        if (processing.failed()) {
            return null;
        }
        return chain.apply(processing, InternalSinkRecord.of(record, key, value, headers));
    }

    private Headers headers(ConsumerRecord<byte[], byte[]> record) {
        ConnectHeaders headers = new ConnectHeaders();
        for (org.apache.kafka.common.header.Header header : record.headers()) {
            headers.add(header.key(), converters.header().toConnectHeader(record.topic(), header.key(), header.value()));
        }
        return headers;
    }
}
