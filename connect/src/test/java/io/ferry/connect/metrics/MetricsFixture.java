package io.ferry.connect.metrics;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A worker's metrics on a manual clock, without JMX (so tests do not share MBeans), closed after each
 * test. Register with {@code @RegisterExtension}.
 */
final class MetricsFixture implements AfterEachCallback {
    final ManualTime time = new ManualTime();
    final ConnectMetrics metrics;
    final MetricReader reader;

    private MetricsFixture(Map<String, String> settings) {
        Map<String, String> config = new HashMap<>(settings);
        config.putIfAbsent("metric.reporters", "");
        this.metrics = new ConnectMetrics("worker-1", config, time);
        this.reader = new MetricReader(metrics);
    }

    /** Apache Connect's default windows: two of 30 s. */
    static MetricsFixture withDefaults() {
        return new MetricsFixture(Map.of());
    }

    /** Two sample windows of 1 s, so a rate right after recording N is N per second. */
    static MetricsFixture withOneSecondWindows() {
        return new MetricsFixture(Map.of("metrics.sample.window.ms", "1000", "metrics.num.samples", "2"));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        metrics.close();
    }
}
