package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.MetricName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

/** What each group registers in the live registry, and that closing removes exactly that. */
class MetricRegistrationTest {
    private static final String LIBRARY_GROUP = "kafka-metrics-count";

    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final TaskId id = new TaskId("orders", 0);

    private Set<String> registered() {
        return metrics.registry().metrics().keySet().stream()
                .filter(name -> !name.group().equals(LIBRARY_GROUP))
                .map(MetricRegistrationTest::describe)
                .collect(Collectors.toSet());
    }

    private static String describe(MetricName name) {
        return name.group() + "/" + name.name() + " " + name.tags().keySet();
    }

    private static Set<String> expected(List<MetricDefinition> definitions) {
        return definitions.stream()
                .map(definition -> definition.group() + "/" + definition.name() + " " + definition.scope().tagKeys())
                .collect(Collectors.toSet());
    }

    static TaskMetrics.Info fullInfo() {
        return TaskMetrics.Info.of(new PluginInfo("com.acme.OrdersSource", "1.2"), ConnectorType.SOURCE,
                        new PluginInfo("com.acme.OrdersSourceTask", "1.2"))
                .withConverters(new PluginInfo("org.apache.kafka.connect.json.JsonConverter", "4.3.1"),
                        new PluginInfo("org.apache.kafka.connect.json.JsonConverter", "4.3.1"),
                        new PluginInfo("org.apache.kafka.connect.storage.SimpleHeaderConverter", "4.3.1"))
                .withTransforms(List.of(new AliasedPluginInfo("mask", new PluginInfo("com.acme.Mask", "0.9"))))
                .withPredicates(List.of(new AliasedPluginInfo("isTombstone", new PluginInfo("com.acme.IsTombstone", "2.0"))));
    }

    @Test
    void shouldRegisterEveryCatalogueMetricWhenEveryGroupIsOpen() {
        metrics.connector("orders", new ConnectorMetrics.Info("com.acme.OrdersSource", "1.2", ConnectorType.SOURCE), () -> State.RUNNING);
        metrics.task(id, fullInfo());
        metrics.sourceTask(id).recordTransaction(1); // the transaction metrics appear with the first transaction
        metrics.sinkTask(id);
        metrics.taskErrors(id);
        metrics.rebalance();

        assertThat(registered()).isEqualTo(expected(MetricCatalog.all()));
    }

    @Test
    void shouldRemoveEveryMetricOfAGroupWhenItIsClosed() {
        Set<String> workerOnly = registered();
        ConnectorMetrics connector = metrics.connector("orders",
                new ConnectorMetrics.Info("com.acme.OrdersSource", null, ConnectorType.SOURCE), () -> State.RUNNING);
        TaskMetrics task = metrics.task(id, fullInfo());
        SourceTaskMetrics source = metrics.sourceTask(id);
        source.recordTransaction(1);
        SinkTaskMetrics sink = metrics.sinkTask(id);
        TaskErrorMetrics errors = metrics.taskErrors(id);
        RebalanceMetrics rebalance = metrics.rebalance();

        connector.close();
        task.close();
        source.close();
        sink.close();
        errors.close();
        rebalance.close();

        assertThat(registered()).isEqualTo(workerOnly).isEqualTo(expected(WorkerMetrics.DEFINITIONS.stream()
                .filter(definition -> definition.scope() == MetricDefinition.Scope.WORKER).toList()));
    }

    @Test
    void shouldReplaceTheMetricsOfATaskOpenedAgainBeforeTheOldOnesWereClosed() {
        SourceTaskMetrics first = metrics.sourceTask(id);
        first.recordPoll(5, 10);

        SourceTaskMetrics second = metrics.sourceTask(id);
        first.close();
        second.recordPoll(2, 10);

        MetricReader reader = new MetricReader(metrics);
        assertThat(reader.number(SourceTaskMetrics.GROUP, "source-record-poll-total", "connector", "orders", "task", "0"))
                .as("the restarted task counts from 0, and the old object's close leaves the new metrics alone")
                .isEqualTo(2.0);
    }

    @Test
    void shouldRefuseNewGroupsAfterClose() {
        metrics.close();

        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(() -> metrics.sourceTask(id));
        org.assertj.core.api.Assertions.assertThatIllegalStateException().isThrownBy(metrics::prometheusText);
    }
}
