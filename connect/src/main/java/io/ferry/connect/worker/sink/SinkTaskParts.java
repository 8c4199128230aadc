package io.ferry.connect.worker.sink;

import java.util.List;
import java.util.regex.Pattern;

import io.ferry.connect.errors.WorkerErrantRecordReporter;
import io.ferry.connect.metrics.SinkTaskMetrics;
import io.ferry.connect.worker.task.TopicUseListener;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.pipeline.TransformationChain;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * What a sink task is made of beyond what every task has.
 *
 * @param topics the topics to consume, or empty when {@code topicsRegex} is given
 * @param errantReporter null when the connector has no error reporting at all
 * @param commitIntervalMs {@code offset.flush.interval.ms}
 * @param extraConverters further sets of the task's converters, configured alike, for converting large
 *     batches in slices side by side ({@code ferry.sink.conversion.threads} minus one); owned by the task
 */
public record SinkTaskParts(SinkTask task, TransformationChain<SinkRecord> chain, Consumer<byte[], byte[]> consumer,
        List<String> topics, Pattern topicsRegex, WorkerErrantRecordReporter errantReporter, SinkTaskMetrics metrics,
        TopicUseListener topicUse, long commitIntervalMs, List<TaskConverters> extraConverters) {
}
