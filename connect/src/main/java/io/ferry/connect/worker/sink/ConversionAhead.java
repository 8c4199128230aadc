package io.ferry.connect.worker.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.ferry.connect.model.TaskId;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;

/**
 * Converts and transforms the next batch on a thread of its own ({@code task-thread-<id>-convert})
 * while the task thread hands the current one to {@code put()}: conversion is most of a sink's CPU
 * time, and this lets it overlap delivery. Batches are converted one after another, in the order
 * they were consumed; the conversion may hand slices of a large batch to helper threads, each with
 * converters of its own (see {@link SinkRecordConversion}).
 *
 * <p>Used by the task thread only. What is converted ahead but not yet taken is dropped when its
 * partitions are rewound, paused by the task, or revoked: the consumer reads it again later.
 */
final class ConversionAhead implements AutoCloseable {
    private final SinkRecordConversion conversion;
    private final ExecutorService thread;
    private Future<SinkRecordConversion.Converted> pending;

    ConversionAhead(TaskId id, SinkRecordConversion conversion, ClassLoader loader) {
        this.conversion = conversion;
        this.thread = Executors.newSingleThreadExecutor(ConversionThreads.of(id, loader, false));
    }

    /** Starts converting a batch; after what is pending, if anything is. */
    void start(ConsumerRecords<byte[], byte[]> records) {
        Future<SinkRecordConversion.Converted> before = pending;
        pending = thread.submit(() -> before == null ? conversion.convert(records) : get(before).then(conversion.convert(records)));
    }

    boolean hasPending() {
        return pending != null;
    }

    /**
     * Waits for what is pending and takes it.
     *
     * @throws RuntimeException what the conversion threw (a failure the error handling did not tolerate)
     */
    SinkRecordConversion.Converted take() {
        Future<SinkRecordConversion.Converted> taken = pending;
        pending = null;
        return taken == null ? SinkRecordConversion.Converted.EMPTY : get(taken);
    }

    /**
     * Drops what is pending for these partitions.
     *
     * @return the first dropped offset of each partition that had records pending
     */
    Map<TopicPartition, Long> drop(Collection<TopicPartition> partitions) {
        if (pending == null || partitions.isEmpty()) {
            return Map.of();
        }
        SinkRecordConversion.Converted converted;
        try {
            converted = take();
        } catch (RuntimeException e) {
            // Whatever failed will be read and converted again; the task learns of it then.
            return Map.of();
        }
        Map<TopicPartition, Long> dropped = new HashMap<>();
        for (TopicPartition partition : partitions) {
            Long first = converted.firstOffsets().get(partition);
            if (first != null) {
                dropped.put(partition, first);
            }
        }
        pending = CompletableFuture.completedFuture(converted.without(partitions));
        return dropped;
    }

    /** Drops everything pending. */
    void dropAll() {
        if (pending != null) {
            try {
                take();
            } catch (RuntimeException e) {
                // Dropped records are read again; so are their failures.
            }
        }
    }

    private static SinkRecordConversion.Converted get(Future<SinkRecordConversion.Converted> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectException("Interrupted while converting records", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new ConnectException(cause);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        conversion.close();
    }
}
