package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import io.ferry.connect.model.TaskId;

class TaskErrorMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final TaskErrorMetrics errors = metrics.taskErrors(new TaskId("orders", 0));
    private final MetricReader reader = fixture.reader;

    private double value(String name) {
        return reader.number(TaskErrorMetrics.GROUP, name, "connector", "orders", "task", "0");
    }

    static Stream<Arguments> counters() {
        return Stream.of(
                Arguments.of("total-record-failures", (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordFailure),
                Arguments.of("total-record-errors", (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordError),
                Arguments.of("total-records-skipped", (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordSkipped),
                Arguments.of("total-retries", (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordRetry),
                Arguments.of("total-errors-logged", (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordErrorLogged),
                Arguments.of("deadletterqueue-produce-requests",
                        (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordDeadLetterQueueProduceRequest),
                Arguments.of("deadletterqueue-produce-failures",
                        (Consumer<ErrorHandlingMetrics>) ErrorHandlingMetrics::recordDeadLetterQueueProduceFailed));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("counters")
    void shouldCountEachEventInItsOwnMetricOnly(String metric, Consumer<ErrorHandlingMetrics> event) {
        event.accept(errors);
        event.accept(errors);

        counters().map(arguments -> (String) arguments.get()[0]).forEach(name ->
                assertThat(value(name)).as(name).isEqualTo(name.equals(metric) ? 2.0 : 0.0));
    }

    @Test
    void shouldGiveTheTimeOfTheLatestError() {
        assertThat(reader.value(TaskErrorMetrics.GROUP, "last-error-timestamp", "connector", "orders", "task", "0")).isEqualTo(0L);

        errors.recordErrorTimestamp(1_700_000_123_456L);

        assertThat(reader.value(TaskErrorMetrics.GROUP, "last-error-timestamp", "connector", "orders", "task", "0"))
                .isEqualTo(1_700_000_123_456L);
    }
}
