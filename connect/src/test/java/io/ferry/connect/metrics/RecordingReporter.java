package io.ferry.connect.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsContext;
import org.apache.kafka.common.metrics.MetricsReporter;

/** A reporter named in {@code metric.reporters} by tests: it remembers what it was told, in static fields. */
public class RecordingReporter implements MetricsReporter {
    static final List<MetricName> ADDED = new CopyOnWriteArrayList<>();
    static final List<MetricName> REMOVED = new CopyOnWriteArrayList<>();
    static volatile Map<String, Object> configs;
    static volatile Map<String, String> contextLabels;

    static void reset() {
        ADDED.clear();
        REMOVED.clear();
        configs = null;
        contextLabels = null;
    }

    @Override
    public void configure(Map<String, ?> settings) {
        configs = new java.util.HashMap<>(settings);
    }

    @Override
    public void contextChange(MetricsContext context) {
        contextLabels = context.contextLabels();
    }

    @Override
    public void init(List<KafkaMetric> metrics) {
        metrics.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        ADDED.add(metric.metricName());
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        REMOVED.add(metric.metricName());
    }

    @Override
    public void close() {
    }
}
