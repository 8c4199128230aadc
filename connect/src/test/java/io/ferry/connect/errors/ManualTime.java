package io.ferry.connect.errors;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.utils.Time;

/** A clock that moves only when code sleeps or waits on it; records every wait. */
final class ManualTime implements Time {
    private volatile long now = 1_700_000_000_000L;
    private final List<Long> waits = new CopyOnWriteArrayList<>();
    private volatile Runnable duringWait = () -> { };

    @Override
    public long milliseconds() {
        return now;
    }

    @Override
    public long nanoseconds() {
        return now * 1_000_000;
    }

    @Override
    public void sleep(long ms) {
        waits.add(ms);
        now += ms;
    }

    /** Runs {@code duringWait}, then ends at once if the condition holds, else at the deadline. */
    @Override
    public void waitObject(Object obj, Supplier<Boolean> condition, long deadlineMs) {
        if (condition.get()) {
            return;
        }
        waits.add(deadlineMs - now);
        duringWait.run();
        if (condition.get()) {
            return;
        }
        now = Math.max(now, deadlineMs);
        throw new TimeoutException("Condition not satisfied before deadline");
    }

    /** What happens while code waits (another thread's action, as it were). */
    void duringWait(Runnable action) {
        this.duringWait = action;
    }

    /** The length of every sleep and wait, in ms, in order. */
    List<Long> waits() {
        return List.copyOf(waits);
    }
}
