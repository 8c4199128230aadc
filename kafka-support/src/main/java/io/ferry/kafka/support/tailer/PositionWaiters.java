package io.ferry.kafka.support.tailer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Futures waiting until the tailer has applied a given offset of a partition. Writers register
 * from producer callback threads; the tailer thread advances positions. Futures are completed
 * outside the lock, so a dependent action cannot stall the tailer on this monitor.
 */
final class PositionWaiters {
    /** Per partition: the next offset the tailer will apply (everything below it is applied). */
    private final Map<Integer, Long> applied = new HashMap<>();
    private final Map<Integer, NavigableMap<Long, List<CompletableFuture<Void>>>> waiting = new HashMap<>();
    private Throwable closedWith;

    /** A future completed once the record at {@code offset} of {@code partition} has been applied. */
    CompletableFuture<Void> awaitApplied(int partition, long offset) {
        synchronized (this) {
            if (closedWith != null) {
                return CompletableFuture.failedFuture(closedWith);
            }
            if (applied.getOrDefault(partition, 0L) > offset) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> future = new CompletableFuture<>();
            waiting.computeIfAbsent(partition, p -> new TreeMap<>())
                    .computeIfAbsent(offset, o -> new ArrayList<>(1))
                    .add(future);
            return future;
        }
    }

    /** Records that every offset below {@code position} of {@code partition} has been applied. */
    void advance(int partition, long position) {
        List<CompletableFuture<Void>> done = new ArrayList<>();
        synchronized (this) {
            applied.merge(partition, position, Math::max);
            NavigableMap<Long, List<CompletableFuture<Void>>> byOffset = waiting.get(partition);
            if (byOffset == null) {
                return;
            }
            NavigableMap<Long, List<CompletableFuture<Void>>> reached = byOffset.headMap(position, false);
            reached.values().forEach(done::addAll);
            reached.clear();
        }
        done.forEach(future -> future.complete(null));
    }

    /** The next offset to apply per partition, as far as applied. */
    synchronized Map<Integer, Long> positions() {
        return Map.copyOf(applied);
    }

    /** Fails every waiting future and every later registration. */
    void close(Throwable reason) {
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        synchronized (this) {
            closedWith = reason;
            waiting.values().forEach(byOffset -> byOffset.values().forEach(pending::addAll));
            waiting.clear();
        }
        pending.forEach(future -> future.completeExceptionally(reason));
    }
}
