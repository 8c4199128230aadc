package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;

class ConnectorMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withDefaults();
    private final ConnectMetrics metrics = fixture.metrics;
    private final MetricReader reader = fixture.reader;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);

    private Object value(String name) {
        return reader.value(ConnectorMetrics.GROUP, name, "connector", "archive");
    }

    @Test
    void shouldDescribeTheConnectorAndFollowItsStatus() {
        metrics.connector("archive", new ConnectorMetrics.Info("com.acme.ArchiveSink", "3.1", ConnectorType.SINK), state::get);

        assertThat(value("connector-class")).isEqualTo("com.acme.ArchiveSink");
        assertThat(value("connector-version")).isEqualTo("3.1");
        assertThat(value("connector-type")).isEqualTo("sink");
        assertThat(value("status")).isEqualTo("running");

        state.set(State.STOPPED);
        assertThat(value("status")).isEqualTo("stopped");
    }

    @Test
    void shouldReadNullForAVersionTheConnectorDoesNotReport() {
        metrics.connector("archive", new ConnectorMetrics.Info("com.acme.ArchiveSink", null, ConnectorType.SINK), state::get);

        assertThat(value("connector-version")).isNull();
    }
}
