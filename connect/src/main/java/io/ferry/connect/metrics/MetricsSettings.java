package io.ferry.connect.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.MetricsReporter;
import org.apache.kafka.common.metrics.Sensor;

import static org.apache.kafka.common.config.ConfigDef.Range.atLeast;
import static org.apache.kafka.common.config.ConfigDef.ValidString.in;

/**
 * The worker settings that shape its metrics, with Apache Kafka Connect's names, defaults and
 * validation: {@code metrics.sample.window.ms}, {@code metrics.num.samples},
 * {@code metrics.recording.level}, {@code metric.reporters} and the {@code metrics.context.*} labels.
 * As in Apache Kafka 4, {@code metric.reporters} lists every reporter: JMX is on by default, and a
 * list without {@link JmxReporter} turns it off. Immutable.
 */
public final class MetricsSettings extends AbstractConfig {
    public static final String SAMPLE_WINDOW_MS = CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_CONFIG;
    public static final String NUM_SAMPLES = CommonClientConfigs.METRICS_NUM_SAMPLES_CONFIG;
    public static final String RECORDING_LEVEL = CommonClientConfigs.METRICS_RECORDING_LEVEL_CONFIG;
    public static final String REPORTERS = CommonClientConfigs.METRIC_REPORTER_CLASSES_CONFIG;
    /** Labels every reporter receives in its {@code MetricsContext}, e.g. {@code metrics.context.region=eu}. */
    public static final String CONTEXT_PREFIX = CommonClientConfigs.METRICS_CONTEXT_PREFIX;
    /** Context label naming the Kafka cluster the worker uses. */
    public static final String CLUSTER_ID_LABEL = "connect.kafka.cluster.id";
    /** Context label naming a distributed worker's group ({@code group.id}). */
    public static final String GROUP_ID_LABEL = "connect.group.id";

    private static final ConfigDef DEFINITION = define(new ConfigDef());

    /**
     * @param workerConfig the worker's settings; keys other than the metrics ones are ignored
     * @throws org.apache.kafka.common.config.ConfigException naming the key, for an invalid value
     */
    public MetricsSettings(Map<String, ?> workerConfig) {
        super(DEFINITION, workerConfig, false);
    }

    /**
     * Adds to {@code definition} each of the metrics settings it does not define yet, so a worker's
     * config spec can include them; returns {@code definition}.
     */
    public static ConfigDef define(ConfigDef definition) {
        if (!definition.names().contains(SAMPLE_WINDOW_MS)) {
            definition.define(SAMPLE_WINDOW_MS, Type.LONG, 30_000L, atLeast(0), Importance.LOW,
                    CommonClientConfigs.METRICS_SAMPLE_WINDOW_MS_DOC);
        }
        if (!definition.names().contains(NUM_SAMPLES)) {
            definition.define(NUM_SAMPLES, Type.INT, 2, atLeast(1), Importance.LOW,
                    CommonClientConfigs.METRICS_NUM_SAMPLES_DOC);
        }
        if (!definition.names().contains(RECORDING_LEVEL)) {
            definition.define(RECORDING_LEVEL, Type.STRING, Sensor.RecordingLevel.INFO.toString(),
                    in(Sensor.RecordingLevel.INFO.toString(), Sensor.RecordingLevel.DEBUG.toString()), Importance.LOW,
                    "The highest recording level of the worker's metrics: INFO or DEBUG.");
        }
        if (!definition.names().contains(REPORTERS)) {
            definition.define(REPORTERS, Type.LIST, JmxReporter.class.getName(), Importance.LOW,
                    CommonClientConfigs.METRIC_REPORTER_CLASSES_DOC);
        }
        return definition;
    }

    /** Sample window, number of samples and recording level, as every sensor uses them. */
    public MetricConfig metricConfig() {
        return new MetricConfig()
                .samples(getInt(NUM_SAMPLES))
                .timeWindow(getLong(SAMPLE_WINDOW_MS), TimeUnit.MILLISECONDS)
                .recordLevel(Sensor.RecordingLevel.forName(getString(RECORDING_LEVEL)));
    }

    /** New, configured instances of the listed reporters; each sees {@code client.id} = the worker id. */
    public List<MetricsReporter> reporters(String workerId) {
        return CommonClientConfigs.metricsReporters(workerId, this);
    }

    /**
     * The labels of the reporters' {@code MetricsContext}: the {@code metrics.context.*} settings,
     * the Kafka cluster id if known, and the group id of a distributed worker.
     */
    public Map<String, Object> contextLabels(String kafkaClusterId) {
        Map<String, Object> labels = new HashMap<>(originalsWithPrefix(CONTEXT_PREFIX));
        if (kafkaClusterId != null) {
            labels.put(CLUSTER_ID_LABEL, kafkaClusterId);
        }
        Object groupId = originals().get("group.id");
        if (groupId != null) {
            labels.put(GROUP_ID_LABEL, groupId);
        }
        return labels;
    }
}
