package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.metrics.JmxReporter;
import org.apache.kafka.common.metrics.MetricConfig;
import org.apache.kafka.common.metrics.Sensor;
import org.junit.jupiter.api.Test;

import io.ferry.connect.config.WorkerConfig;
import io.ferry.connect.model.TaskId;

class MetricsSettingsTest {

    @Test
    void shouldUseApacheConnectsDefaults() {
        MetricsSettings settings = new MetricsSettings(Map.of());
        MetricConfig config = settings.metricConfig();

        assertThat(config.timeWindowMs()).isEqualTo(30_000L);
        assertThat(config.samples()).isEqualTo(2);
        assertThat(config.recordLevel()).isEqualTo(Sensor.RecordingLevel.INFO);
        assertThat(settings.reporters("worker-1")).singleElement().isInstanceOf(JmxReporter.class);
    }

    @Test
    void shouldRefuseARecordingLevelConnectDoesNotKnowNamingTheKey() {
        assertThatThrownBy(() -> new MetricsSettings(Map.of("metrics.recording.level", "TRACE")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.recording.level");
        assertThatThrownBy(() -> new MetricsSettings(Map.of("metrics.num.samples", "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("metrics.num.samples");
    }

    @Test
    void shouldRecordDebugSensorsOnlyAtTheDebugLevel() {
        try (ConnectMetrics info = new ConnectMetrics("w", Map.of("metric.reporters", ""), new ManualTime());
             ConnectMetrics debug = new ConnectMetrics("w", Map.of("metric.reporters", "", "metrics.recording.level", "DEBUG"),
                     new ManualTime())) {
            assertThat(info.registry().sensor("probe", Sensor.RecordingLevel.DEBUG).shouldRecord()).isFalse();
            assertThat(debug.registry().sensor("probe", Sensor.RecordingLevel.DEBUG).shouldRecord()).isTrue();
        }
    }

    @Test
    void shouldMeasureRatesOverTheConfiguredSampleWindows() {
        ManualTime time = new ManualTime();
        Map<String, String> config = Map.of("metric.reporters", "", "metrics.sample.window.ms", "1000", "metrics.num.samples", "3");
        try (ConnectMetrics metrics = new ConnectMetrics("w", config, time)) {
            SinkTaskMetrics sink = metrics.sinkTask(new TaskId("archive", 0));
            sink.recordRead(10);
            time.advance(1_000);
            sink.recordRead(10);
            time.advance(1_000);

            assertThat(new MetricReader(metrics).number(SinkTaskMetrics.GROUP, "sink-record-read-rate",
                    "connector", "archive", "task", "0")).as("20 records over two 1 s windows").isEqualTo(10.0);
        }
    }

    @Test
    void shouldAddOnlyTheSettingsAWorkerSpecLacks() {
        ConfigDef spec = MetricsSettings.define(WorkerConfig.configDef());

        assertThat(spec.names()).contains("metrics.sample.window.ms", "metrics.num.samples",
                "metrics.recording.level", "metric.reporters");
        assertThat(spec.configKeys().get("metric.reporters").defaultValue).isEqualTo(java.util.List.of(JmxReporter.class.getName()));
    }
}
