package io.ferry.connect.metrics;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;
import org.apache.kafka.common.metrics.MetricsReporter;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * A Kafka metrics reporter that shows every metric in the Prometheus text format, named
 * {@code kafka_connect_<group>_<name>} with the metric's tags as labels. Names ending in
 * {@code -total} become counters, everything else gauges; a text value (a status, a class name)
 * becomes a gauge of 1 whose extra label, named after the metric, carries the text.
 *
 * <p>The registry's callbacks only note which metrics exist: they run under the metrics
 * registry's lock, so meters are created, replaced and removed by {@link #scrape()}, which holds
 * no lock a callback could wait for. Thread-safe.
 */
final class PrometheusMirror implements MetricsReporter {
    private static final String COUNTER_SUFFIX = "_total";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<MetricName, KafkaMetric> metrics = new ConcurrentHashMap<>();
    /** Guarded by this. */
    private final Map<MetricName, Mirror> mirrors = new HashMap<>();

    /** A meter showing one Kafka metric; {@code text} is the label value shown, null for a number. */
    private record Mirror(KafkaMetric metric, Meter meter, String text) {
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }

    @Override
    public void init(List<KafkaMetric> existing) {
        existing.forEach(this::metricChange);
    }

    @Override
    public void metricChange(KafkaMetric metric) {
        metrics.put(metric.metricName(), metric);
    }

    @Override
    public void metricRemoval(KafkaMetric metric) {
        metrics.remove(metric.metricName(), metric);
    }

    /** Every current metric in the Prometheus text format (version 0.0.4). */
    synchronized String scrape() {
        dropGone();
        for (KafkaMetric metric : metrics.values()) {
            mirror(metric);
        }
        return registry.scrape();
    }

    @Override
    public synchronized void close() {
        mirrors.clear();
        metrics.clear();
        registry.close();
    }

    private void dropGone() {
        Iterator<Map.Entry<MetricName, Mirror>> entries = mirrors.entrySet().iterator();
        while (entries.hasNext()) {
            Map.Entry<MetricName, Mirror> entry = entries.next();
            if (metrics.get(entry.getKey()) != entry.getValue().metric()) {
                registry.remove(entry.getValue().meter());
                entries.remove();
            }
        }
    }

    private void mirror(KafkaMetric metric) {
        MetricName name = metric.metricName();
        Mirror existing = mirrors.get(name);
        if (metric.isMeasurable()) {
            if (existing == null) {
                mirrors.put(name, new Mirror(metric, numeric(metric), null));
            }
            return;
        }
        Object value = metric.metricValue();
        if (value == null) {
            remove(name, existing);
        } else if (value instanceof Number || value instanceof Boolean) {
            if (existing == null || existing.text() != null) {
                remove(name, existing);
                mirrors.put(name, new Mirror(metric, numeric(metric), null));
            }
        } else if (existing == null || !value.toString().equals(existing.text())) {
            remove(name, existing);
            mirrors.put(name, new Mirror(metric, text(metric, value.toString()), value.toString()));
        }
    }

    private void remove(MetricName name, Mirror existing) {
        if (existing != null) {
            registry.remove(existing.meter());
            mirrors.remove(name);
        }
    }

    private Meter numeric(KafkaMetric metric) {
        MetricName name = metric.metricName();
        String prometheusName = MetricDefinition.prometheusName(name.group(), name.name());
        if (MetricDefinition.isCounterName(name.name())) {
            // The registry appends the counter suffix itself.
            String base = prometheusName.substring(0, prometheusName.length() - COUNTER_SUFFIX.length());
            return FunctionCounter.builder(base, metric, PrometheusMirror::number)
                    .description(name.description())
                    .tags(tags(name))
                    .register(registry);
        }
        return Gauge.builder(prometheusName, metric, PrometheusMirror::number)
                .description(name.description())
                .tags(tags(name))
                .strongReference(true)
                .register(registry);
    }

    private Meter text(KafkaMetric metric, String value) {
        MetricName name = metric.metricName();
        return Gauge.builder(MetricDefinition.prometheusName(name.group(), name.name()), () -> 1.0)
                .description(name.description())
                .tags(tags(name).and(MetricDefinition.snake(name.name()), value))
                .register(registry);
    }

    private static Tags tags(MetricName name) {
        Tags tags = Tags.empty();
        for (Map.Entry<String, String> tag : name.tags().entrySet()) {
            tags = tags.and(MetricDefinition.snake(tag.getKey()), tag.getValue());
        }
        return tags;
    }

    private static double number(KafkaMetric metric) {
        Object value = metric.metricValue();
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof Boolean flag) {
            return flag ? 1.0 : 0.0;
        }
        return Double.NaN;
    }
}
