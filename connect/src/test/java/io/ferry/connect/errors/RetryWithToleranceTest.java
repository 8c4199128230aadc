package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.json.JsonConverter;
import org.junit.jupiter.api.Test;

/** Retries, backoff, the retry timeout and stopping. */
class RetryWithToleranceTest {
    private final ManualTime time = new ManualTime();
    private final CountingMetrics metrics = new CountingMetrics();
    private final RecordingReporter reporter = RecordingReporter.immediate();
    private final ProcessingContext context = ProcessingContext.forSink(consumed("orders", 0, 42, "k", "v"));

    private RetryWithTolerance handler(long retryTimeoutMs, long maxDelayMs, boolean tolerateAll) {
        return new RetryWithTolerance(new ErrorPolicy(retryTimeoutMs, maxDelayMs, tolerateAll), List.of(reporter), metrics, time);
    }

    /** Fails retriably {@code failures} times, then answers "ok"; counts its calls. */
    private static final class Flaky {
        final AtomicInteger calls = new AtomicInteger();
        private final int failures;

        Flaky(int failures) {
            this.failures = failures;
        }

        String call() {
            if (calls.incrementAndGet() <= failures) {
                throw new RetriableException("not yet (" + calls.get() + ")");
            }
            return "ok";
        }
    }

