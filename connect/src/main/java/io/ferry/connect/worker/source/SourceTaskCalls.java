package io.ferry.connect.worker.source;

import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;

import io.ferry.connect.worker.task.TaskSetup;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The calls both source task loops make into the plugin task and its parts, with the same metrics,
 * logging and failure rules: a poll that may be retried, commit callbacks whose failures are only
 * logged (as Apache's runtime does), and the release of every part at the end. Used by the task
 * thread, and by the offset committer's thread for the commit callbacks.
 */
final class SourceTaskCalls {
    private static final Logger log = LoggerFactory.getLogger(SourceTaskCalls.class);

    private final TaskSetup setup;
    private final SourceTaskParts parts;
    private final SourceTask task;
    private final Time time;
    private final Object owner;

    /** @param owner the task loop, named in log lines */
    SourceTaskCalls(TaskSetup setup, SourceTaskParts parts, Object owner) {
        this.setup = setup;
        this.parts = parts;
        this.task = parts.task();
        this.time = setup.time();
        this.owner = owner;
    }

    /** The task's next records, counted in the poll metrics; null after a {@link RetriableException}, to poll again. */
    List<SourceRecord> poll() throws InterruptedException {
        long begun = time.milliseconds();
        try {
            List<SourceRecord> records = task.poll();
            parts.metrics().recordPoll(records == null ? 0 : records.size(), time.milliseconds() - begun);
            return records;
        } catch (RetriableException e) {
            log.warn("{} failed to poll records from the source task; polling again: {}", owner, e.getMessage());
            return null;
        }
    }

    /** Tells the task a record is done: {@code metadata} null when it was skipped (or its transaction aborted). */
    void commitRecord(SourceRecord record, RecordMetadata metadata) {
        try {
            task.commitRecord(record, metadata);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} Exception thrown while calling task.commitRecord()", owner, t);
        }
    }

    /** Tells the task its offsets were committed. */
    void commit() {
        try {
            task.commit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable t) {
            log.error("{} Exception thrown while calling task.commit()", owner, t);
        }
    }

    /**
     * Stops the task if it was started, then closes every part, each step on its own.
     *
     * @param quietly runs a step and logs its failure ({@code WorkerTask::quietly})
     */
    void release(boolean started, BiConsumer<Runnable, String> quietly) {
        if (started) {
            quietly.accept(task::stop, "stop the task");
        }
        quietly.accept(() -> parts.producer().close(Duration.ofSeconds(30)), "close the producer");
        quietly.accept(parts.chain()::close, "close the transformation chain");
        quietly.accept(setup.converters()::close, "close the converters");
        quietly.accept(setup.errors()::close, "close the error reporters");
        quietly.accept(parts.offsets()::close, "close the offset reader");
        quietly.accept(parts.metrics()::close, "close the source task metrics");
        parts.topicCreator().ifPresent(creator -> quietly.accept(creator::close, "close the topic admin"));
    }
}
