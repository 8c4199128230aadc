package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import java.util.concurrent.atomic.AtomicLong;

/** Counts what error handling records. */
final class CountingMetrics implements ErrorHandlingMetrics {
    final AtomicLong failures = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    final AtomicLong logged = new AtomicLong();
    final AtomicLong deadLetterRequests = new AtomicLong();
    final AtomicLong deadLetterFailures = new AtomicLong();
    final AtomicLong lastErrorTimestamp = new AtomicLong(-1);

    @Override
    public void recordFailure() {
        failures.incrementAndGet();
    }

    @Override
    public void recordError() {
        errors.incrementAndGet();
    }

    @Override
    public void recordSkipped() {
        skipped.incrementAndGet();
    }

    @Override
    public void recordRetry() {
        retries.incrementAndGet();
    }

    @Override
    public void recordErrorLogged() {
        logged.incrementAndGet();
    }

    @Override
    public void recordDeadLetterQueueProduceRequest() {
        deadLetterRequests.incrementAndGet();
    }

    @Override
    public void recordDeadLetterQueueProduceFailed() {
        deadLetterFailures.incrementAndGet();
    }

    @Override
    public void recordErrorTimestamp(long epochMillis) {
        lastErrorTimestamp.set(epochMillis);
    }
}