    @Test
    void shouldReturnTheResultOfAnOperationThatSucceeds() {
        String result = handler(1000, 60_000, false).execute(context, Stage.VALUE_CONVERTER, JsonConverter.class, () -> "converted");

        assertThat(result).isEqualTo("converted");
        assertThat(context.failed()).isFalse();
        assertThat(context.attempt()).isEqualTo(1);
        assertThat(context.stage()).isEqualTo(Stage.VALUE_CONVERTER);
        assertThat(context.executingClass()).isEqualTo(JsonConverter.class);
        assertThat(context.reported()).isDone();
        assertThat(reporter.reports).isEmpty();
        assertThat(metrics.failures).hasValue(0);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void shouldRetryRetriableFailuresWithDoublingDelaysUntilTheTimeout() {
        Flaky flaky = new Flaky(Integer.MAX_VALUE);

        Object result = handler(1000, 60_000, true).execute(context, Stage.TRANSFORMATION, Flaky.class, flaky::call);

        assertThat(result).isNull();
        assertThat(time.waits()).containsExactly(300L, 600L, 100L);
        assertThat(flaky.calls).hasValue(4);
        assertThat(context.attempt()).isEqualTo(4);
        assertThat(context.error()).isInstanceOf(RetriableException.class).hasMessage("not yet (4)");
        assertThat(reporter.only().attempt()).isEqualTo(4);
        assertThat(metrics.failures).hasValue(4);
        assertThat(metrics.retries).hasValue(3);
        assertThat(metrics.errors).hasValue(1);
        assertThat(metrics.skipped).hasValue(1);
        assertThat(metrics.lastErrorTimestamp).hasValue(time.milliseconds());
    }

    @Test
    void shouldNeverWaitLongerThanTheMaximumDelay() {
        handler(5000, 1000, true).execute(context, Stage.TRANSFORMATION, Flaky.class, new Flaky(Integer.MAX_VALUE)::call);

        assertThat(time.waits()).startsWith(300L, 600L, 1000L, 1000L).allMatch(wait -> wait <= 1000L);
        assertThat(time.waits().stream().mapToLong(Long::longValue).sum()).isEqualTo(5000L);
    }

    @Test
    void shouldSucceedWhenARetrySucceeds() {
        Flaky flaky = new Flaky(2);

        String result = handler(10_000, 60_000, false).execute(context, Stage.KEY_CONVERTER, Flaky.class, flaky::call);

        assertThat(result).isEqualTo("ok");
        assertThat(context.failed()).isFalse();
        assertThat(context.attempt()).isEqualTo(3);
        assertThat(time.waits()).containsExactly(300L, 600L);
        assertThat(metrics.failures).hasValue(2);
        assertThat(metrics.retries).hasValue(2);
        assertThat(metrics.errors).hasValue(0);
        assertThat(reporter.reports).isEmpty();
    }

    @Test
    void shouldNotRetryWhenTheRetryTimeoutIsZero() {
        Flaky flaky = new Flaky(1);

        handler(0, 60_000, true).execute(context, Stage.KEY_CONVERTER, Flaky.class, flaky::call);

        assertThat(flaky.calls).hasValue(1);
        assertThat(time.waits()).isEmpty();
        assertThat(context.failed()).isTrue();
        assertThat(metrics.retries).hasValue(0);
    }

    @Test
    void shouldRetryForeverWhenTheRetryTimeoutIsNegative() {
        Flaky flaky = new Flaky(40);

        String result = handler(-1, 60_000, false).execute(context, Stage.KEY_CONVERTER, Flaky.class, flaky::call);

        assertThat(result).isEqualTo("ok");
        assertThat(flaky.calls).hasValue(41);
        assertThat(time.waits()).hasSize(40).endsWith(60_000L);
    }

    @Test
    void shouldNotRetryANonRetriableFailure() {
        AtomicInteger calls = new AtomicInteger();

        handler(10_000, 60_000, true).execute(context, Stage.VALUE_CONVERTER, JsonConverter.class, () -> {
            calls.incrementAndGet();
            throw new DataException("not JSON");
        });

        assertThat(calls).hasValue(1);
        assertThat(time.waits()).isEmpty();
        assertThat(context.error()).isInstanceOf(DataException.class);
        assertThat(metrics.failures).hasValue(1);
        assertThat(metrics.errors).hasValue(1);
        assertThat(metrics.skipped).hasValue(1);
    }

    @Test
    void shouldFailTheTaskWhenRetriesRunOutAndErrorsAreNotTolerated() {
        assertThatThrownBy(() -> handler(1000, 60_000, false)
                .execute(context, Stage.TRANSFORMATION, Flaky.class, new Flaky(Integer.MAX_VALUE)::call))
                .isInstanceOf(ToleranceExceededException.class)
                .hasMessage("Tolerance exceeded in error handler")
                .hasCauseInstanceOf(RetriableException.class);
        assertThat(reporter.only().error()).isInstanceOf(RetriableException.class);
        assertThat(metrics.skipped).hasValue(0);
        assertThat(metrics.errors).hasValue(1);
    }

    @Test
    void shouldStopRetryingWhenTheTaskStopsDuringAWait() {
        RetryWithTolerance handler = handler(-1, 60_000, true);
        Flaky flaky = new Flaky(Integer.MAX_VALUE);
        time.duringWait(() -> {
            if (flaky.calls.get() == 3) {
                handler.triggerStop();
            }
        });

        Object result = handler.execute(context, Stage.TRANSFORMATION, Flaky.class, flaky::call);

        assertThat(result).isNull();
        assertThat(flaky.calls).hasValue(3);
        assertThat(context.failed()).isTrue();
        assertThat(metrics.retries).hasValue(2);
        assertThat(reporter.reports).hasSize(1);
    }

    @Test
    void shouldNotRetryAfterTheTaskWasAskedToStop() {
        RetryWithTolerance handler = handler(-1, 60_000, false);
        handler.triggerStop();
        Flaky flaky = new Flaky(Integer.MAX_VALUE);

        assertThatThrownBy(() -> handler.execute(context, Stage.TRANSFORMATION, Flaky.class, flaky::call))
                .isInstanceOf(ToleranceExceededException.class);
        assertThat(flaky.calls).hasValue(1);
        assertThat(time.waits()).isEmpty();
    }

    @Test
    void shouldWakeARetryWaitingOnTheSystemClockWhenTheTaskStops() throws Exception {
        RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(-1, 60_000, true), List.of(reporter), metrics, Time.SYSTEM);
        Flaky flaky = new Flaky(Integer.MAX_VALUE);
        CompletableFuture<Object> retrying = CompletableFuture.supplyAsync(
                () -> handler.execute(context, Stage.TRANSFORMATION, Flaky.class, flaky::call));
        while (flaky.calls.get() < 3) {
            Thread.sleep(10);
        }
        assertThat(retrying).isNotDone();

        handler.triggerStop();

        assertThat(retrying.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(context.failed()).isTrue();
        assertThat(flaky.calls).hasValue(3);
    }

    @Test
    void shouldSkipTheLaterStagesOfARecordThatFailed() {
        RetryWithTolerance handler = handler(0, 60_000, true);
        handler.execute(context, Stage.KEY_CONVERTER, JsonConverter.class, () -> {
            throw new DataException("bad key");
        });
        AtomicInteger calls = new AtomicInteger();

        Object result = handler.execute(context, Stage.VALUE_CONVERTER, JsonConverter.class, calls::incrementAndGet);

        assertThat(result).isNull();
        assertThat(calls).hasValue(0);
        assertThat(reporter.reports).hasSize(1);
        assertThat(context.error()).hasMessage("bad key");
        assertThat(context.stage()).isEqualTo(Stage.KEY_CONVERTER);
    }

    @Test
    void shouldReportAFailureThatHappenedElsewhereAndCompleteWhenTheReportersAreDone() {
        RecordingReporter slow = RecordingReporter.deferred();
        RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(0, 60_000, true), List.of(reporter, slow), metrics, time);
        ProcessingContext source = ProcessingContext.forSource(TestRecords.source("lines", "k", "v"));
        ConnectException refused = new ConnectException("record too large");

        Future<Void> reported = handler.executeFailed(source, Stage.KAFKA_PRODUCE, RetryWithToleranceTest.class, refused);

        assertThat(source.failed()).isTrue();
        assertThat(source.stage()).isEqualTo(Stage.KAFKA_PRODUCE);
        assertThat(reporter.only().error()).isSameAs(refused);
        assertThat(reported).isNotDone();
        slow.only().done().complete(null);
        assertThat(reported).isDone();
        assertThat(source.reported()).isSameAs(reported);
        assertThat(metrics.failures).hasValue(1);
        assertThat(metrics.errors).hasValue(1);
        assertThat(metrics.skipped).hasValue(1);
    }

