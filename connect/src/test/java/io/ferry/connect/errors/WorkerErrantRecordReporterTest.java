package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.consumed;
import static io.ferry.connect.errors.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;

class WorkerErrantRecordReporterTest {
    private final RecordingReporter reporter = RecordingReporter.deferred();
    private final CountingMetrics metrics = new CountingMetrics();

    private WorkerErrantRecordReporter errantReporter(boolean tolerateAll) {
        RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(0, 0, tolerateAll), List.of(reporter), metrics,
                new ManualTime());
        JsonConverter values = new JsonConverter();
        values.configure(Map.of("schemas.enable", false), false);
        return new WorkerErrantRecordReporter(handler, new StringConverter(), values, new SimpleHeaderConverter());
    }

    private static InternalSinkRecord fromConsumer(ConsumerRecord<byte[], byte[]> consumed) {
        return InternalSinkRecord.of(consumed, new SchemaAndValue(Schema.STRING_SCHEMA, "k"), new SchemaAndValue(null, "v"),
                new ConnectHeaders());
    }

    @Test
    void shouldReportTheConsumedRecordAsAFailedPut() {
        ConsumerRecord<byte[], byte[]> consumed = consumed("orders", 1, 10, "k", "v");
        IllegalArgumentException error = new IllegalArgumentException("unknown customer");

        errantReporter(true).report(fromConsumer(consumed), error);

        RecordingReporter.Report report = reporter.only();
        assertThat(report.context().consumerRecord()).isSameAs(consumed);
        assertThat(report.stage()).isEqualTo(Stage.TASK_PUT);
        assertThat(report.executingClass()).isEqualTo(SinkTask.class);
        assertThat(report.error()).isSameAs(error);
        assertThat(metrics.skipped).hasValue(1);
    }

    @Test
    void shouldConvertARecordTheTaskMadeWithTheTasksConverters() {
        SinkRecord made = new SinkRecord("routed", 0, Schema.STRING_SCHEMA, "key-1", null, Map.of("n", 1), 33, 5L,
                TimestampType.CREATE_TIME, new ConnectHeaders().addString("h", "x"), "orders", 7, 12L);

        errantReporter(true).report(made, new IllegalStateException("no"));

        ConsumerRecord<byte[], byte[]> reported = reporter.only().context().consumerRecord();
        assertThat(reported.topic()).isEqualTo("orders");
        assertThat(reported.partition()).isEqualTo(7);
        assertThat(reported.offset()).isEqualTo(12);
        assertThat(reported.timestamp()).isEqualTo(5L);
        assertThat(reported.key()).isEqualTo(utf8("key-1"));
        assertThat(reported.value()).isEqualTo(utf8("{\"n\":1}"));
        assertThat(reported.headers().lastHeader("h").value()).isEqualTo(utf8("x"));
    }

    @Test
    void shouldWaitForTheReportsOfTheGivenPartitionsOnly() throws Exception {
        WorkerErrantRecordReporter errant = errantReporter(true);
        Future<Void> first = errant.report(fromConsumer(consumed("orders", 0, 1, "k", "v")), new RuntimeException("a"));
        errant.report(fromConsumer(consumed("orders", 1, 1, "k", "v")), new RuntimeException("b"));
        TopicPartition partition0 = new TopicPartition("orders", 0);

        CompletableFuture<Void> awaiting = CompletableFuture.runAsync(() -> errant.awaitFutures(List.of(partition0)));
        Thread.sleep(200);
        assertThat(awaiting).isNotDone();
        assertThat(first).isNotDone();

        reporter.reports.get(0).done().complete(null);

        awaiting.get(10, TimeUnit.SECONDS);
        assertThat(first).isDone();
    }

    @Test
    void shouldFailTheWaitWhenAReportFailed() {
        WorkerErrantRecordReporter errant = errantReporter(true);
        errant.report(fromConsumer(consumed("orders", 0, 1, "k", "v")), new RuntimeException("a"));
        reporter.only().done().completeExceptionally(new IllegalStateException("dead letter queue unavailable"));

        assertThatThrownBy(() -> errant.awaitFutures(List.of(new TopicPartition("orders", 0))))
                .isInstanceOf(ConnectException.class)
                .hasRootCauseMessage("dead letter queue unavailable");
    }

    @Test
    void shouldForgetTheReportsOfCancelledPartitions() {
        WorkerErrantRecordReporter errant = errantReporter(true);
        errant.report(fromConsumer(consumed("orders", 0, 1, "k", "v")), new RuntimeException("a"));
        errant.report(fromConsumer(consumed("orders", 1, 1, "k", "v")), new RuntimeException("b"));

        errant.cancelFutures(List.of(new TopicPartition("orders", 0)));
        errant.cancelFutures();

        errant.awaitFutures(List.of(new TopicPartition("orders", 0), new TopicPartition("orders", 1)));
        assertThat(reporter.reports).allMatch(report -> !report.done().isDone());
    }

    @Test
    void shouldFailTheTaskWhenErrorsAreNotToleratedAfterReporting() {
        RuntimeException error = new RuntimeException("bad record");

        assertThatThrownBy(() -> errantReporter(false).report(fromConsumer(consumed("orders", 0, 1, "k", "v")), error))
                .isInstanceOf(ToleranceExceededException.class)
                .hasCause(error);
        assertThat(reporter.reports).hasSize(1);
    }
}
