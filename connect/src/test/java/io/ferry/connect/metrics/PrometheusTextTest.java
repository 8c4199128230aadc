package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

class PrometheusTextTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final TaskId id = new TaskId("orders", 0);

    @Test
    void shouldShowMetricsNamedAfterGroupAndAttributeWithTheirTagsAsLabels() {
        metrics.sourceTask(id).recordPoll(5, 12);

        String text = metrics.prometheusText();

        assertThat(text)
                .contains("# TYPE kafka_connect_source_task_metrics_source_record_poll_rate gauge")
                .contains("kafka_connect_source_task_metrics_source_record_poll_rate{connector=\"orders\",task=\"0\"} ")
                .contains("kafka_connect_source_task_metrics_poll_batch_max_time_ms{connector=\"orders\",task=\"0\"} 12.0");
    }

    @Test
    void shouldShowTotalsAsCountersUnderTheirOwnName() {
        metrics.sourceTask(id).recordPoll(5, 12);
        metrics.worker().recordConnectorStartup(true);

        String text = metrics.prometheusText();

        assertThat(text)
                .contains("# TYPE kafka_connect_source_task_metrics_source_record_poll_total counter")
                .contains("kafka_connect_source_task_metrics_source_record_poll_total{connector=\"orders\",task=\"0\"} 5.0")
                .contains("kafka_connect_connect_worker_metrics_connector_startup_attempts_total 1.0");
    }

    @Test
    void shouldShowTextAsALabelOfAGaugeOfOneThatFollowsTheValue() {
        AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
        metrics.connector("orders", new ConnectorMetrics.Info("com.acme.OrdersSource", "1.2", ConnectorType.SOURCE), state::get);

        assertThat(metrics.prometheusText())
                .contains("kafka_connect_connector_metrics_status{connector=\"orders\",status=\"running\"} 1.0")
                .contains("kafka_connect_connector_metrics_connector_class{connector=\"orders\",connector_class=\"com.acme.OrdersSource\"} 1.0");

        state.set(State.PAUSED);

        assertThat(metrics.prometheusText())
                .contains("kafka_connect_connector_metrics_status{connector=\"orders\",status=\"paused\"} 1.0")
                .doesNotContain("status=\"running\"");
    }

    @Test
    void shouldLeaveOutTextThatHasNoValue() {
        metrics.connector("orders", new ConnectorMetrics.Info("com.acme.OrdersSource", null, ConnectorType.SOURCE), () -> State.RUNNING);

        assertThat(metrics.prometheusText()).doesNotContain("kafka_connect_connector_metrics_connector_version{");
    }

    @Test
    void shouldDropTheMetricsOfAClosedGroup() {
        SinkTaskMetrics sink = metrics.sinkTask(id);
        assertThat(metrics.prometheusText()).contains("kafka_connect_sink_task_metrics_partition_count{connector=\"orders\"");

        sink.close();

        assertThat(metrics.prometheusText()).doesNotContain("kafka_connect_sink_task_metrics_");
    }

    @Test
    void shouldShowEveryMetricOfTheCatalogueWhenEveryGroupIsOpen() {
        metrics.connector("orders", new ConnectorMetrics.Info("com.acme.OrdersSource", "1.2", ConnectorType.SOURCE), () -> State.RUNNING);
        metrics.task(id, MetricRegistrationTest.fullInfo());
        metrics.sourceTask(id).recordTransaction(1); // an exactly-once task's transaction metrics
        metrics.sinkTask(id);
        metrics.taskErrors(id);
        RebalanceMetrics rebalance = metrics.rebalance();
        rebalance.recordProtocol("sessioned");
        rebalance.recordLeader("http://worker-2.example:8083/");

        String text = metrics.prometheusText();

        List<String> missing = MetricCatalog.all().stream()
                .map(MetricDefinition::prometheusName)
                .filter(name -> !text.contains("\n" + name + "{") && !text.contains("\n" + name + " "))
                .toList();
        assertThat(missing).isEmpty();
    }
}
