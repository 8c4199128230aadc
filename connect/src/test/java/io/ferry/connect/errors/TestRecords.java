package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;

/** Records for tests. */
final class TestRecords {
    static final long TIMESTAMP = 1_650_000_000_123L;

    private TestRecords() {
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A consumed record with key, value and one header, all UTF-8 text. */
    static ConsumerRecord<byte[], byte[]> consumed(String topic, int partition, long offset, String key, String value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("trace", utf8("t-" + offset));
        byte[] keyBytes = key == null ? null : utf8(key);
        byte[] valueBytes = value == null ? null : utf8(value);
        return new ConsumerRecord<>(topic, partition, offset, TIMESTAMP, TimestampType.CREATE_TIME,
                keyBytes == null ? -1 : keyBytes.length, valueBytes == null ? -1 : valueBytes.length, keyBytes, valueBytes, headers,
                Optional.empty());
    }

    /** Marks the context failed in {@code stage}, as a task's error handler would (tolerating all, reporting nowhere). */
    static ProcessingContext failed(ProcessingContext context, Stage stage, Class<?> executingClass, Throwable error) {
        new RetryWithTolerance(new ErrorPolicy(0, 0, true), List.of(), ErrorHandlingMetrics.NONE, new ManualTime())
                .executeFailed(context, stage, executingClass, error);
        return context;
    }

    /** A source record with a string key and value. */
    static SourceRecord source(String topic, String key, String value) {
        return new SourceRecord(Map.of("file", "a.txt"), Map.of("line", 7L), topic, null, Schema.STRING_SCHEMA, key,
                Schema.STRING_SCHEMA, value, TIMESTAMP);
    }
}
