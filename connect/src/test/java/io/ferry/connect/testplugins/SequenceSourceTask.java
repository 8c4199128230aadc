package io.ferry.connect.testplugins;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;

/** The task of {@link SequenceSourceConnector}. */
public class SequenceSourceTask extends SourceTask {
    private String topic;
    private long perPartition;
    private int batchSize;
    private long pollDelayMs;
    private long poisonEvery;
    private boolean typed;
    private final Map<Integer, Long> next = new HashMap<>();

    @Override
    public void start(Map<String, String> props) {
        topic = props.get("topic");
        perPartition = Long.parseLong(props.getOrDefault("records.per.partition", Long.toString(Long.MAX_VALUE)));
        batchSize = Integer.parseInt(props.getOrDefault("batch.size", "100"));
        pollDelayMs = Long.parseLong(props.getOrDefault("poll.delay.ms", "0"));
        poisonEvery = Long.parseLong(props.getOrDefault("poison.every", "0"));
        typed = Boolean.parseBoolean(props.getOrDefault("typed.records", "false"));
        for (String partition : props.get("task.partitions").split(",")) {
            int p = Integer.parseInt(partition.trim());
            Map<String, Object> offset = context.offsetStorageReader().offset(Map.of("p", p));
            next.put(p, offset == null ? 0L : ((Number) offset.get("n")).longValue() + 1);
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (pollDelayMs > 0) {
            Thread.sleep(pollDelayMs);
        }
        List<SourceRecord> records = new ArrayList<>();
        for (Map.Entry<Integer, Long> entry : next.entrySet()) {
            int partition = entry.getKey();
            long n = entry.getValue();
            for (int i = 0; i < batchSize && n < perPartition; i++, n++) {
                SourceRecord record = typed ? typedRecord(partition, n) : new SourceRecord(Map.of("p", partition), Map.of("n", n),
                        topic, null, Schema.STRING_SCHEMA, Integer.toString(partition), Schema.STRING_SCHEMA, partition + "-" + n);
                if (poisonEvery > 0 && n % poisonEvery == 0) {
                    record.headers().addString("poison", "yes");
                }
                records.add(record);
            }
            entry.setValue(n);
        }
        if (records.isEmpty()) {
            Thread.sleep(50);
            return null;
        }
        return records;
    }

    /** Key {@code n} (INT64), value the bytes of {@code <partition>-<n>} (BYTES), header {@code seq} the same bytes. */
    private SourceRecord typedRecord(int partition, long n) {
        byte[] value = (partition + "-" + n).getBytes(StandardCharsets.UTF_8);
        SourceRecord record = new SourceRecord(Map.of("p", partition), Map.of("n", n), topic, null, Schema.INT64_SCHEMA, n,
                Schema.BYTES_SCHEMA, value);
        record.headers().addBytes("seq", value);
        return record;
    }

    @Override
    public void commitRecord(SourceRecord record, org.apache.kafka.clients.producer.RecordMetadata metadata) {
        if (metadata != null && metadata.topic().equals(topic)) {
            SourceCallbacks.of(topic).acknowledgedRecords.incrementAndGet();
        }
    }

    @Override
    public void commit() {
        SourceCallbacks.of(topic).commits.incrementAndGet();
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }

}
