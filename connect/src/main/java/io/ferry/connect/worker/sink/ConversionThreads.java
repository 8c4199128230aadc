package io.ferry.connect.worker.sink;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

import io.ferry.connect.model.TaskId;
import io.ferry.connect.worker.task.LoggingContext;

/**
 * Threads that convert a sink task's records: named after the task ({@code task-thread-<id>-convert},
 * then {@code -convert-1}, {@code -convert-2}… for the helpers), with the task's logging context and its
 * plugin's class loader, as the task thread has them. Daemons: a stuck converter never holds the
 * worker's exit.
 */
final class ConversionThreads {
    private ConversionThreads() {
    }

    /** Threads named {@code task-thread-<id>-convert}, then with {@code -1}, {@code -2}… when {@code numbered}. */
    static ThreadFactory of(TaskId id, ClassLoader loader, boolean numbered) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            String name = "task-thread-" + id + "-convert" + (numbered ? "-" + count.incrementAndGet() : "");
            Thread thread = new Thread(() -> {
                try (LoggingContext context = LoggingContext.forTask(id)) {
                    runnable.run();
                }
            }, name);
            thread.setDaemon(true);
            thread.setContextClassLoader(loader);
            return thread;
        };
    }
}
