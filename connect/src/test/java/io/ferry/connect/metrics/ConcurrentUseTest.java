package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.management.MBeanServer;
import javax.management.ObjectName;

import org.apache.kafka.common.utils.Time;
import org.junit.jupiter.api.Test;

import io.ferry.connect.model.State;
import io.ferry.connect.model.TaskId;

/**
 * Opening and closing groups, recording, scraping Prometheus and reading MBeans at the same time:
 * the reporters' callbacks run under the registry's lock, and gauges take it too, so a wrong lock
 * order would hang here.
 */
class ConcurrentUseTest {
    private static final int ROUNDS = 300;

    @Test
    void shouldNeitherHangNorFailWhenGroupsOpenCloseRecordAndAreReadAtOnce() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        TaskId id = new TaskId("concurrent-orders", 0);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (ConnectMetrics metrics = new ConnectMetrics("worker-1", Map.of(), Time.SYSTEM)) {
            List<Future<?>> work = new ArrayList<>();
            work.add(threads.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    metrics.task(id, MetricRegistrationTest.fullInfo()).recordState(State.RUNNING);
                    metrics.sourceTask(id).recordPoll(i, 1);
                }
            }));
            work.add(threads.submit(() -> {
                for (int i = 0; i < ROUNDS; i++) {
                    metrics.sourceTask(new TaskId("concurrent-orders", 1)).close();
                    metrics.worker().recordTaskStartup(i % 2 == 0);
                }
            }));
            work.add(threads.submit(() -> {
                for (int i = 0; i < ROUNDS / 10; i++) {
                    assertThat(metrics.prometheusText()).contains("kafka_connect_connect_worker_metrics_task_count");
                }
            }));
            work.add(threads.submit(() -> {
                ObjectName counts = new ObjectName("kafka.connect:type=connect-worker-metrics,connector=concurrent-orders");
                for (int i = 0; i < ROUNDS; i++) {
                    if (server.isRegistered(counts)) {
                        try {
                            server.getAttribute(counts, "connector-running-task-count");
                        } catch (javax.management.InstanceNotFoundException | javax.management.AttributeNotFoundException gone) {
                            // the task was reopened between the two calls; that is allowed
                        }
                    }
                }
                return null;
            }));
            for (Future<?> future : work) {
                future.get(Duration.ofSeconds(60).toMillis(), TimeUnit.MILLISECONDS);
            }

            assertThat(new MetricReader(metrics).number(WorkerMetrics.GROUP, "task-startup-attempts-total")).isEqualTo(ROUNDS);
        } finally {
            threads.shutdownNow();
        }
    }
}
