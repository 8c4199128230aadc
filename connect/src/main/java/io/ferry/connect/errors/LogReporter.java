package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs each failed record at ERROR with its failure ({@code errors.log.enable=true}), in the words
 * Apache Kafka Connect uses, so that existing log searches keep working:
 * <pre>
 * Error encountered in task my-sink-0. Executing stage 'VALUE_CONVERTER' with class 'org.apache.kafka.connect.json.JsonConverter'.
 * </pre>
 * With {@code errors.log.include.messages=true} the record is named before the final period: for a
 * sink {@code , where consumed record is {topic='t', partition=0, offset=42, timestamp=…, timestampType=CreateTime}}
 * (no key or value, as in Apache), for a source {@code , where source record is = } and the
 * {@code SourceRecord} as text, key and value included. Thread-safe.
 */
public final class LogReporter implements ErrorReporter {
    private static final Logger log = LoggerFactory.getLogger(LogReporter.class);
    private static final Future<Void> DONE = CompletableFuture.completedFuture(null);

    private final TaskId task;
    private final boolean includeRecords;
    private final ErrorHandlingMetrics metrics;

    /**
     * @param includeRecords {@code errors.log.include.messages}: name the record in the message
     */
    public LogReporter(TaskId task, boolean includeRecords, ErrorHandlingMetrics metrics) {
        this.task = Objects.requireNonNull(task, "task");
        this.includeRecords = includeRecords;
        this.metrics = Objects.requireNonNull(metrics, "metrics");
    }

    @Override
    public Future<Void> report(ProcessingContext context) {
        if (!context.failed()) {
            return DONE;
        }
        log.error(message(context), context.error());
        metrics.recordErrorLogged();
        return DONE;
    }

    /** The message logged for a failed record. */
    String message(ProcessingContext context) {
        StringBuilder text = new StringBuilder("Error encountered in task ").append(task).append(". Executing stage '")
                .append(context.stage()).append("' with class '")
                .append(context.executingClass() == null ? "null" : context.executingClass().getName()).append('\'');
        if (includeRecords) {
            if (context.consumerRecord() != null) {
                appendConsumed(text, context.consumerRecord());
            } else {
                text.append(", where source record is = ").append(context.sourceRecord());
            }
        }
        return text.append('.').toString();
    }

    private static void appendConsumed(StringBuilder text, ConsumerRecord<byte[], byte[]> record) {
        text.append(", where consumed record is {topic='").append(record.topic()).append('\'')
                .append(", partition=").append(record.partition())
                .append(", offset=").append(record.offset());
        if (record.timestampType() == TimestampType.CREATE_TIME || record.timestampType() == TimestampType.LOG_APPEND_TIME) {
            text.append(", timestamp=").append(record.timestamp()).append(", timestampType=").append(record.timestampType());
        }
        text.append('}');
    }

    @Override
    public void close() {
    }
}
