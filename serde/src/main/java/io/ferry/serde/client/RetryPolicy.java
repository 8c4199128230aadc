package io.ferry.serde.client;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * How often and how long to wait before repeating a failed request: {@code maxRetries} more attempts,
 * the wait doubling from {@code initialWait} up to {@code maxWait}, minus a random part of up to half of it.
 */
public record RetryPolicy(int maxRetries, Duration initialWait, Duration maxWait) {

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must not be negative: " + maxRetries);
        }
    }

    /** Confluent's defaults: 3 retries, 1 s doubling up to 20 s. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(20));
    }

    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before retry number {@code retry} (1 for the first).
     *
     * @param random a value in [0, 1) deciding the jitter
     */
    public Duration waitBefore(int retry, DoubleSupplier random) {
        long base = initialWait.toMillis();
        long cap = maxWait.toMillis();
        long full = base;
        for (int i = 1; i < retry && full < cap; i++) {
            full *= 2;
        }
        full = Math.min(full, cap);
        long jitter = (long) (full / 2.0 * random.getAsDouble());
        return Duration.ofMillis(full - jitter);
    }
}
