package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.TaskId;

class SinkTaskMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withOneSecondWindows();
    private final ConnectMetrics metrics = fixture.metrics;
    private final SinkTaskMetrics sink = metrics.sinkTask(new TaskId("archive", 1));
    private final MetricReader reader = fixture.reader;

    private double value(String name) {
        return reader.number(SinkTaskMetrics.GROUP, name, "connector", "archive", "task", "1");
    }

    @Test
    void shouldCountReadAndSentRecordsSeparately() {
        sink.recordRead(20);
        sink.recordSend(15);

        assertThat(value("sink-record-read-total")).isEqualTo(20.0);
        assertThat(value("sink-record-read-rate")).isEqualTo(20.0);
        assertThat(value("sink-record-send-total")).isEqualTo(15.0);
        assertThat(value("sink-record-send-rate")).isEqualTo(15.0);
    }

    @Test
    void shouldKeepTheLatestPartitionCountAndSequenceNumber() {
        sink.recordPartitionCount(6);
        sink.recordPartitionCount(4);
        sink.recordOffsetSequenceNumber(41);
        sink.recordOffsetSequenceNumber(42);

        assertThat(value("partition-count")).isEqualTo(4.0);
        assertThat(value("offset-commit-seq-no")).isEqualTo(42.0);
    }

    @Test
    void shouldCountCompletedAndSkippedOffsetCommits() {
        sink.recordOffsetCommitCompletion();
        sink.recordOffsetCommitCompletion();
        sink.recordOffsetCommitSkip();

        assertThat(value("offset-commit-completion-total")).isEqualTo(2.0);
        assertThat(value("offset-commit-completion-rate")).isEqualTo(2.0);
        assertThat(value("offset-commit-skip-total")).isEqualTo(1.0);
        assertThat(value("offset-commit-skip-rate")).isEqualTo(1.0);
    }

    @Test
    void shouldGiveTheLongestAndAveragePutTimes() {
        sink.recordPut(10);
        sink.recordPut(30);

        assertThat(value("put-batch-max-time-ms")).isEqualTo(30.0);
        assertThat(value("put-batch-avg-time-ms")).isEqualTo(20.0);
    }

    @Test
    void shouldTrackActiveRecords() {
        sink.recordActiveRecords(12);
        sink.recordActiveRecords(4);

        assertThat(value("sink-record-active-count")).isEqualTo(4.0);
        assertThat(value("sink-record-active-count-max")).isEqualTo(12.0);
        assertThat(value("sink-record-active-count-avg")).isEqualTo(8.0);
    }
}
