package io.ferry.connect.rest;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Waits for the herder, never for ever: a future that does not complete within the request
 * timeout is answered 500 "Request timed out", as Apache Kafka Connect answers it (the operation
 * itself may still complete later). Work that runs plugin code synchronously (validation, plugin
 * definitions) runs on a separate pool so that it is bounded by the same timeout.
 */
final class Completion {
    static final String TIMED_OUT = "Request timed out";

    private final Duration timeout;
    private final ExecutorService pluginWork;

    Completion(Duration timeout, ExecutorService pluginWork) {
        this.timeout = timeout;
        this.pluginWork = pluginWork;
    }

    /** The future's value; its failure is thrown as it is (a checked one wrapped in a {@link CompletionException}). */
    <T> T await(CompletableFuture<T> future) {
        if (!completesWithin(future, timeout)) {
            throw new RestException(500, TIMED_OUT);
        }
        return valueOf(future);
    }

    /** Runs work that may block in plugin code, bounded by the request timeout; on time out the work is interrupted. */
    <T> T run(Supplier<T> work) {
        Future<T> future = pluginWork.submit(work::get);
        if (!completesWithin(future, timeout)) {
            future.cancel(true);
            throw new RestException(500, TIMED_OUT);
        }
        return valueOf(future);
    }

    /** Whether the future is done (either way) within the limit. */
    static boolean completesWithin(Future<?> future, Duration limit) {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException | CancellationException e) {
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestException(500, "Request interrupted");
        }
    }

    /** The value of a future that is done, or its failure. */
    static <T> T valueOf(Future<T> done) {
        try {
            return done.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new CompletionException(cause);
        } catch (CancellationException e) {
            throw new RestException(500, "Request cancelled");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RestException(500, "Request interrupted");
        }
    }
}
