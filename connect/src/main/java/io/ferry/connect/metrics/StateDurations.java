package io.ferry.connect.metrics;

import java.util.EnumMap;
import java.util.Map;

import io.ferry.connect.model.State;

/**
 * How long a task has spent in each state since its first state change, for the running and pause
 * ratios. Before the first change there is no state and every ratio is 0. Thread-safe.
 */
final class StateDurations {
    private final Map<State, Long> finishedMs = new EnumMap<>(State.class);
    private State current;
    private long firstChangeMs;
    private long lastChangeMs;

    /** The state is now {@code state}, since {@code nowMs}; a change to the same state changes nothing. */
    synchronized void change(State state, long nowMs) {
        if (current == null) {
            firstChangeMs = nowMs;
        } else if (current == state) {
            return;
        } else {
            finishedMs.merge(current, Math.max(0, nowMs - lastChangeMs), Long::sum);
        }
        current = state;
        lastChangeMs = nowMs;
    }

    /** The state set last, or null before the first change. */
    synchronized State current() {
        return current;
    }

    /** The share of the time since the first change spent in {@code state}, from 0 to 1. */
    synchronized double ratio(State state, long nowMs) {
        if (current == null) {
            return 0.0;
        }
        long total = Math.max(0, nowMs - firstChangeMs);
        if (total == 0) {
            return 0.0;
        }
        long inState = finishedMs.getOrDefault(state, 0L);
        if (state == current) {
            inState += Math.max(0, nowMs - lastChangeMs);
        }
        return (double) inState / total;
    }
}
