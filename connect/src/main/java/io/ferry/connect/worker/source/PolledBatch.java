package io.ferry.connect.worker.source;

import java.util.List;

import io.ferry.connect.errors.ProcessingContext;
import io.ferry.connect.worker.pipeline.TransformationChain;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * A batch the task's {@code poll()} returned, handed over record by record: each is transformed and
 * converted, then skipped or sent. When a record cannot be handed over for now, the batch stops
 * there and the next {@link #sendRemaining} goes on from that record. Used by the task thread.
 */
final class PolledBatch {
    private final List<SourceRecord> records;
    private int next;

    /** What a task loop does with each record of a batch. */
    interface Handler {
        /** A record a transformation dropped, or whose failure {@code errors.tolerance} let pass. */
        void skip(SourceRecord original);

        /** @return false when the record cannot be handed to the producer for now: the batch stops before it */
        boolean send(SourceRecord original, ProducerRecord<byte[], byte[]> record, ProcessingContext context);

        /** After a record was skipped or sent. */
        default void handled(SourceRecord original) {
        }

        /** After each attempt: how many records went to the producer and how many were skipped. */
        void counted(int written, int skipped);
    }

    PolledBatch(List<SourceRecord> records) {
        this.records = records;
    }

    int size() {
        return records.size();
    }

    /** @return true once every record was handled; false when the rest must be tried again later */
    boolean sendRemaining(TransformationChain<SourceRecord> chain, SourceRecordConverter converter, Handler handler) {
        int written = 0;
        int skipped = 0;
        try {
            for (; next < records.size(); next++) {
                SourceRecord original = records.get(next);
                ProcessingContext context = ProcessingContext.forSource(original);
                SourceRecord transformed = chain.apply(context, original);
                ProducerRecord<byte[], byte[]> converted = transformed == null ? null : converter.convert(context, transformed);
                if (converted == null) {
                    handler.skip(original);
                    skipped++;
                } else if (handler.send(original, converted, context)) {
                    written++;
                } else {
                    return false;
                }
                handler.handled(original);
            }
            return true;
        } finally {
            handler.counted(written, skipped);
        }
    }
}
