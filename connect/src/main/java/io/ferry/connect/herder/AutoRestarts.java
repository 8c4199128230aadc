package io.ferry.connect.herder;

import java.util.HashMap;
import java.util.Map;

import io.ferry.connect.config.WorkerConfig;
import org.apache.kafka.common.utils.Time;

/**
 * Ferry's automatic restarts of failed connectors and tasks ({@code ferry.task.restart.*}): the
 * first after the initial delay, each next one after twice the previous delay, up to the maximum.
 * An instance that ran longer than the maximum delay before failing starts again from the initial
 * delay. Used by the herder's owner thread.
 */
public final class AutoRestarts {
    /** A planned restart: when, and which attempt since the failures began. */
    public record Plan(long atMs, long delayMs, int attempt) {
    }

    private final boolean enabled;
    private final long initialDelayMs;
    private final long maxDelayMs;
    private final Time time;
    private final Map<Object, Integer> attempts = new HashMap<>();
    private final Map<Object, Long> startedAt = new HashMap<>();

    public AutoRestarts(WorkerConfig config, Time time) {
        this.enabled = config.getBoolean(WorkerConfig.TASK_RESTART_ENABLE);
        this.initialDelayMs = config.getLong(WorkerConfig.TASK_RESTART_INITIAL_DELAY_MS);
        this.maxDelayMs = config.getLong(WorkerConfig.TASK_RESTART_MAX_DELAY_MS);
        this.time = time;
    }

    public boolean enabled() {
        return enabled;
    }

    /** The instance (a connector name or a task id) was started. */
    public void started(Object instance) {
        startedAt.put(instance, time.milliseconds());
    }

    /** The next restart of an instance that just failed. */
    public Plan failed(Object instance) {
        long now = time.milliseconds();
        Long started = startedAt.get(instance);
        if (started != null && now - started > maxDelayMs) {
            attempts.remove(instance);
        }
        int attempt = attempts.merge(instance, 1, Integer::sum);
        long delay = initialDelayMs;
        for (int i = 1; i < attempt && delay < maxDelayMs; i++) {
            delay *= 2;
        }
        delay = Math.min(delay, maxDelayMs);
        return new Plan(now + delay, delay, attempt);
    }

    /** Forget an instance: restarted by hand, reconfigured or deleted. */
    public void forget(Object instance) {
        attempts.remove(instance);
        startedAt.remove(instance);
    }
}
