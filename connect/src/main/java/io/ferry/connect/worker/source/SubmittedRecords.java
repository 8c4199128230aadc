package io.ferry.connect.worker.source;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.connect.source.SourceRecord;

/**
 * The records a source task handed to the producer, by source partition, in order — so that an
 * offset is committable only once its record and every earlier record of its source partition are
 * acknowledged (or deliberately skipped). Records of different source partitions do not wait for
 * each other.
 *
 * <p>Submitting happens on the task thread, acknowledging on the producer's thread, taking the
 * committable offsets on the committer's thread: every method is thread-safe.
 */
final class SubmittedRecords {
    private final Map<Map<String, ?>, Deque<Submitted>> byPartition = new HashMap<>();
    private long outstanding;

    /** A record on its way to Kafka. */
    final class Submitted {
        private final Map<String, ?> partition;
        private final Map<String, ?> offset;
        private boolean acked;

        private Submitted(Map<String, ?> partition, Map<String, ?> offset) {
            this.partition = partition;
            this.offset = offset;
        }

        /** Kafka acknowledged the record, or it was skipped on purpose. */
        void ack() {
            synchronized (SubmittedRecords.this) {
                if (!acked) {
                    acked = true;
                    outstanding--;
                    if (outstanding == 0) {
                        SubmittedRecords.this.notifyAll();
                    }
                }
            }
        }
    }

    /** What may be committed now. */
    record Committable(Map<Map<String, ?>, Map<String, ?>> offsets, long outstanding, int partitionsWaiting) {
        boolean isEmpty() {
            return offsets.isEmpty();
        }
    }

    /** Tracks a record; a record without a source partition or offset is tracked but commits nothing. */
    synchronized Submitted submit(SourceRecord record) {
        Submitted submitted = new Submitted(record.sourcePartition(), record.sourceOffset());
        byPartition.computeIfAbsent(submitted.partition, key -> new ArrayDeque<>()).addLast(submitted);
        outstanding++;
        return submitted;
    }

    /** Forgets the latest submission, which never reached the producer. */
    synchronized void withdraw(Submitted submission) {
        Deque<Submitted> queue = byPartition.get(submission.partition);
        if (queue != null && queue.removeLastOccurrence(submission)) {
            if (!submission.acked) {
                outstanding--;
            }
            if (queue.isEmpty()) {
                byPartition.remove(submission.partition);
            }
        }
    }

    /** Takes, per source partition, the offset of the last record of its acknowledged prefix. */
    synchronized Committable committable() {
        Map<Map<String, ?>, Map<String, ?>> offsets = new HashMap<>();
        int waiting = 0;
        Iterator<Map.Entry<Map<String, ?>, Deque<Submitted>>> partitions = byPartition.entrySet().iterator();
        while (partitions.hasNext()) {
            Map.Entry<Map<String, ?>, Deque<Submitted>> entry = partitions.next();
            Deque<Submitted> queue = entry.getValue();
            Map<String, ?> lastOffset = null;
            while (!queue.isEmpty() && queue.peekFirst().acked) {
                Submitted done = queue.pollFirst();
                lastOffset = done.offset != null ? done.offset : lastOffset;
            }
            if (lastOffset != null && entry.getKey() != null) {
                offsets.put(entry.getKey(), lastOffset);
            }
            if (queue.isEmpty()) {
                partitions.remove();
            } else {
                waiting++;
            }
        }
        return new Committable(offsets, outstanding, waiting);
    }

    synchronized long outstanding() {
        return outstanding;
    }

    /** Waits until every submitted record is acknowledged; false when the time ran out first. */
    synchronized boolean awaitAll(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (outstanding > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
