package io.ferry.connect.errors;

import io.ferry.connect.config.ConnectorConfig;
import org.apache.kafka.common.config.ConfigException;

/**
 * How a task reacts when an operation on a record fails: a connector's {@code errors.retry.timeout},
 * {@code errors.retry.delay.max.ms} and {@code errors.tolerance}.
 *
 * @param retryTimeoutMs  how long a retriable failure is retried, counted from the first attempt:
 *                        0 for never, a negative value ({@code -1}) for ever
 * @param maxRetryDelayMs the longest wait between two attempts; not negative
 * @param tolerateAll     {@code errors.tolerance=all}: a record that fails in a tolerable stage is
 *                        reported and skipped instead of failing the task
 */
public record ErrorPolicy(long retryTimeoutMs, long maxRetryDelayMs, boolean tolerateAll) {

    /** The defaults: no retry, fail on the first error. */
    public static final ErrorPolicy FAIL_FAST = new ErrorPolicy(0, 60_000, false);

    public ErrorPolicy {
        if (maxRetryDelayMs < 0) {
            throw new IllegalArgumentException("the maximum retry delay must not be negative: " + maxRetryDelayMs);
        }
    }

    /**
     * The policy a connector's settings describe.
     *
     * @throws ConfigException naming {@code errors.retry.delay.max.ms} when it is negative
     */
    public static ErrorPolicy from(ConnectorConfig config) {
        long maxDelay = config.getLong(ConnectorConfig.ERRORS_RETRY_MAX_DELAY);
        if (maxDelay < 0) {
            throw new ConfigException(ConnectorConfig.ERRORS_RETRY_MAX_DELAY, maxDelay, "must not be negative");
        }
        return new ErrorPolicy(config.getLong(ConnectorConfig.ERRORS_RETRY_TIMEOUT), maxDelay, config.toleratesAll());
    }

    /** Whether retriable failures are retried until the task stops. */
    public boolean retriesForever() {
        return retryTimeoutMs < 0;
    }
}
