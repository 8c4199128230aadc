package io.ferry.connect.herder;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The one thread a herder takes its decisions on: requests queue up and run in order, so they never
 * race. Its context class loader is the plugins' loader, because connector configs name classes
 * (converters, transformations) that may live on {@code plugin.path}.
 */
public final class OwnerThread {
    private final ScheduledExecutorService executor;

    public OwnerThread(String name, ClassLoader pluginLoader) {
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(pluginLoader);
            return thread;
        });
    }

    /** The executor, to queue work and schedule it. */
    public ScheduledExecutorService executor() {
        return executor;
    }

    /** Runs the action on the thread; its failure completes the future. */
    public <T> CompletableFuture<T> call(Callable<T> action) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return action.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor);
    }

    /** Runs the action on the thread and follows the future it returns. */
    public <T> CompletableFuture<T> compose(Supplier<CompletableFuture<T>> action) {
        return CompletableFuture.supplyAsync(action, executor).thenCompose(future -> future);
    }

    /** Stops the thread, abandoning what is queued. */
    public void shutdownNow() {
        executor.shutdownNow();
    }
}
