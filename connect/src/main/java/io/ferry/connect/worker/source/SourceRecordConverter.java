package io.ferry.connect.worker.source;

import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.errors.Stage;
import io.ferry.connect.worker.pipeline.TaskConverters;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.storage.HeaderConverter;

/**
 * Turns a transformed source record into the bytes the producer sends: headers, key and value
 * through the task's converters, each step under the task's error handling. Used by the task
 * thread only.
 */
final class SourceRecordConverter {
    /** Kafka's value for a record without a timestamp. */
    private static final long NO_TIMESTAMP = -1L;

    private final TaskConverters converters;
    private final RetryWithTolerance errors;

    SourceRecordConverter(TaskConverters converters, RetryWithTolerance errors) {
        this.converters = converters;
        this.errors = errors;
    }

    /** @return null when a conversion failed and the failure is tolerated: the record is skipped */
    ProducerRecord<byte[], byte[]> convert(ProcessingContext context, SourceRecord record) {
        HeaderConverter headerConverter = converters.header();
        RecordHeaders headers = record.headers() == null || record.headers().isEmpty() ? new RecordHeaders()
                : errors.execute(context, Stage.HEADER_CONVERTER, headerConverter.getClass(), () -> convertHeaders(record, headerConverter));
        if (context.failed()) {
            return null;
        }
        byte[] key = errors.execute(context, Stage.KEY_CONVERTER, converters.key().getClass(),
                () -> converters.key().fromConnectData(record.topic(), headers, record.keySchema(), record.key()));
        if (context.failed()) {
            return null;
        }
        byte[] value = errors.execute(context, Stage.VALUE_CONVERTER, converters.value().getClass(),
                () -> converters.value().fromConnectData(record.topic(), headers, record.valueSchema(), record.value()));
        if (context.failed()) {
            return null;
        }
        // The producer record copies the headers it is given; none (the usual case) spares that copy per record.
        Iterable<org.apache.kafka.common.header.Header> sent = headers.iterator().hasNext() ? headers : null;
        return new ProducerRecord<>(record.topic(), record.kafkaPartition(), timestamp(record), key, value, sent);
    }

    private static RecordHeaders convertHeaders(SourceRecord record, HeaderConverter converter) {
        RecordHeaders headers = new RecordHeaders();
        if (record.headers() != null) {
            for (Header header : record.headers()) {
                byte[] raw = converter.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value());
                headers.add(header.key(), raw);
            }
        }
        return headers;
    }

    private static Long timestamp(SourceRecord record) {
        Long timestamp = record.timestamp();
        if (timestamp == null || timestamp == NO_TIMESTAMP) {
            return null;
        }
        if (timestamp < 0) {
            throw new ConnectException("Invalid record timestamp " + timestamp + " of a record for topic " + record.topic());
        }
        return timestamp;
    }
}
