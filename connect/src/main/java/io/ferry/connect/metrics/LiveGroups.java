package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The open metric groups of one kind, one per key (a connector name, a task id). Opening a key that
 * is already open closes the earlier group first, so a task restarted before its old metrics were
 * closed still registers cleanly, and the old object's later {@code close()} cannot remove the new
 * metrics.
 *
 * <p>Thread-safe. Reads ({@link #values()}) take no lock, so gauges may call them while the metrics
 * registry holds its own lock; {@link #open} holds this object's lock while it registers metrics,
 * which is the only order in which the two locks are taken.
 */
final class LiveGroups<K, G extends AutoCloseable> {
    private final Map<K, G> open = new ConcurrentHashMap<>();

    /**
     * Closes the group open under {@code key}, if any, and opens a new one. The factory receives the
     * action the new group must run when it is closed.
     */
    synchronized G open(K key, Function<Runnable, G> factory) {
        G previous = open.remove(key);
        if (previous != null) {
            closeGroup(previous);
        }
        AtomicReference<G> created = new AtomicReference<>();
        G group = factory.apply(() -> {
            G self = created.get();
            if (self != null) {
                open.remove(key, self);
            }
        });
        created.set(group);
        open.put(key, group);
        return group;
    }

    /** The open groups, as of now. */
    Collection<G> values() {
        return Collections.unmodifiableCollection(open.values());
    }

    G get(K key) {
        return open.get(key);
    }

    /** Closes every open group. */
    synchronized void closeAll() {
        for (G group : new ArrayList<>(open.values())) {
            closeGroup(group);
        }
        open.clear();
    }

    private static void closeGroup(AutoCloseable group) {
        try {
            group.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close metric group " + group, e);
        }
    }
}
