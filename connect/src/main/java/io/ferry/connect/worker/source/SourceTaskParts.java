package io.ferry.connect.worker.source;

import java.util.Optional;

import io.ferry.connect.metrics.SourceTaskMetrics;
import io.ferry.connect.storage.SourceOffsets;
import io.ferry.connect.worker.task.TopicUseListener;
import io.ferry.connect.worker.pipeline.TransformationChain;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/**
 * What a source task is made of beyond what every task has.
 *
 * @param topicCreator present when the connector has its topics created (KIP-158)
 * @param flushTimeoutMs how long the final commit waits for outstanding records ({@code offset.flush.timeout.ms})
 */
public record SourceTaskParts(SourceTask task, TransformationChain<SourceRecord> chain, Producer<byte[], byte[]> producer,
        SourceOffsets offsets, Optional<TopicCreator> topicCreator, SourceTaskMetrics metrics, TopicUseListener topics,
        long flushTimeoutMs) {
}
