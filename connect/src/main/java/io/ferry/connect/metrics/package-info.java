/**
 * The worker's metrics, named exactly as Apache Kafka Connect names them, so dashboards, alerts and
 * JMX queries written for Apache Connect work unchanged.
 *
 * <p>{@link io.ferry.connect.metrics.ConnectMetrics} owns one Kafka {@code Metrics} registry per
 * worker. Its reporters publish every metric as a JMX MBean in the {@code kafka.connect} domain
 * ({@code kafka.connect:type=source-task-metrics,connector=x,task=0}) and in the Prometheus text
 * format ({@code kafka_connect_source_task_metrics_source_record_poll_rate{connector="x",task="0"}}).
 * Each group of metrics (worker, connector, task, source task, sink task, task errors, rebalance) is
 * a small object with {@code record...} methods that the runtime calls; closing it removes its
 * metrics so a restarted task registers again cleanly.
 *
 * <p>Every metric is declared once as a {@link io.ferry.connect.metrics.MetricDefinition}; the
 * groups build their sensors from the definitions, and the reference page
 * {@code docs/connect-metrics.md} is generated from them.
 */
package io.ferry.connect.metrics;
