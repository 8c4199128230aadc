package io.ferry.connect.metrics;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.apache.kafka.common.MetricNameTemplate;

/**
 * One metric as the runtime publishes it: its group (the MBean {@code type}), its name (the MBean
 * attribute), the tags that tell its instances apart, what kind of value it holds, and what it means.
 * The groups build their sensors from these definitions, and the reference documentation is
 * generated from them, so the two cannot disagree. Immutable.
 */
public record MetricDefinition(String group, String name, Scope scope, Kind kind, String description) {

    /** The JMX domain of every metric, and the prefix of every Prometheus name. */
    public static final String DOMAIN = "kafka.connect";

    public MetricDefinition {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** Which tags a metric of a group carries, in the order they appear in its MBean name. */
    public enum Scope {
        WORKER(),
        CONNECTOR("connector"),
        TASK("connector", "task"),
        TRANSFORM("connector", "task", "transform"),
        PREDICATE("connector", "task", "predicate");

        private final List<String> tagKeys;

        Scope(String... tagKeys) {
            this.tagKeys = List.of(tagKeys);
        }

        public List<String> tagKeys() {
            return tagKeys;
        }
    }

    /** How a value is measured; each kind is one statistic of Kafka's metrics library. */
    public enum Kind {
        RATE("rate", "per second, over the sample windows kept"),
        TOTAL("total", "a count since the metric was registered"),
        AVG("average", "over the sample windows kept"),
        MAX("maximum", "over the sample windows kept"),
        MIN("minimum", "over the sample windows kept"),
        VALUE("value", "the latest recorded value"),
        FRACTION("fraction", "share of the outcomes recorded in the sample windows kept, from 0 to 1"),
        TIME_RATIO("time ratio", "share of the time since the task's first state change, from 0 to 1"),
        GAUGE("gauge", "read when asked"),
        TEXT("text", "a string; Prometheus shows it as a label of a gauge whose value is 1");

        private final String label;
        private final String meaning;

        Kind(String label, String meaning) {
            this.label = label;
            this.meaning = meaning;
        }

        public String label() {
            return label;
        }

        public String meaning() {
            return meaning;
        }
    }

    /** The template Kafka's metrics library checks instances against (the tag keys must match). */
    public MetricNameTemplate template() {
        return new MetricNameTemplate(name, group, description, new LinkedHashSet<>(scope.tagKeys()));
    }

    /** The MBean this metric is an attribute of, with placeholders for tag values. */
    public String mbeanPattern() {
        StringBuilder mbean = new StringBuilder(DOMAIN).append(":type=").append(group);
        for (String key : scope.tagKeys()) {
            mbean.append(',').append(key).append("={").append(key).append('}');
        }
        return mbean.toString();
    }

    /** The metric's name in the Prometheus text format: {@code kafka_connect_<group>_<name>}. */
    public String prometheusName() {
        return prometheusName(group, name);
    }

    /** For a {@link Kind#TEXT} metric, the label that carries its value in Prometheus. */
    public String prometheusValueLabel() {
        return snake(name);
    }

    /** Names ending in {@code -total} are Prometheus counters; every other metric is a gauge. */
    public boolean prometheusCounter() {
        return isCounterName(name);
    }

    static String prometheusName(String group, String name) {
        return snake(DOMAIN) + "_" + snake(group) + "_" + snake(name);
    }

    static boolean isCounterName(String name) {
        return name.endsWith("-total");
    }

    static String snake(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
    }
}
