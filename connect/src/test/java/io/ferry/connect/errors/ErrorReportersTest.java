package io.ferry.connect.errors;

import io.ferry.connect.metrics.ErrorHandlingMetrics;
import static io.ferry.connect.errors.TestConfigs.sink;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.ferry.connect.config.ConnectorConfig;
import io.ferry.connect.config.SourceConnectorConfig;
import io.ferry.connect.model.TaskId;
import org.junit.jupiter.api.Test;

/** Which reporters a connector's settings ask for; the dead-letter queue itself is tested on a broker. */
class ErrorReportersTest {
    private static final TaskId TASK = new TaskId("s", 0);

    @Test
    void shouldReportNowhereByDefault() {
        assertThat(ErrorReporters.forTask(TASK, sink(Map.of()), Map.of(), Map.of(), ErrorHandlingMetrics.NONE)).isEmpty();
    }

    @Test
    void shouldLogErrorsWhenAskedTo() {
        assertThat(ErrorReporters.forTask(TASK, sink(Map.of("errors.log.enable", "true")), Map.of(), Map.of(), ErrorHandlingMetrics.NONE))
                .singleElement().isInstanceOf(LogReporter.class);
    }

    @Test
    void shouldReadTheDeadLetterQueueSettingsOfSinksAndSources() {
        DeadLetterQueueSettings sinkQueue = DeadLetterQueueSettings.from(sink(Map.of("errors.deadletterqueue.topic.name", " dlq ",
                "errors.deadletterqueue.context.headers.enable", "true")), TASK).orElseThrow();
        DeadLetterQueueSettings sourceQueue = DeadLetterQueueSettings.from(new SourceConnectorConfig(Map.of("name", "s",
                "connector.class", "FileStreamSource", "errors.deadletterqueue.topic.name", "dlq",
                "errors.deadletterqueue.topic.replication.factor", "3")), TASK).orElseThrow();

        assertThat(sinkQueue).isEqualTo(new DeadLetterQueueSettings("dlq", (short) 3, true, TASK, true));
        assertThat(sourceQueue).isEqualTo(new DeadLetterQueueSettings("dlq", (short) 3, false, TASK, false));
    }

    @Test
    void shouldHaveNoDeadLetterQueueWithoutATopicOrForAConnectorKindWithoutOne() {
        assertThat(DeadLetterQueueSettings.from(sink(Map.of()), TASK)).isEmpty();
        assertThat(DeadLetterQueueSettings.from(new ConnectorConfig(Map.of("name", "s", "connector.class", "X")), TASK)).isEmpty();
    }
}
