package io.ferry.connect.errors;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Remembers what it was told (stage, class, error, attempt at that moment) and answers each report
 * with a future the test completes.
 */
final class RecordingReporter implements ErrorReporter {
    record Report(ProcessingContext context, Stage stage, Class<?> executingClass, Throwable error, int attempt,
                  CompletableFuture<Void> done) {
    }

    final List<Report> reports = new CopyOnWriteArrayList<>();
    final AtomicBoolean closed = new AtomicBoolean();
    private final boolean completeAtOnce;

    private RecordingReporter(boolean completeAtOnce) {
        this.completeAtOnce = completeAtOnce;
    }

    /** Its reports are done at once. */
    static RecordingReporter immediate() {
        return new RecordingReporter(true);
    }

    /** Its reports are done when the test completes them. */
    static RecordingReporter deferred() {
        return new RecordingReporter(false);
    }

    @Override
    public CompletableFuture<Void> report(ProcessingContext context) {
        CompletableFuture<Void> done = completeAtOnce ? CompletableFuture.completedFuture(null) : new CompletableFuture<>();
        reports.add(new Report(context, context.stage(), context.executingClass(), context.error(), context.attempt(), done));
        return done;
    }

    Report only() {
        if (reports.size() != 1) {
            throw new AssertionError("expected one report, got " + reports.size());
        }
        return reports.get(0);
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
