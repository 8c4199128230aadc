package io.ferry.connect.errors;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Builds the dead-letter queue record of a failed record, as {@link DeadLetterQueueReporter}
 * documents. Thread-safe.
 */
final class DeadLetterQueueRecords implements AutoCloseable {
    private final DeadLetterQueueSettings settings;
    private final SourceRecordRenderer renderer = new SourceRecordRenderer();

    DeadLetterQueueRecords(DeadLetterQueueSettings settings) {
        this.settings = settings;
    }

    ProducerRecord<byte[], byte[]> toRecord(ProcessingContext context) {
        ProducerRecord<byte[], byte[]> record;
        String originTopic;
        if (context.consumerRecord() != null) {
            ConsumerRecord<byte[], byte[]> consumed = context.consumerRecord();
            Long timestamp = consumed.timestamp() == ConsumerRecord.NO_TIMESTAMP ? null : consumed.timestamp();
            record = new ProducerRecord<>(settings.topic(), null, timestamp, consumed.key(), consumed.value(), consumed.headers());
            originTopic = consumed.topic();
        } else if (context.producerRecord() != null) {
            ProducerRecord<byte[], byte[]> converted = context.producerRecord();
            record = new ProducerRecord<>(settings.topic(), null, converted.timestamp(), converted.key(), converted.value(),
                    converted.headers());
            originTopic = converted.topic();
        } else {
            SourceRecord source = context.sourceRecord();
            record = new ProducerRecord<>(settings.topic(), null, source.timestamp(), renderer.key(source), renderer.value(source),
                    renderer.headers(source));
            originTopic = source.topic();
        }
        if (settings.contextHeaders()) {
            addContextHeaders(record.headers(), context, originTopic);
        }
        return record;
    }

    private void addContextHeaders(Headers headers, ProcessingContext context, String originTopic) {
        add(headers, DeadLetterQueueReporter.HEADER_TOPIC, originTopic);
        ConsumerRecord<byte[], byte[]> consumed = context.consumerRecord();
        if (consumed != null) {
            add(headers, DeadLetterQueueReporter.HEADER_PARTITION, String.valueOf(consumed.partition()));
            add(headers, DeadLetterQueueReporter.HEADER_OFFSET, String.valueOf(consumed.offset()));
        }
        add(headers, DeadLetterQueueReporter.HEADER_CONNECTOR_NAME, settings.task().connector());
        add(headers, DeadLetterQueueReporter.HEADER_TASK_ID, String.valueOf(settings.task().task()));
        add(headers, DeadLetterQueueReporter.HEADER_STAGE, context.stage() == null ? null : context.stage().name());
        add(headers, DeadLetterQueueReporter.HEADER_EXECUTING_CLASS,
                context.executingClass() == null ? null : context.executingClass().getName());
        Throwable error = context.error();
        if (error != null) {
            add(headers, DeadLetterQueueReporter.HEADER_EXCEPTION, error.getClass().getName());
            add(headers, DeadLetterQueueReporter.HEADER_EXCEPTION_MESSAGE, error.getMessage());
            headers.add(DeadLetterQueueReporter.HEADER_EXCEPTION_STACK_TRACE, stackTrace(error));
        }
    }

    /** Text as UTF-8; a null text gives a header with a null value. */
    private static void add(Headers headers, String key, String text) {
        headers.add(key, text == null ? null : text.getBytes(StandardCharsets.UTF_8));
    }

    /** What {@link Throwable#printStackTrace()} prints, in UTF-8. */
    static byte[] stackTrace(Throwable error) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            error.printStackTrace(out);
        }
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        renderer.close();
    }
}
