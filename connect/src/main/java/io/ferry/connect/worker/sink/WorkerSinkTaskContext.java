package io.ferry.connect.worker.sink;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.IllegalWorkerStateException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * What a sink task may ask of the worker: rewind ({@link #offset}), back off ({@link #timeout}),
 * pause and resume partitions, ask for a commit, report errant records. Like the consumer behind
 * it, it is used from the task thread.
 */
final class WorkerSinkTaskContext implements SinkTaskContext {
    private final Map<String, String> configs;
    private final Consumer<byte[], byte[]> consumer;
    private final ErrantRecordReporter errantReporter;
    private final PluginMetrics pluginMetrics;
    private final PauseControl pauses;
    private final Map<TopicPartition, Long> offsets = new HashMap<>();
    private final Set<TopicPartition> pausedByTask = new HashSet<>();
    private final Set<TopicPartition> newlyPaused = new HashSet<>();
    private long timeoutMs = -1L;
    private boolean commitRequested;

    /** How the context reaches the loop's pause state. */
    interface PauseControl {
        /** Whether the whole task is paused (by its target state or for redelivery): partitions stay paused. */
        boolean allPaused();
    }

    WorkerSinkTaskContext(Map<String, String> configs, Consumer<byte[], byte[]> consumer, ErrantRecordReporter errantReporter,
            PluginMetrics pluginMetrics, PauseControl pauses) {
        this.configs = configs;
        this.consumer = consumer;
        this.errantReporter = errantReporter;
        this.pluginMetrics = pluginMetrics;
        this.pauses = pauses;
    }

    @Override
    public Map<String, String> configs() {
        return configs;
    }

    @Override
    public void offset(Map<TopicPartition, Long> offsets) {
        this.offsets.putAll(offsets);
    }

    @Override
    public void offset(TopicPartition partition, long offset) {
        offsets.put(partition, offset);
    }

    /** The rewinds asked for since the last call, which the loop applies before its next poll. */
    Map<TopicPartition, Long> takeOffsets() {
        Map<TopicPartition, Long> taken = new HashMap<>(offsets);
        offsets.clear();
        return taken;
    }

    @Override
    public void timeout(long timeoutMs) {
        this.timeoutMs = timeoutMs;
    }

    /** The back-off the task asked for, once; -1 when none. */
    long takeTimeout() {
        long taken = timeoutMs;
        timeoutMs = -1L;
        return taken;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return consumer.assignment();
    }

    @Override
    public void pause(TopicPartition... partitions) {
        List<TopicPartition> asked = List.of(partitions);
        requireAssigned(asked, "pause");
        pausedByTask.addAll(asked);
        newlyPaused.addAll(asked);
        if (!pauses.allPaused()) {
            consumer.pause(asked);
        }
    }

    @Override
    public void resume(TopicPartition... partitions) {
        List<TopicPartition> asked = List.of(partitions);
        requireAssigned(asked, "resume");
        pausedByTask.removeAll(asked);
        newlyPaused.removeAll(asked);
        if (!pauses.allPaused()) {
            consumer.resume(asked);
        }
    }

    private void requireAssigned(Collection<TopicPartition> partitions, String action) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : partitions) {
            if (!assigned.contains(partition)) {
                throw new IllegalWorkerStateException("SinkTasks can not " + action + " partitions that are not assigned to them: "
                        + partition);
            }
        }
    }

    /** The partitions the task paused since the last call (and did not resume since). */
    Set<TopicPartition> takeNewlyPaused() {
        Set<TopicPartition> taken = new HashSet<>(newlyPaused);
        newlyPaused.clear();
        return taken;
    }

    /** The partitions the task itself paused, which stay paused when the whole task resumes. */
    Set<TopicPartition> pausedByTask() {
        return pausedByTask;
    }

    @Override
    public void requestCommit() {
        commitRequested = true;
    }

    boolean takeCommitRequest() {
        boolean requested = commitRequested;
        commitRequested = false;
        return requested;
    }

    @Override
    public ErrantRecordReporter errantRecordReporter() {
        return errantReporter;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return pluginMetrics;
    }
}
