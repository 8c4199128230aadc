package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RebalanceMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final ManualTime time = fixture.time;
    private final MetricReader reader = fixture.reader;

    private Object value(String name) {
        return reader.value(RebalanceMetrics.GROUP, name);
    }

    @Test
    void shouldNotExistOnAWorkerThatNeverAsksForIt() {
        assertThat(reader.exists(RebalanceMetrics.GROUP, "epoch")).isFalse();
    }

    @Test
    void shouldTimeRebalancesAndTellWhetherOneIsUnderWay() {
        RebalanceMetrics rebalance = metrics.rebalance();
        assertThat(value("time-since-last-rebalance-ms")).isEqualTo(Double.POSITIVE_INFINITY);

        rebalance.recordRebalanceStarted();
        assertThat(value("rebalancing")).isEqualTo(1.0);
        time.advance(250);
        rebalance.recordRebalanceCompleted();
        time.advance(100);

        assertThat(value("rebalancing")).isEqualTo(0.0);
        assertThat(value("rebalance-max-time-ms")).isEqualTo(250.0);
        assertThat(value("completed-rebalances-total")).isEqualTo(1.0);
        assertThat(value("time-since-last-rebalance-ms")).isEqualTo(100.0);
    }

    @Test
    void shouldShowProtocolLeaderAndEpoch() {
        RebalanceMetrics rebalance = metrics.rebalance();
        rebalance.recordProtocol("sessioned");
        rebalance.recordLeader("http://worker-2.example:8083/");
        rebalance.recordEpoch(7);

        assertThat(metrics.rebalance()).as("one per worker").isSameAs(rebalance);
        assertThat(value("connect-protocol")).isEqualTo("sessioned");
        assertThat(value("leader-name")).isEqualTo("http://worker-2.example:8083/");
        assertThat(value("epoch")).isEqualTo(7.0);
    }
}
