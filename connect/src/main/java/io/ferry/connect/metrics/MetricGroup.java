package io.ferry.connect.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.common.MetricName;
import org.apache.kafka.common.metrics.Gauge;
import org.apache.kafka.common.metrics.MeasurableStat;
import org.apache.kafka.common.metrics.Metrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Frequencies;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Min;
import org.apache.kafka.common.metrics.stats.Rate;
import org.apache.kafka.common.metrics.stats.Value;

import io.ferry.connect.metrics.MetricDefinition.Kind;
import io.ferry.connect.metrics.MetricDefinition.Scope;

/**
 * The metrics of one group instance (one MBean): one group name and one set of tag values. It
 * creates sensors and gauges from {@link MetricDefinition}s and removes all of them on
 * {@link #close()}. Thread-safe; closing twice does nothing.
 */
final class MetricGroup implements AutoCloseable {
    private final Metrics metrics;
    private final String group;
    private final Scope scope;
    private final Map<String, String> tags;
    private final String sensorPrefix;
    private final List<String> sensorNames = new ArrayList<>();
    private final List<MetricName> gaugeNames = new ArrayList<>();
    private boolean closed;

    /**
     * @param tagValues the values of the scope's tag keys, in the scope's order
     */
    MetricGroup(Metrics metrics, String group, Scope scope, String... tagValues) {
        if (tagValues.length != scope.tagKeys().size()) {
            throw new IllegalArgumentException("group " + group + " needs tags " + scope.tagKeys());
        }
        this.metrics = metrics;
        this.group = group;
        this.scope = scope;
        Map<String, String> ordered = new LinkedHashMap<>();
        for (int i = 0; i < tagValues.length; i++) {
            ordered.put(scope.tagKeys().get(i), tagValues[i]);
        }
        this.tags = Collections.unmodifiableMap(ordered);
        StringBuilder prefix = new StringBuilder("ferry-connect:").append(group);
        ordered.forEach((key, value) -> prefix.append(';').append(key).append('=').append(value));
        this.sensorPrefix = prefix.append(';').toString();
    }

    Map<String, String> tags() {
        return tags;
    }

    MetricName metricName(MetricDefinition definition) {
        if (!definition.group().equals(group) || definition.scope() != scope) {
            throw new IllegalArgumentException(definition.name() + " does not belong to group " + group + " " + scope);
        }
        return metrics.metricInstance(definition.template(), tags);
    }

    /** A sensor whose every recorded value feeds one statistic per definition, chosen by its kind. */
    synchronized Sensor sensor(String sensorName, MetricDefinition... definitions) {
        Sensor sensor = newSensor(sensorName);
        for (MetricDefinition definition : definitions) {
            sensor.add(metricName(definition), stat(definition));
        }
        return sensor;
    }

    /**
     * A sensor recording outcomes: 1 for a success, 0 for a failure; the two definitions give the
     * share of each among the outcomes in the sample window.
     */
    synchronized Sensor outcomeSensor(String sensorName, MetricDefinition failures, MetricDefinition successes) {
        requireKind(failures, Kind.FRACTION);
        requireKind(successes, Kind.FRACTION);
        Sensor sensor = newSensor(sensorName);
        sensor.add(Frequencies.forBooleanValues(metricName(failures), metricName(successes)));
        return sensor;
    }

    /** A metric whose value is read from the supplier whenever a reporter asks; null is allowed. */
    synchronized <T> void gauge(MetricDefinition definition, Supplier<T> value) {
        if (definition.kind() != Kind.GAUGE && definition.kind() != Kind.TEXT && definition.kind() != Kind.TIME_RATIO) {
            throw new IllegalArgumentException(definition.name() + " is a " + definition.kind() + ", not read from a supplier");
        }
        ensureOpen();
        MetricName name = metricName(definition);
        metrics.addMetric(name, (Gauge<T>) (config, now) -> value.get());
        gaugeNames.add(name);
    }

    /** Removes every metric of this group from the registry and its reporters. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        sensorNames.forEach(metrics::removeSensor);
        gaugeNames.forEach(metrics::removeMetric);
        sensorNames.clear();
        gaugeNames.clear();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("metric group " + sensorPrefix + " is closed");
        }
    }

    private Sensor newSensor(String sensorName) {
        ensureOpen();
        String fullName = sensorPrefix + sensorName;
        sensorNames.add(fullName);
        return metrics.sensor(fullName);
    }

    private static MeasurableStat stat(MetricDefinition definition) {
        switch (definition.kind()) {
            case RATE:
                return new Rate();
            case TOTAL:
                return new CumulativeSum();
            case AVG:
                return new Avg();
            case MAX:
                return new Max();
            case MIN:
                return new Min();
            case VALUE:
                return new Value();
            default:
                throw new IllegalArgumentException(definition.name() + " is a " + definition.kind() + ", not a sensor statistic");
        }
    }

    private static void requireKind(MetricDefinition definition, Kind kind) {
        if (definition.kind() != kind) {
            throw new IllegalArgumentException(definition.name() + " is a " + definition.kind() + ", not a " + kind);
        }
    }
}
