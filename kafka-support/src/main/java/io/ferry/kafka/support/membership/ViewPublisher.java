package io.ferry.kafka.support.membership;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds a member's current view and tells listeners of each new one on a single event thread, so
 * that publishing never blocks the poll thread.
 */
final class ViewPublisher implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ViewPublisher.class);

    private final List<MembershipListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService events;
    private final Object changed = new Object();
    private volatile MembershipView current;
    private volatile Thread eventThread;

    ViewPublisher(MembershipView initial, String threadName) {
        this.current = initial;
        this.events = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            eventThread = thread;
            return thread;
        });
    }

    MembershipView current() {
        return current;
    }

    /** Makes the view current and queues it for the listeners; returns at once. */
    void publish(MembershipView view) {
        synchronized (this) {
            synchronized (changed) {
                current = view;
                changed.notifyAll();
            }
            List<MembershipListener> toTell = List.copyOf(listeners);
            submit(() -> toTell.forEach(listener -> tell(listener, view)));
        }
    }

    /** Adds a listener; it is told of the current view first, then of every later one. */
    synchronized void addListener(MembershipListener listener) {
        listeners.add(listener);
        MembershipView now = current;
        submit(() -> tell(listener, now));
    }

    void removeListener(MembershipListener listener) {
        listeners.remove(listener);
    }

    /** Waits for a view that satisfies the condition; the condition is evaluated on the caller's thread. */
    MembershipView await(Predicate<? super MembershipView> condition, Duration timeout) throws InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            MembershipView seen = current;
            if (condition.test(seen)) {
                return seen;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TimeoutException("no view of group " + seen.groupId() + " satisfied the condition within "
                        + timeout.toMillis() + " ms; the last was: " + seen);
            }
            synchronized (changed) {
                if (current == seen) {
                    TimeUnit.NANOSECONDS.timedWait(changed, left);
                }
            }
        }
    }

    /** Lets the listeners hear of what was published so far, then stops the event thread. */
    @Override
    public void close() {
        events.shutdown();
        if (Thread.currentThread() == eventThread) {
            return; // closed by a listener: it cannot wait for itself
        }
        try {
            if (!events.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("Listeners of group {} did not finish within 5 s", current.groupId());
                events.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            events.shutdownNow();
        }
    }

    private void submit(Runnable task) {
        try {
            events.execute(task);
        } catch (RejectedExecutionException e) {
            log.debug("Group {}: a view was published after close; listeners are not told", current.groupId());
        }
    }

    private static void tell(MembershipListener listener, MembershipView view) {
        try {
            listener.onView(view);
        } catch (RuntimeException e) {
            log.warn("A membership listener failed on {}", view, e);
        }
    }
}
