package io.ferry.connect.worker.sink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.errors.RetryWithTolerance;
import io.ferry.connect.worker.pipeline.TaskConverters;
import io.ferry.connect.worker.task.TaskSetup;
import io.ferry.connect.worker.task.WorkerTask;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link SinkTask}: consume, convert, transform, {@code put} — then, every
 * {@code offset.flush.interval.ms} or when the task asks, {@code preCommit} and commit the offsets
 * it returned.
 *
 * <p>Delivery rules: an offset is committed only for records {@code put} accepted (or that were
 * filtered or skipped under tolerance); a {@link RetriableException} from {@code put} pauses the
 * partitions and hands the same batch again after the task's {@code timeout}; a failing
 * {@code preCommit} rewinds every partition to its last committed offset, so nothing the task did
 * not confirm is skipped. Partitions being revoked are committed before the task closes them.
 */
public final class WorkerSinkTask extends WorkerTask {
    private static final Logger log = LoggerFactory.getLogger(WorkerSinkTask.class);

    private final TaskSetup setup;
    private final SinkTaskParts parts;
    private final SinkTask task;
    private final RetryWithTolerance errors;
    private final Time time;
    private final WorkerSinkTaskContext context;
    private final SinkOffsets offsets;
    private final ConversionAhead ahead;
    private final List<SinkRecord> batch = new ArrayList<>();
    private final Map<TopicPartition, OffsetAndMetadata> batchOffsets = new HashMap<>();
    private final Set<String> usedTopics = new HashSet<>();
    private RuntimeException rebalanceFailure;
    private boolean pausedForRedelivery;
    private boolean pausedByTarget;
    private boolean started;
    private long nextCommit;

    public WorkerSinkTask(TaskSetup setup, SinkTaskParts parts) {
        super(setup.id(), setup.initialState(), setup.listener(), setup.taskMetrics(), setup.loader(), setup.version());
        this.setup = setup;
        this.parts = parts;
        this.task = parts.task();
        this.errors = setup.errors();
        this.time = setup.time();
        this.context = new WorkerSinkTaskContext(setup.config(), parts.consumer(), parts.errantReporter(), setup.pluginMetrics(),
                () -> pausedByTarget || pausedForRedelivery);
        this.offsets = new SinkOffsets(parts.consumer(), setup.taskMetrics(), parts.metrics(), time, toString());
        List<TaskConverters> converters = new ArrayList<>();
        converters.add(setup.converters());
        converters.addAll(parts.extraConverters());
        this.ahead = new ConversionAhead(setup.id(), new SinkRecordConversion(converters, parts.chain(), errors,
                ConversionThreads.of(setup.id(), setup.loader(), true)), setup.loader());
    }

    @Override
    protected void initializeAndStart() {
        task.initialize(context);
        task.start(setup.config());
        started = true;
        if (parts.topicsRegex() != null) {
            parts.consumer().subscribe(parts.topicsRegex(), new Rebalance());
            log.debug("{} Subscribed to topics matching {}", this, parts.topicsRegex());
        } else {
            parts.consumer().subscribe(parts.topics(), new Rebalance());
            log.debug("{} Subscribed to topics {}", this, parts.topics());
        }
        nextCommit = time.milliseconds() + parts.commitIntervalMs();
        log.info("{} Sink task finished initialization and start", this);
    }

    @Override
    protected void execute() {
        while (!isStopping()) {
            iteration();
        }
    }

    private void iteration() {
        followTargetState();
        long now = time.milliseconds();
        if (context.takeCommitRequest() || now >= nextCommit) {
            awaitErrantReports(offsets.consumedPartitions());
            commit(offsets.assigned(), false);
            nextCommit = now + parts.commitIntervalMs();
        }
        long timeout = Math.max(nextCommit - now, 0);
        long asked = context.takeTimeout();
        if (asked > 0) {
            timeout = Math.min(timeout, asked);
        }
        if (ahead.hasPending() && canTakeMore()) {
            // Records wait, converted: deliver them now rather than after a long poll.
            timeout = 0;
        }
        poll(timeout);
    }

    private void followTargetState() {
        boolean paused = isPaused();
        if (paused == pausedByTarget) {
            return;
        }
        pausedByTarget = paused;
        if (paused) {
            parts.consumer().pause(parts.consumer().assignment());
        } else if (!pausedForRedelivery) {
            resumeAllButPausedByTask();
        }
        reportPaused(paused);
    }

    private void resumeAllButPausedByTask() {
        Set<TopicPartition> resume = new HashSet<>(parts.consumer().assignment());
        resume.removeAll(context.pausedByTask());
        parts.consumer().resume(resume);
    }

    private void poll(long timeoutMs) {
        Map<TopicPartition, Long> rewinds = context.takeOffsets();
        ahead.drop(rewinds.keySet());
        offsets.rewind(rewinds);
        ConsumerRecords<byte[], byte[]> records;
        try {
            records = parts.consumer().poll(Duration.ofMillis(timeoutMs));
        } catch (WakeupException e) {
            return;
        }
        if (rebalanceFailure != null) {
            RuntimeException failure = rebalanceFailure;
            rebalanceFailure = null;
            throw failure;
        }
        SinkRecordConversion.Converted ready = ahead.hasPending() && canTakeMore() ? ahead.take() : null;
        if (!records.isEmpty()) {
            parts.metrics().recordRead(records.count());
            noteTopics(records);
            // Converted on the conversion thread while put() below delivers the batch before it.
            ahead.start(records);
        }
        if (ready != null) {
            batch.addAll(ready.records());
            batchOffsets.putAll(ready.nextOffsets());
        }
        deliver();
        dropPausedByTask();
    }