    @Test
    void shouldFailTheTaskForAFailureThatHappenedElsewhereWhenNotTolerated() {
        RuntimeException failure = new IllegalStateException("cannot write");

        assertThatThrownBy(() -> handler(0, 60_000, false).executeFailed(context, Stage.TASK_PUT, Object.class, failure))
                .isInstanceOf(ToleranceExceededException.class)
                .hasCause(failure);
        assertThat(reporter.only().stage()).isEqualTo(Stage.TASK_PUT);
        assertThat(metrics.skipped).hasValue(0);
    }

    @Test
    void shouldKeepHandlingWhenAReporterThrows() throws Exception {
        ErrorReporter broken = new ErrorReporter() {
            @Override
            public Future<?> report(ProcessingContext ignored) {
                throw new IllegalStateException("reporter closed");
            }

            @Override
            public void close() {
            }
        };
        RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(0, 0, true), List.of(broken, reporter), metrics, time);

        Object result = handler.execute(context, Stage.TRANSFORMATION, Object.class, () -> {
            throw new DataException("bad");
        });

        assertThat(result).isNull();
        assertThat(reporter.reports).hasSize(1);
        assertThatThrownBy(() -> context.reported().get(1, TimeUnit.SECONDS)).hasRootCauseMessage("reporter closed");
    }

    @Test
    void shouldCloseEveryReporterOnceEvenWhenOneFailsToClose() {
        RecordingReporter last = RecordingReporter.immediate();
        ErrorReporter failing = new ErrorReporter() {
            @Override
            public Future<?> report(ProcessingContext ignored) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {
                throw new IllegalStateException("cannot close");
            }
        };
        RetryWithTolerance handler = new RetryWithTolerance(ErrorPolicy.FAIL_FAST, List.of(reporter, failing, last), metrics, time);

        assertThatThrownBy(handler::close).isInstanceOf(ConnectException.class).hasMessage("Failed to close all reporters");
        assertThat(reporter.closed).isTrue();
        assertThat(last.closed).isTrue();
        handler.close();
    }
}
