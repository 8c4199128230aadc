package io.ferry.connect.errors;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.apache.kafka.connect.storage.Converter;
import org.apache.kafka.connect.storage.HeaderConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ErrantRecordReporter} a sink task gets from its context (KIP-610): a record the task
 * cannot take is handled like any failed record ({@link Stage#TASK_PUT}, class {@link SinkTask}) —
 * counted, logged, sent to the dead-letter queue — and fails the task unless errors are tolerated.
 *
 * <p>A record that came from the worker ({@link InternalSinkRecord}) is reported with the bytes the
 * consumer read. A record the task made itself is converted back to bytes with the task's converters
 * and reported under its original topic, partition and offset (KIP-793).
 *
 * <p>The worker must not commit the offset of a reported record before its report is durable: it
 * calls {@link #awaitFutures} for the partitions it is about to commit, and {@link #cancelFutures}
 * for partitions it gives up. Thread-safe: tasks may report from any thread.
 */
public final class WorkerErrantRecordReporter implements ErrantRecordReporter {
    private static final Logger log = LoggerFactory.getLogger(WorkerErrantRecordReporter.class);

    private final RetryWithTolerance errorHandler;
    private final Converter keyConverter;
    private final Converter valueConverter;
    private final HeaderConverter headerConverter;
    private final ConcurrentMap<TopicPartition, List<Future<Void>>> pending = new ConcurrentHashMap<>();

    /**
     * @param errorHandler the task's; decides and reports
     * @param keyConverter the task's converters, used for records the task made itself
     */
    public WorkerErrantRecordReporter(RetryWithTolerance errorHandler, Converter keyConverter, Converter valueConverter,
                                      HeaderConverter headerConverter) {
        this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
        this.keyConverter = Objects.requireNonNull(keyConverter, "keyConverter");
        this.valueConverter = Objects.requireNonNull(valueConverter, "valueConverter");
        this.headerConverter = Objects.requireNonNull(headerConverter, "headerConverter");
    }

    /**
     * Reports the record; returns at once.
     *
     * @return completes when every reporter is done with it (the dead-letter queue acknowledged it)
     * @throws ToleranceExceededException when errors are not tolerated: the task fails
     * @throws org.apache.kafka.connect.errors.DataException when a record the task made cannot be converted
     */
    @Override
    public Future<Void> report(SinkRecord record, Throwable error) {
        ConsumerRecord<byte[], byte[]> original =
                record instanceof InternalSinkRecord internal ? internal.originalRecord() : toBytes(record);
        Future<Void> report = errorHandler.executeFailed(ProcessingContext.forSink(original), Stage.TASK_PUT, SinkTask.class, error);
        if (!report.isDone()) {
            pending.compute(new TopicPartition(original.topic(), original.partition()), (partition, reports) -> {
                List<Future<Void>> updated = reports == null ? new ArrayList<>() : reports;
                updated.add(report);
                return updated;
            });
        }
        return report;
    }

    /**
     * Blocks until every report of records of these partitions made so far is done, and forgets them.
     *
     * @throws ConnectException when a report failed (the record may not be in the dead-letter queue) or the wait was interrupted
     */
    public void awaitFutures(Collection<TopicPartition> partitions) {
        for (Future<Void> report : take(partitions)) {
            try {
                report.get();
            } catch (ExecutionException e) {
                log.error("Encountered an error while awaiting an errant record future's completion.", e.getCause());
                throw new ConnectException("A record the task reported as errant could not be reported", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while waiting for errant records to be reported", e);
            }
        }
    }

    /**
     * Stops tracking the reports of these partitions (their records are given up, say after a
     * rebalance); records already handed to the dead-letter queue are still written.
     */
    public void cancelFutures(Collection<TopicPartition> partitions) {
        take(partitions).forEach(report -> report.cancel(true));
    }

    /** Stops tracking every report. */
    public void cancelFutures() {
        cancelFutures(List.copyOf(pending.keySet()));
    }

    private List<Future<Void>> take(Collection<TopicPartition> partitions) {
        List<Future<Void>> taken = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            List<Future<Void>> reports = pending.remove(partition);
            if (reports != null) {
                taken.addAll(reports);
            }
        }
        return taken;
    }

    /** A record the task made, as bytes under its original topic, partition and offset. */
    private ConsumerRecord<byte[], byte[]> toBytes(SinkRecord record) {
        String topic = record.originalTopic();
        byte[] key = keyConverter.fromConnectData(record.topic(), record.keySchema(), record.key());
        byte[] value = valueConverter.fromConnectData(record.topic(), record.valueSchema(), record.value());
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header.key(), headerConverter.fromConnectHeader(record.topic(), header.key(), header.schema(), header.value()));
        }
        Integer partition = record.originalKafkaPartition();
        long timestamp = record.timestamp() == null ? ConsumerRecord.NO_TIMESTAMP : record.timestamp();
        TimestampType timestampType = record.timestamp() == null ? TimestampType.NO_TIMESTAMP_TYPE : record.timestampType();
        return new ConsumerRecord<>(topic, partition == null ? -1 : partition, record.originalKafkaOffset(), timestamp, timestampType,
                key == null ? -1 : key.length, value == null ? -1 : value.length, key, value, headers, Optional.empty());
    }
}
