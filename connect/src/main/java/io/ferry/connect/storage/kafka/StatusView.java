package io.ferry.connect.storage.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

import io.ferry.connect.storage.kafka.KafkaStatusCodec.Status;

/**
 * One worker's view of the status topic: its own writes at once, other workers' as they are read,
 * and the later of the two in the topic when they cross. Thread-safe.
 *
 * <p>Each key's writes are numbered. While a write of this worker is in flight, records read for
 * the key are held back; when the write is acknowledged at offset {@code o}, a held record after
 * {@code o} replaces it (another worker wrote last) and one before it is dropped (it is older). So the
 * view never goes back to a state older than this worker's own latest write, and ends where the
 * topic ends.
 */
final class StatusView {
    /** Slots are never removed, so that a key's write bookkeeping outlives its tombstone. */
    private final Map<StatusKey, Slot> slots = new HashMap<>();
    private int inFlight;

    /**
     * Applies a write of this worker, before it is sent.
     *
     * @param value   a {@link Status}, a {@link KafkaStatusCodec.TopicUse}, or null to delete
     * @param guarded whether Apache's generation rule applies: a status is not written over one of
     *                another worker from a newer generation
     * @return the write's number, to pass to {@link #isLatest} and {@link #sent}; -1 when refused
     */
    synchronized int write(StatusKey key, Object value, boolean guarded) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        if (guarded && slot.value instanceof Status current && value instanceof Status next && !mayReplace(current, next)) {
            return -1;
        }
        slot.value = value;
        slot.pending++;
        inFlight++;
        return ++slot.sequence;
    }

    /** Apache's rule: the same worker, or a generation at least as new. */
    private static boolean mayReplace(Status current, Status next) {
        return current.state().workerId().equals(next.state().workerId()) || current.generation() <= next.generation();
    }

    /** Whether no later write of the key was made since write number {@code sequence}. */
    synchronized boolean isLatest(StatusKey key, int sequence) {
        return slots.get(key).sequence == sequence;
    }

    /**
     * A write of this worker is over.
     *
     * @param offset where Kafka stored it; -1 when it was dropped
     */
    synchronized void sent(StatusKey key, long offset) {
        Slot slot = slots.get(key);
        slot.pending--;
        slot.ownOffset = Math.max(slot.ownOffset, offset);
        if (slot.pending == 0 && slot.held != null) {
            if (slot.held.offset > slot.ownOffset) {
                slot.value = slot.held.value;
            }
            slot.held = null;
        }
        if (--inFlight == 0) {
            notifyAll();
        }
    }

    /** A record read from the topic, of any worker. */
    synchronized void read(StatusKey key, long offset, Object value) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        if (slot.pending > 0) {
            if (slot.held == null || offset > slot.held.offset) {
                slot.held = new Held(offset, value);
            }
        } else if (offset > slot.ownOffset) {
            slot.value = value;
        }
    }

    /** @return null when unknown or deleted */
    synchronized Object get(StatusKey key) {
        Slot slot = slots.get(key);
        return slot == null ? null : slot.value;
    }

    /** The known (not deleted) values of the keys that match. */
    synchronized Map<StatusKey, Object> matching(Predicate<StatusKey> keys) {
        Map<StatusKey, Object> found = new LinkedHashMap<>();
        slots.forEach((key, slot) -> {
            if (slot.value != null && keys.test(key)) {
                found.put(key, slot.value);
            }
        });
        return found;
    }

    /** @return false when writes were still in flight after {@code timeout} */
    synchronized boolean awaitWritten(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    private static final class Slot {
        /** A {@link Status}, a {@link KafkaStatusCodec.TopicUse}, or null when deleted. */
        Object value;
        int sequence;
        int pending;
        /** The offset of this worker's latest acknowledged write of the key. */
        long ownOffset = -1;
        /** The newest record of the key read while a write of ours was in flight. */
        Held held;
    }

    private record Held(long offset, Object value) {
    }
}
