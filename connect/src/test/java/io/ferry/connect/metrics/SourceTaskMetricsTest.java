package io.ferry.connect.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.ferry.connect.model.TaskId;

class SourceTaskMetricsTest {
    @RegisterExtension
    final MetricsFixture fixture = MetricsFixture.withOneSecondWindows();
    private final ConnectMetrics metrics = fixture.metrics;
    private final ManualTime time = fixture.time;
    private final SourceTaskMetrics source = metrics.sourceTask(new TaskId("orders", 3));
    private final MetricReader reader = fixture.reader;

    private double value(String name) {
        return reader.number(SourceTaskMetrics.GROUP, name, "connector", "orders", "task", "3");
    }

    @Test
    void shouldCountPolledRecordsAsARatePerSecondAndATotal() {
        source.recordPoll(10, 5);

        assertThat(value("source-record-poll-rate")).as("10 records in the first 1 s window").isEqualTo(10.0);
        source.recordPoll(5, 5);
        assertThat(value("source-record-poll-total")).isEqualTo(15.0);
    }

    @Test
    void shouldForgetPollsOlderThanTheSampleWindowsInTheRateButNotInTheTotal() {
        source.recordPoll(10, 5);

        time.advance(5_000);

        assertThat(value("source-record-poll-rate")).isZero();
        assertThat(value("source-record-poll-total")).isEqualTo(10.0);
    }

    @Test
    void shouldCountOnlyRecordsWrittenToKafkaInTheWriteMetrics() {
        source.recordPoll(10, 5);
        source.recordWrite(7, 3);

        assertThat(value("source-record-write-total")).isEqualTo(7.0);
        assertThat(value("source-record-write-rate")).isEqualTo(7.0);
        assertThat(value("source-record-active-count")).as("written and filtered records are no longer active").isZero();
    }

    @Test
    void shouldGiveTheLongestAndAveragePollTimes() {
        source.recordPoll(1, 20);
        source.recordPoll(1, 40);

        assertThat(value("poll-batch-max-time-ms")).isEqualTo(40.0);
        assertThat(value("poll-batch-avg-time-ms")).isEqualTo(30.0);
    }

    @Test
    void shouldCountRecordsPolledButNotYetWrittenAsActive() {
        source.recordPoll(10, 1);
        source.recordWrite(4, 0);

        assertThat(value("source-record-active-count")).isEqualTo(6.0);
        assertThat(value("source-record-active-count-max")).isEqualTo(10.0);
        assertThat(value("source-record-active-count-avg")).isCloseTo(8.0, within(1e-9));

        source.recordActiveRecords(3);
        assertThat(value("source-record-active-count")).as("a count the caller made itself replaces ours").isEqualTo(3.0);
        source.recordWrite(5, 0);
        assertThat(value("source-record-active-count")).as("never below zero").isZero();
    }

    @Test
    void shouldReadNotANumberForTimesBeforeTheFirstPoll() {
        assertThat(value("poll-batch-max-time-ms")).isNaN();
        assertThat(value("source-record-poll-total")).isZero();
    }

    @Test
    void shouldShowTransactionSizesOnlyOnceATaskCommittedATransaction() {
        assertThat(reader.exists(SourceTaskMetrics.GROUP, "transaction-size-avg", "connector", "orders", "task", "3")).isFalse();

        source.recordTransaction(10);
        source.recordTransaction(2);
        source.recordTransaction(6);

        assertThat(value("transaction-size-min")).isEqualTo(2.0);
        assertThat(value("transaction-size-max")).isEqualTo(10.0);
        assertThat(value("transaction-size-avg")).isEqualTo(6.0);
    }
}
