package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

class WorkerMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final MetricReader reader = fixture.reader;

    private double worker(String name) {
        return reader.number(WorkerMetrics.GROUP, name);
    }

    private long perConnector(String connector, String name) {
        return (Long) reader.value(WorkerMetrics.GROUP, name, "connector", connector);
    }

    private TaskMetrics task(String connector, int task) {
        return metrics.task(new TaskId(connector, task), MetricRegistrationTest.fullInfo());
    }

    @Test
    void shouldCountStartupAttemptsSuccessesFailuresAndTheirShares() {
        metrics.worker().recordConnectorStartup(true);
        metrics.worker().recordConnectorStartup(true);
        metrics.worker().recordConnectorStartup(true);
        metrics.worker().recordConnectorStartup(false);
        metrics.worker().recordTaskStartup(false);

        assertThat(worker("connector-startup-attempts-total")).isEqualTo(4.0);
        assertThat(worker("connector-startup-success-total")).isEqualTo(3.0);
        assertThat(worker("connector-startup-failure-total")).isEqualTo(1.0);
        assertThat(worker("connector-startup-success-percentage")).isEqualTo(0.75);
        assertThat(worker("connector-startup-failure-percentage")).isEqualTo(0.25);
        assertThat(worker("task-startup-attempts-total")).isEqualTo(1.0);
        assertThat(worker("task-startup-failure-percentage")).isEqualTo(1.0);
        assertThat(worker("task-startup-success-total")).isZero();
    }

    @Test
    void shouldCountRegisteredConnectorsTasksAndTheirStatesUntilTheWorkerGivesItsOwnCounts() {
        metrics.connector("orders", new ConnectorMetrics.Info("com.acme.OrdersSource", "1", ConnectorType.SOURCE), () -> State.RUNNING);
        task("orders", 0).recordState(State.RUNNING);
        task("orders", 1).recordState(State.FAILED);
        task("orders", 2);

        assertThat(worker("connector-count")).isEqualTo(1.0);
        assertThat(worker("task-count")).isEqualTo(3.0);
        assertThat(perConnector("orders", "connector-total-task-count")).isEqualTo(3);
        assertThat(perConnector("orders", "connector-running-task-count")).isEqualTo(1);
        assertThat(perConnector("orders", "connector-failed-task-count")).isEqualTo(1);
        assertThat(perConnector("orders", "connector-unassigned-task-count")).isEqualTo(1);
        assertThat(perConnector("orders", "connector-paused-task-count")).isZero();
    }

    @Test
    void shouldShowAConnectorsTaskCountsFromItsFirstTaskUntilItsLast() {
        assertThat(reader.exists(WorkerMetrics.GROUP, "connector-total-task-count", "connector", "orders")).isFalse();
        TaskMetrics first = task("orders", 0);
        TaskMetrics second = task("orders", 1);

        first.close();
        first.close();
        assertThat(perConnector("orders", "connector-total-task-count")).as("closing twice counts once").isEqualTo(1);

        second.close();
        assertThat(reader.exists(WorkerMetrics.GROUP, "connector-total-task-count", "connector", "orders")).isFalse();
    }

    @Test
    void shouldKeepAConnectorsTaskCountsWhenATaskIsReopened() {
        task("orders", 0);
        task("orders", 0).recordState(State.RUNNING);

        assertThat(perConnector("orders", "connector-total-task-count")).isEqualTo(1);
        assertThat(perConnector("orders", "connector-running-task-count")).isEqualTo(1);
    }

    @Test
    void shouldReadCountsFromTheCountsTheWorkerInstalls() {
        AtomicReference<Map<State, Integer>> states = new AtomicReference<>(Map.of(State.PAUSED, 2, State.RESTARTING, 1));
        metrics.worker().useCounts(new WorkerMetrics.Counts() {
            @Override
            public int connectorCount() {
                return 7;
            }

            @Override
            public int taskCount() {
                return 12;
            }

            @Override
            public Map<State, Integer> taskStates(String connector) {
                return states.get();
            }
        });
        task("orders", 0);

        assertThat(worker("connector-count")).isEqualTo(7.0);
        assertThat(worker("task-count")).isEqualTo(12.0);
        assertThat(perConnector("orders", "connector-paused-task-count")).isEqualTo(2);
        assertThat(perConnector("orders", "connector-restarting-task-count")).isEqualTo(1);
        assertThat(perConnector("orders", "connector-total-task-count")).isEqualTo(3);
        states.set(Map.of(State.DESTROYED, 1));
        assertThat(perConnector("orders", "connector-destroyed-task-count")).isEqualTo(1);
    }
}
