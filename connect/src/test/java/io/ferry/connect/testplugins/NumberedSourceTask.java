package io.ferry.connect.testplugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.apache.kafka.connect.source.TransactionContext;

/** The task of {@link NumberedSourceConnector}. */
public class NumberedSourceTask extends SourceTask {
    /** Per topic: how often commitRecord (with metadata) and commit() were called, and where the last start resumed. */
    public static final class Calls {
        public final AtomicLong committedRecords = new AtomicLong();
        public final AtomicLong commits = new AtomicLong();
        public final AtomicLong firstNumber = new AtomicLong(-1);
        public final AtomicLong polledRecords = new AtomicLong();
    }

    private static final Map<String, Calls> CALLS = new ConcurrentHashMap<>();

    private String topic;
    private int taskNumber;
    private long records;
    private int batchSize;
    private long pollDelayMs;
    private long commitEvery;
    private long abortEvery;
    private long badEvery;
    private long next;

    public static Calls calls(String topic) {
        return CALLS.computeIfAbsent(topic, t -> new Calls());
    }

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        taskNumber = Integer.parseInt(props.getOrDefault("task.number", "0"));
        records = Long.parseLong(props.getOrDefault("records", Long.toString(Long.MAX_VALUE)));
        batchSize = Integer.parseInt(props.getOrDefault("batch.size", "10"));
        pollDelayMs = Long.parseLong(props.getOrDefault("poll.delay.ms", "0"));
        commitEvery = Long.parseLong(props.getOrDefault("commit.every", "0"));
        abortEvery = Long.parseLong(props.getOrDefault("abort.every", "0"));
        badEvery = Long.parseLong(props.getOrDefault("bad.every", "0"));
        Map<String, Object> offset = context.offsetStorageReader().offset(Map.of("task", taskNumber));
        next = offset == null ? 0 : ((Number) offset.get("n")).longValue() + 1;
        calls(topic).firstNumber.set(next);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (pollDelayMs > 0) {
            Thread.sleep(pollDelayMs);
        }
        if (next >= records) {
            Thread.sleep(50);
            return null;
        }
        List<SourceRecord> batch = new ArrayList<>();
        TransactionContext transactions = context.transactionContext();
        for (int i = 0; i < batchSize && next < records; i++, next++) {
            // A bad record's value does not match its schema: a converter that checks refuses it.
            Object value = badEvery > 0 && (next + 1) % badEvery == 0 ? (Object) next : taskNumber + "-" + next;
            SourceRecord record = new SourceRecord(Map.of("task", taskNumber), Map.of("n", next), topic, null,
                    Schema.STRING_SCHEMA, Integer.toString(taskNumber), Schema.STRING_SCHEMA, value);
            batch.add(record);
            if (transactions != null && abortEvery > 0 && (next + 1) % abortEvery == 0) {
                transactions.abortTransaction(record);
            } else if (transactions != null && commitEvery > 0 && (next + 1) % commitEvery == 0) {
                transactions.commitTransaction(record);
            }
        }
        calls(topic).polledRecords.addAndGet(batch.size());
        return batch;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (metadata != null) {
            calls(topic).committedRecords.incrementAndGet();
        }
    }

    @Override
    public void commit() {
        calls(topic).commits.incrementAndGet();
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
