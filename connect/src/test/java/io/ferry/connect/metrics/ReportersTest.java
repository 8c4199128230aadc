package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.Map;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

/** The MBeans in the platform MBean server and the reporters listed in {@code metric.reporters}. */
class ReportersTest {
    private static final String CONNECTOR = "jmx-orders";

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final TaskId id = new TaskId(CONNECTOR, 0);

    @BeforeEach
    void forgetEarlierReports() {
        RecordingReporter.reset();
    }

    private static ObjectName mbean(String name) throws Exception {
        return new ObjectName(name);
    }

    @Test
    void shouldPublishEveryGroupAsAnMBeanInTheKafkaConnectDomainByDefault() throws Exception {
        try (ConnectMetrics metrics = new ConnectMetrics("worker-1", Map.of(), new ManualTime())) {
            metrics.sourceTask(id).recordPoll(5, 12);
            metrics.connector(CONNECTOR, new ConnectorMetrics.Info("com.acme.OrdersSource", "1", ConnectorType.SOURCE),
                    () -> State.RUNNING);
            metrics.task(id, MetricRegistrationTest.fullInfo());

            ObjectName source = mbean("kafka.connect:type=source-task-metrics,connector=jmx-orders,task=0");
            assertThat(server.getAttribute(source, "source-record-poll-total")).isEqualTo(5.0);
            assertThat(server.getAttribute(source, "poll-batch-max-time-ms")).isEqualTo(12.0);
            assertThat(server.getAttribute(mbean("kafka.connect:type=connector-metrics,connector=jmx-orders"), "status"))
                    .isEqualTo("running");
            assertThat(server.isRegistered(mbean("kafka.connect:type=connect-worker-metrics"))).isTrue();
            assertThat(server.isRegistered(mbean("kafka.connect:type=connect-worker-metrics,connector=jmx-orders"))).isTrue();
            assertThat(server.isRegistered(mbean(
                    "kafka.connect:type=connector-transform-metrics,connector=jmx-orders,task=0,transform=mask"))).isTrue();
        }
    }

    @Test
    void shouldUnregisterAGroupsMBeanWhenTheGroupCloses() throws Exception {
        try (ConnectMetrics metrics = new ConnectMetrics("worker-1", Map.of(), new ManualTime())) {
            SinkTaskMetrics sink = metrics.sinkTask(id);
            ObjectName name = mbean("kafka.connect:type=sink-task-metrics,connector=jmx-orders,task=0");
            assertThat(server.isRegistered(name)).isTrue();

            sink.close();

            assertThat(server.isRegistered(name)).isFalse();
        }
    }

    @Test
    void shouldUnregisterEveryMBeanWhenTheWorkersMetricsClose() throws Exception {
        ConnectMetrics metrics = new ConnectMetrics("worker-1", Map.of(), new ManualTime());
        metrics.task(id, MetricRegistrationTest.fullInfo());
        metrics.taskErrors(id);

        metrics.close();

        assertThat(server.queryNames(mbean("kafka.connect:connector=jmx-orders,*"), null)).isEmpty();
    }

    @Test
    void shouldPublishToListedReportersAndLeaveJmxOutWhenItIsNotListed() throws Exception {
        Map<String, String> config = Map.of("metric.reporters", RecordingReporter.class.getName(),
                "metrics.context.region", "eu-west", "group.id", "connect-cluster");
        try (ConnectMetrics metrics = new ConnectMetrics("worker-7", config, new ManualTime(), "cluster-abc")) {
            metrics.taskErrors(id).close();

            assertThat(RecordingReporter.ADDED).contains(MetricReader.name("task-error-metrics", "total-retries",
                    "connector", CONNECTOR, "task", "0"));
            assertThat(RecordingReporter.REMOVED).contains(MetricReader.name("task-error-metrics", "total-retries",
                    "connector", CONNECTOR, "task", "0"));
            assertThat(RecordingReporter.configs).containsEntry("client.id", "worker-7");
            assertThat(RecordingReporter.contextLabels).containsEntry("_namespace", "kafka.connect")
                    .containsEntry("region", "eu-west")
                    .containsEntry("connect.kafka.cluster.id", "cluster-abc")
                    .containsEntry("connect.group.id", "connect-cluster");
            assertThat(server.queryNames(mbean("kafka.connect:connector=jmx-orders,*"), null)).isEmpty();
        }
    }

    @Test
    void shouldPublishToJmxAndAnotherReporterWhenBothAreListed() throws Exception {
        Map<String, String> config = Map.of("metric.reporters",
                "org.apache.kafka.common.metrics.JmxReporter," + RecordingReporter.class.getName());
        try (ConnectMetrics metrics = new ConnectMetrics("worker-1", config, new ManualTime())) {
            metrics.sourceTask(id);

            assertThat(server.isRegistered(mbean("kafka.connect:type=source-task-metrics,connector=jmx-orders,task=0"))).isTrue();
            assertThat(RecordingReporter.ADDED).contains(MetricReader.name("source-task-metrics", "source-record-poll-rate",
                    "connector", CONNECTOR, "task", "0"));
        }
    }
}