    /** More records may join the batch: it is not waiting to be delivered again, and the task is not paused. */
    private boolean canTakeMore() {
        return !pausedForRedelivery && !pausedByTarget && batch.isEmpty();
    }

    private void noteTopics(ConsumerRecords<byte[], byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            if (usedTopics.add(partition.topic())) {
                parts.topicUse().onTopicUsed(id.connector(), partition.topic());
            }
        }
    }

    /**
     * Partitions the task paused during {@code put()} may have records converted ahead: drop them and
     * go back to the first, so nothing of a paused partition is delivered before it is resumed.
     */
    private void dropPausedByTask() {
        Set<TopicPartition> paused = context.takeNewlyPaused();
        if (!paused.isEmpty()) {
            ahead.drop(paused).forEach((partition, first) -> parts.consumer().seek(partition, first));
        }
    }

    private void deliver() {
        long begun = time.milliseconds();
        try {
            task.put(new ArrayList<>(batch));
            parts.metrics().recordPut(time.milliseconds() - begun);
            parts.metrics().recordSend(batch.size());
            offsets.delivered(batchOffsets);
            batchOffsets.clear();
            batch.clear();
            if (pausedForRedelivery) {
                pausedForRedelivery = false;
                if (!pausedByTarget) {
                    resumeAllButPausedByTask();
                }
            }
        } catch (RetriableException e) {
            log.error("{} RetriableException from SinkTask; the same records are delivered again after the task's timeout", this, e);
            pausedForRedelivery = true;
            parts.consumer().pause(parts.consumer().assignment());
        } catch (RuntimeException e) {
            throw new ConnectException("Exiting WorkerSinkTask due to unrecoverable exception.", e);
        }
        parts.metrics().recordActiveRecords(offsets.activeRecords());
    }

    private void awaitErrantReports(Collection<TopicPartition> partitions) {
        if (parts.errantReporter() != null) {
            parts.errantReporter().awaitFutures(partitions);
        }
    }

    /**
     * Asks the task for the offsets it made durable and commits them for these partitions; on a
     * failing {@code preCommit} (outside a close) rewinds to the last committed offsets.
     */
    private void commit(Collection<TopicPartition> partitions, boolean closing) {
        Map<TopicPartition, OffsetAndMetadata> consumed = offsets.consumed(partitions);
        Map<TopicPartition, OffsetAndMetadata> toCommit;
        long sequence = offsets.nextSequence();
        try {
            toCommit = task.preCommit(new HashMap<>(consumed));
        } catch (Throwable t) {
            if (closing) {
                log.warn("{} Offset commit failed during close", this);
            } else {
                log.error("{} Offset commit failed, rewinding to last committed offsets", this, t);
                ahead.dropAll();
                offsets.rewindToCommitted();
                batch.clear();
                batchOffsets.clear();
            }
            offsets.commitFailed(sequence, t);
            return;
        }
        offsets.commit(sequence, toCommit, partitions, closing);
    }

    /** Commits and closes partitions that leave the task. */
    private void closePartitions(Collection<TopicPartition> partitions, boolean lost) {
        if (!lost) {
            awaitErrantReports(partitions);
            commit(partitions, true);
        }
        try {
            task.close(partitions);
        } finally {
            ahead.drop(partitions);
            offsets.forget(partitions);
            batch.removeIf(record -> partitions.contains(new TopicPartition(record.topic(), record.kafkaPartition())));
            batchOffsets.keySet().removeAll(partitions);
        }
    }

    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            offsets.assigned(partitions);
            if (pausedByTarget || pausedForRedelivery) {
                parts.consumer().pause(partitions);
            }
            parts.metrics().recordPartitionCount(parts.consumer().assignment().size());
            try {
                task.open(partitions);
            } catch (RuntimeException e) {
                rebalanceFailure = e;
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty() || !started) {
                return;
            }
            try {
                closePartitions(partitions, false);
            } catch (RuntimeException e) {
                rebalanceFailure = e;
            }
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            if (partitions.isEmpty()) {
                return;
            }
            log.info("{} Partitions {} were lost to another member; closing them without a commit", WorkerSinkTask.this, partitions);
            try {
                closePartitions(partitions, true);
            } catch (RuntimeException e) {
                rebalanceFailure = e;
            }
        }
    }

    @Override
    protected void wakeUp() {
        parts.consumer().wakeup();
    }

    @Override
    public void stop() {
        errors.triggerStop();
        super.stop();
    }

    @Override
    protected void close() {
        try {
            if (started && !isCancelled()) {
                closePartitions(new ArrayList<>(parts.consumer().assignment()), false);
            }
        } catch (Throwable t) {
            log.warn("{} Could not commit and close the partitions at shutdown", this, t);
        } finally {
            if (started) {
                quietly(task::stop, "stop the task");
            }
            quietly(ahead::close, "stop the conversion thread");
            quietly(() -> parts.consumer().close(), "close the consumer");
            quietly(parts.chain()::close, "close the transformation chain");
            quietly(setup.converters()::close, "close the converters");
            parts.extraConverters().forEach(set -> quietly(set::close, "close the converters"));
            quietly(errors::close, "close the error reporters");
            quietly(parts.metrics()::close, "close the sink task metrics");
        }
    }

    @Override
    protected void onCancel() {
        errors.triggerStop();
        if (parts.errantReporter() != null) {
            parts.errantReporter().cancelFutures();
        }
    }

    @Override
    public String toString() {
        return "WorkerSinkTask{id=" + id + "}";
    }
}
