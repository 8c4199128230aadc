package io.ferry.connect.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.KafkaMetric;

/** Reads one metric's current value from a worker's registry, as a reporter would. */
final class MetricReader {
    private final ConnectMetrics metrics;

    MetricReader(ConnectMetrics metrics) {
        this.metrics = metrics;
    }

    /** The value of {@code group}/{@code name} with tags given as key, value, key, value…; fails if absent. */
    Object value(String group, String name, String... tags) {
        KafkaMetric metric = metrics.registry().metric(name(group, name, tags));
        if (metric == null) {
            throw new AssertionError("no metric " + group + "/" + name + " " + String.join(",", tags));
        }
        return metric.metricValue();
    }

    double number(String group, String name, String... tags) {
        return ((Number) value(group, name, tags)).doubleValue();
    }

    boolean exists(String group, String name, String... tags) {
        return metrics.registry().metric(name(group, name, tags)) != null;
    }

    static MetricName name(String group, String name, String... tags) {
        Map<String, String> tagMap = new LinkedHashMap<>();
        for (int i = 0; i + 1 < tags.length; i += 2) {
            tagMap.put(tags[i], tags[i + 1]);
        }
        return new MetricName(name, group, "", tagMap);
    }
}
