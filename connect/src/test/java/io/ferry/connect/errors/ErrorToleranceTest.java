package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which failures {@code errors.tolerance} covers, stage by stage. */
class ErrorToleranceTest {
    private final ManualTime time = new ManualTime();
    private final CountingMetrics metrics = new CountingMetrics();
    private final RecordingReporter reporter = RecordingReporter.immediate();
    private final ProcessingContext context = ProcessingContext.forSink(consumed("orders", 0, 42, "k", "v"));
    private final DataException failure = new DataException("bad data");

    private Object executeFailing(Stage stage, boolean tolerateAll, RuntimeException thrown) {
        RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(0, 60_000, tolerateAll), List.of(reporter), metrics, time);
        return handler.execute(context, stage, ErrorToleranceTest.class, () -> {
            throw thrown;
        });
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"KEY_CONVERTER", "VALUE_CONVERTER", "HEADER_CONVERTER", "TRANSFORMATION", "KAFKA_PRODUCE"})
    void shouldSkipARecordThatFailedInATolerableStageWhenAllErrorsAreTolerated(Stage stage) {
        assertThat(executeFailing(stage, true, failure)).isNull();

        assertThat(context.failed()).isTrue();
        assertThat(context.error()).isSameAs(failure);
        assertThat(reporter.only().stage()).isEqualTo(stage);
        assertThat(reporter.only().executingClass()).isEqualTo(ErrorToleranceTest.class);
        assertThat(metrics.skipped).hasValue(1);
        assertThat(metrics.errors).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"KEY_CONVERTER", "VALUE_CONVERTER", "HEADER_CONVERTER", "TRANSFORMATION", "KAFKA_PRODUCE"})
    void shouldFailTheTaskAfterReportingWhenNoErrorIsTolerated(Stage stage) {
        assertThatThrownBy(() -> executeFailing(stage, false, failure))
                .isInstanceOf(ToleranceExceededException.class)
                .hasCause(failure);

        assertThat(reporter.only().error()).isSameAs(failure);
        assertThat(metrics.skipped).hasValue(0);
        assertThat(metrics.errors).hasValue(1);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"TASK_PUT", "TASK_POLL", "KAFKA_CONSUME"})
    void shouldRethrowAFailureOfAStageNoToleranceCoversEvenWhenAllErrorsAreTolerated(Stage stage) {
        assertThatThrownBy(() -> executeFailing(stage, true, failure))
                .isExactlyInstanceOf(ConnectException.class)
                .hasMessage("Unhandled exception in error handler")
                .hasCause(failure);

        assertThat(reporter.only().stage()).isEqualTo(stage);
        assertThat(metrics.skipped).hasValue(0);
    }

    @ParameterizedTest
    @EnumSource(value = Stage.class, names = {"TASK_PUT", "TASK_POLL", "KAFKA_CONSUME"})
    void shouldTolerateRetriableFailuresInEveryStageOnceRetriesRunOut(Stage stage) {
        assertThat(executeFailing(stage, true, new RetriableException("later"))).isNull();

        assertThat(context.error()).isInstanceOf(RetriableException.class);
        assertThat(metrics.skipped).hasValue(1);
    }
}
