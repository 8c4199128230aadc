package io.ferry.connect.worker.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import io.ferry.connect.metrics.SinkTaskMetrics;
import io.ferry.connect.metrics.TaskMetrics;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink task's consumer offsets: per assigned partition, the next offset after what the task
 * accepted ("current") and what was last committed to the group — and the commits themselves,
 * numbered so a late answer to an old asynchronous commit cannot undo a newer one. Used on the task
 * thread only (the consumer runs commit callbacks inside its poll).
 */
final class SinkOffsets {
    private static final Logger log = LoggerFactory.getLogger(SinkOffsets.class);

    private final Consumer<byte[], byte[]> consumer;
    private final TaskMetrics taskMetrics;
    private final SinkTaskMetrics metrics;
    private final Time time;
    private final String owner;
    private final Map<TopicPartition, OffsetAndMetadata> current = new HashMap<>();
    private final Map<TopicPartition, OffsetAndMetadata> committed = new HashMap<>();
    private long sequence;
    private long commitStarted;

    SinkOffsets(Consumer<byte[], byte[]> consumer, TaskMetrics taskMetrics, SinkTaskMetrics metrics, Time time, String owner) {
        this.consumer = consumer;
        this.taskMetrics = taskMetrics;
        this.metrics = metrics;
        this.time = time;
        this.owner = owner;
    }

    /** New partitions start from where the group's committed offsets (or the reset policy) put the consumer. */
    void assigned(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata position = new OffsetAndMetadata(consumer.position(partition));
            current.put(partition, position);
            committed.put(partition, position);
        }
    }

    Set<TopicPartition> assigned() {
        return consumer.assignment();
    }

    Set<TopicPartition> consumedPartitions() {
        return current.keySet();
    }

    /** The task accepted records up to these offsets (next offset to read, per partition). */
    void delivered(Map<TopicPartition, OffsetAndMetadata> offsets) {
        offsets.forEach((partition, offset) -> {
            if (current.containsKey(partition)) {
                current.put(partition, offset);
            }
        });
    }

    Map<TopicPartition, OffsetAndMetadata> consumed(Collection<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> consumed = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = current.get(partition);
            if (offset != null) {
                consumed.put(partition, offset);
            }
        }
        return consumed;
    }

    /** Applies the rewinds a task asked for with {@code SinkTaskContext.offset}. */
    void rewind(Map<TopicPartition, Long> asked) {
        asked.forEach((partition, offset) -> {
            if (!consumer.assignment().contains(partition)) {
                log.warn("{} Ignoring the offset {} the task asked for partition {}: it is not assigned to the task", owner, offset,
                        partition);
                return;
            }
            log.trace("{} Rewinding partition {} to offset {}", owner, partition, offset);
            consumer.seek(partition, offset);
            current.put(partition, new OffsetAndMetadata(offset));
            committed.put(partition, new OffsetAndMetadata(offset));
        });
    }

    /** Goes back to the last committed offsets: what was delivered since is delivered again. */
    void rewindToCommitted() {
        committed.forEach((partition, offset) -> consumer.seek(partition, offset.offset()));
        current.clear();
        current.putAll(committed);
    }

    long nextSequence() {
        sequence++;
        commitStarted = time.milliseconds();
        metrics.recordOffsetSequenceNumber(sequence);
        return sequence;
    }

    void commitFailed(long commitSequence, Throwable cause) {
        taskMetrics.recordCommitFailure(time.milliseconds() - commitStarted);
    }

    /**
     * Commits the offsets the task returned from {@code preCommit}, keeping only those of the given
     * partitions that changed since the last commit.
     */
    void commit(long commitSequence, Map<TopicPartition, OffsetAndMetadata> fromTask, Collection<TopicPartition> partitions,
            boolean sync) {
        if (fromTask == null || fromTask.isEmpty()) {
            log.debug("{} Skipping offset commit, task opted-out by returning no offsets from preCommit", owner);
            metrics.recordOffsetCommitSkip();
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> toCommit = new HashMap<>();
        fromTask.forEach((partition, offset) -> {
            if (!partitions.contains(partition) || !current.containsKey(partition)) {
                log.debug("{} Ignoring task provided offset {}/{} -- partition not assigned, assignment={}", owner, partition, offset,
                        partitions);
            } else if (!offset.equals(committed.get(partition))) {
                toCommit.put(partition, offset);
            }
        });
        if (toCommit.isEmpty()) {
            log.debug("{} Skipping offset commit, no change since last commit", owner);
            metrics.recordOffsetCommitSkip();
            return;
        }
        log.debug("{} Committing offsets {}", owner, toCommit);
        if (sync) {
            commitSync(commitSequence, toCommit);
        } else {
            consumer.commitAsync(toCommit, (offsets, error) -> onCommitted(commitSequence, toCommit, error));
        }
    }

    private void commitSync(long commitSequence, Map<TopicPartition, OffsetAndMetadata> toCommit) {
        try {
            try {
                consumer.commitSync(toCommit);
            } catch (WakeupException e) {
                // A wake-up meant for the poll loop (a stop request) must not cost the final commit.
                consumer.commitSync(toCommit);
            }
            onCommitted(commitSequence, toCommit, null);
        } catch (RuntimeException e) {
            onCommitted(commitSequence, toCommit, e);
        }
    }

    private void onCommitted(long commitSequence, Map<TopicPartition, OffsetAndMetadata> offsets, Exception error) {
        if (error != null) {
            if (commitSequence == sequence) {
                log.error("{} Commit of offsets threw an unexpected exception for sequence number {}: {}", owner, commitSequence,
                        offsets, error);
            } else {
                log.debug("{} An older commit (sequence {}) failed: {}", owner, commitSequence, error.toString());
            }
            taskMetrics.recordCommitFailure(time.milliseconds() - commitStarted);
            return;
        }
        offsets.forEach((partition, offset) -> {
            if (current.containsKey(partition)) {
                OffsetAndMetadata known = committed.get(partition);
                if (known == null || known.offset() <= offset.offset() || commitSequence == sequence) {
                    committed.put(partition, offset);
                }
            }
        });
        taskMetrics.recordCommitSuccess(time.milliseconds() - commitStarted);
        metrics.recordOffsetCommitCompletion();
        log.debug("{} Finished offset commit {} successfully: {}", owner, commitSequence, offsets);
    }

    /** The partitions left the task. */
    void forget(Collection<TopicPartition> partitions) {
        current.keySet().removeAll(partitions);
        committed.keySet().removeAll(partitions);
    }

    /** Records read and accepted but not yet committed. */
    long activeRecords() {
        long active = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : current.entrySet()) {
            OffsetAndMetadata last = committed.get(entry.getKey());
            if (last != null) {
                active += Math.max(0, entry.getValue().offset() - last.offset());
            }
        }
        return active;
    }
}
