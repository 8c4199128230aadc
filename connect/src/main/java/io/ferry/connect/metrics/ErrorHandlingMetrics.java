package io.ferry.connect.metrics;

/**
 * What error handling counts, per task: Apache Kafka Connect's {@code task-error-metrics}.
 * Implementations are thread-safe.
 */
public interface ErrorHandlingMetrics {

    /** One failed attempt of an operation, retried or not. */
    void recordFailure();

    /** A record that could not be processed after its retries. */
    void recordError();

    /** A record skipped because errors are tolerated. */
    void recordSkipped();

    void recordRetry();

    void recordErrorLogged();

    void recordDeadLetterQueueProduceRequest();

    void recordDeadLetterQueueProduceFailed();

    /** The time of the latest error. */
    void recordErrorTimestamp(long epochMillis);

    /** Counts nothing. */
    ErrorHandlingMetrics NONE = new ErrorHandlingMetrics() {
        @Override
        public void recordFailure() {
        }

        @Override
        public void recordError() {
        }

        @Override
        public void recordSkipped() {
        }

        @Override
        public void recordRetry() {
        }

        @Override
        public void recordErrorLogged() {
        }

        @Override
        public void recordDeadLetterQueueProduceRequest() {
        }

        @Override
        public void recordDeadLetterQueueProduceFailed() {
        }

        @Override
        public void recordErrorTimestamp(long epochMillis) {
        }
    };
}
