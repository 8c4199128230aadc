package io.ferry.connect.errors;

import static io.ferry.connect.errors.TestRecords.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.ferry.connect.model.TaskId;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.storage.SimpleHeaderConverter;
import org.apache.kafka.connect.storage.StringConverter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A sink task's errant records reach the dead-letter queue before the worker may commit past them. */
class WorkerErrantRecordReporterIT {
    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static InternalSinkRecord record(long offset) {
        ConsumerRecord<byte[], byte[]> consumed = TestRecords.consumed("orders", 0, offset, "key-" + offset, "value-" + offset);
        return InternalSinkRecord.of(consumed, new SchemaAndValue(Schema.STRING_SCHEMA, "key-" + offset),
                new SchemaAndValue(Schema.STRING_SCHEMA, "value-" + offset), new ConnectHeaders());
    }

    @Test
    void shouldCompleteAReportOnlyOnceTheDeadLetterQueueAcknowledgedIt(FerryCluster cluster) throws Exception {
        String dlq = cluster.uniqueTopicName("dlq");
        CountingMetrics metrics = new CountingMetrics();
        Map<String, Object> lingering = cluster.clientConfig();
        lingering.put(ProducerConfig.LINGER_MS_CONFIG, 4000);
        lingering.put(ProducerConfig.BATCH_SIZE_CONFIG, 1 << 20); // stack traces make records large; keep both in one batch
        DeadLetterQueueReporter deadLetterQueue = DeadLetterQueueReporter.create(
                new DeadLetterQueueSettings(dlq, (short) 1, true, new TaskId("orders-sink", 0)),
                lingering, cluster.clientConfig(), metrics);
        TopicPartition orders = new TopicPartition("orders", 0);
        try (RetryWithTolerance handler = new RetryWithTolerance(new ErrorPolicy(0, 0, true), List.of(deadLetterQueue), metrics,
                Time.SYSTEM)) {
            WorkerErrantRecordReporter errant = new WorkerErrantRecordReporter(handler, new StringConverter(), new StringConverter(),
                    new SimpleHeaderConverter());
            Future<Void> first = errant.report(record(1), new IllegalArgumentException("first"));
            Future<Void> second = errant.report(record(2), new IllegalArgumentException("second"));
            CompletableFuture<Void> commitGate = CompletableFuture.runAsync(() -> errant.awaitFutures(List.of(orders)));
            Thread.sleep(1000);
            // The producer holds both records back for linger.ms: nothing is acknowledged yet.
            assertThat(first).isNotDone();
            assertThat(second).isNotDone();
            assertThat(commitGate).isNotDone();

            commitGate.get(60, TimeUnit.SECONDS);
            assertThat(first).isDone();
            assertThat(second).isDone();
            TopicPartition dlqPartition = new TopicPartition(dlq, 0);
            long end = cluster.admin().listOffsets(Map.of(dlqPartition, OffsetSpec.latest())).partitionResult(dlqPartition)
                    .get(30, TimeUnit.SECONDS).offset();
            assertThat(end).as("records in the dead letter queue once the worker may commit").isEqualTo(2);
        }

        List<ConsumerRecord<byte[], byte[]>> dead = RawRecords.read(cluster, dlq, 2);
        assertThat(dead).extracting(ConsumerRecord::value).containsExactly(utf8("value-1"), utf8("value-2"));
        assertThat(dead.get(1).headers().lastHeader("__connect.errors.exception.message").value()).isEqualTo(utf8("second"));
        assertThat(dead.get(1).headers().lastHeader("__connect.errors.stage").value()).isEqualTo(utf8("TASK_PUT"));
        assertThat(metrics.deadLetterFailures).hasValue(0);
    }
}
