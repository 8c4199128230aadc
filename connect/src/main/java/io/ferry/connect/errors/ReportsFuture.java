package io.ferry.connect.errors;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Done when every report of one failure is done; fails with the first report that failed. A report
 * cannot be called back once handed over, so this future cannot be cancelled.
 */
final class ReportsFuture implements Future<Void> {
    private final List<Future<?>> reports;

    ReportsFuture(List<Future<?>> reports) {
        this.reports = List.copyOf(reports);
    }

    /** Does nothing: reports already handed to a reporter cannot be called back. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        return false;
    }

    @Override
    public boolean isCancelled() {
        return false;
    }

    @Override
    public boolean isDone() {
        return reports.stream().allMatch(Future::isDone);
    }

    @Override
    public Void get() throws InterruptedException, ExecutionException {
        for (Future<?> report : reports) {
            report.get();
        }
        return null;
    }

    @Override
    public Void get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        for (Future<?> report : reports) {
            report.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        return null;
    }
}
