package io.ferry.connect.worker.source;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * What an exactly-once task has handed over since its last commit: the records, in order, each
 * with what Kafka answered, and the latest source offset per source partition — the offsets the
 * next commit writes. Records skipped on purpose (filtered, or tolerated failures) are here too,
 * without an answer: their offsets commit like the others'. Used by the task thread; the answers
 * are set by the producer's thread.
 */
final class TransactionContents {
    private final List<Entry> records = new ArrayList<>();
    private final Map<Map<String, ?>, Map<String, ?>> offsets = new LinkedHashMap<>();

    /** A record handed over; the producer sets its answer once Kafka has it. */
    static final class Entry {
        final SourceRecord record;
        volatile RecordMetadata metadata;

        private Entry(SourceRecord record) {
            this.record = record;
        }
    }

    /** Adds a record; one without a source partition or offset is told of its commit but commits no offset. */
    Entry add(SourceRecord record) {
        Entry entry = new Entry(record);
        records.add(entry);
        if (record.sourcePartition() != null && record.sourceOffset() != null) {
            offsets.put(record.sourcePartition(), record.sourceOffset());
        }
        return entry;
    }

    /** Takes back the last record, which never reached the producer: its partition's offset is the one before it again. */
    void removeLast(Entry entry) {
        records.remove(entry);
        Map<String, ?> partition = entry.record.sourcePartition();
        if (partition == null) {
            return;
        }
        offsets.remove(partition);
        for (Entry earlier : records) {
            if (Objects.equals(earlier.record.sourcePartition(), partition) && earlier.record.sourceOffset() != null) {
                offsets.put(partition, earlier.record.sourceOffset());
            }
        }
    }

    /** The transaction was aborted: no record reached a reader, but their offsets still commit. */
    void aborted() {
        records.forEach(entry -> entry.metadata = null);
    }

    Map<Map<String, ?>, Map<String, ?>> offsets() {
        return offsets;
    }

    int size() {
        return records.size();
    }

    boolean isEmpty() {
        return records.isEmpty() && offsets.isEmpty();
    }

    /** Empties this and returns the records it held, in order. */
    List<Entry> drain() {
        List<Entry> drained = new ArrayList<>(records);
        records.clear();
        offsets.clear();
        return drained;
    }
}
