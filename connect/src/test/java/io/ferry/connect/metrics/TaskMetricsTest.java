package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

class TaskMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final ManualTime time = fixture.time;
    private final TaskMetrics task = metrics.task(new TaskId("orders", 2), MetricRegistrationTest.fullInfo());
    private final MetricReader reader = fixture.reader;

    private Object value(String name) {
        return reader.value(TaskMetrics.GROUP, name, "connector", "orders", "task", "2");
    }

    @Test
    void shouldReadUnassignedAndZeroRatiosBeforeTheFirstState() {
        assertThat(value("status")).isEqualTo("unassigned");
        assertThat(value("running-ratio")).isEqualTo(0.0);
        assertThat(value("pause-ratio")).isEqualTo(0.0);
    }

    @Test
    void shouldGiveTheShareOfTimeSpentRunningAndPaused() {
        task.recordState(State.RUNNING);
        time.advance(3_000);
        task.recordState(State.PAUSED);
        time.advance(1_000);

        assertThat(value("status")).isEqualTo("paused");
        assertThat((double) value("running-ratio")).isCloseTo(0.75, within(1e-9));
        assertThat((double) value("pause-ratio")).isCloseTo(0.25, within(1e-9));

        task.recordState(State.RUNNING);
        time.advance(4_000);
        assertThat((double) value("running-ratio")).isCloseTo(7.0 / 8.0, within(1e-9));
    }

    @Test
    void shouldCountFailedTimeInNeitherRatio() {
        task.recordState(State.RUNNING);
        time.advance(1_000);
        task.recordState(State.FAILED);
        time.advance(1_000);

        assertThat(value("status")).isEqualTo("failed");
        assertThat((double) value("running-ratio")).isCloseTo(0.5, within(1e-9));
        assertThat((double) value("pause-ratio")).isZero();
    }

    @Test
    void shouldGiveCommitTimesOfSuccessfulCommitsAndTheShareOfOutcomes() {
        task.recordCommitSuccess(100);
        task.recordCommitSuccess(300);
        task.recordCommitFailure(1_000);

        assertThat(value("offset-commit-max-time-ms")).isEqualTo(300.0);
        assertThat(value("offset-commit-avg-time-ms")).isEqualTo(200.0);
        assertThat((double) value("offset-commit-success-percentage")).isCloseTo(2.0 / 3.0, within(1e-9));
        assertThat((double) value("offset-commit-failure-percentage")).isCloseTo(1.0 / 3.0, within(1e-9));
    }

    @Test
    void shouldGiveTheLargestAndAverageBatch() {
        task.recordBatch(10);
        task.recordBatch(20);

        assertThat(value("batch-size-max")).isEqualTo(20.0);
        assertThat(value("batch-size-avg")).isEqualTo(15.0);
    }

    @Test
    void shouldDescribeThePluginsTheTaskRuns() {
        assertThat(value("connector-class")).isEqualTo("com.acme.OrdersSource");
        assertThat(value("connector-version")).isEqualTo("1.2");
        assertThat(value("connector-type")).isEqualTo("source");
        assertThat(value("task-class")).isEqualTo("com.acme.OrdersSourceTask");
        assertThat(value("key-converter-class")).isEqualTo("org.apache.kafka.connect.json.JsonConverter");
        assertThat(value("header-converter-version")).isEqualTo("4.3.1");
        assertThat(reader.value("connector-transform-metrics", "transform-class",
                "connector", "orders", "task", "2", "transform", "mask")).isEqualTo("com.acme.Mask");
        assertThat(reader.value("connector-predicate-metrics", "predicate-version",
                "connector", "orders", "task", "2", "predicate", "isTombstone")).isEqualTo("2.0");
    }

    @Test
    void shouldRemoveTheTransformAndPredicateGroupsWithTheTask() {
        task.close();

        assertThat(reader.exists("connector-transform-metrics", "transform-class",
                "connector", "orders", "task", "2", "transform", "mask")).isFalse();
        assertThat(reader.exists(TaskMetrics.GROUP, "status", "connector", "orders", "task", "2")).isFalse();
    }
}
