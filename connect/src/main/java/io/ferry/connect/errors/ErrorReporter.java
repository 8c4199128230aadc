package io.ferry.connect.errors;

import java.util.concurrent.Future;

/**
 * Tells the world about a record that failed: a log line, a dead-letter queue record.
 *
 * <p>Implementations are thread-safe: reports may come from the task's thread and from producer
 * callbacks at once.
 */
public interface ErrorReporter extends AutoCloseable {

    /**
     * Reports the failed record of {@code context}; does not block beyond handing the report over.
     *
     * @param context a context whose {@link ProcessingContext#failed()} is true
     * @return completes when the report is durable (at once for a log line); fails when it could not be made
     */
    Future<?> report(ProcessingContext context);

    /** Releases what the reporter holds; waits (boundedly) for reports under way. */
    @Override
    void close();
}
