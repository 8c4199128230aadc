package io.ferry.connect.worker.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.ferry.connect.storage.OffsetCodec;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * An exactly-once task's source offsets on their way into the offsets topic: sent with the task's
 * own producer inside its transaction, in {@link io.ferry.connect.storage.OffsetCodec}'s bytes, and
 * after the commit awaited in the worker's offset view.
 */
final class TransactionOffsets {
    private final TransactionalParts parts;
    private final String connector;

    TransactionOffsets(TransactionalParts parts, String connector) {
        this.parts = parts;
        this.connector = connector;
    }

    /** Sends the offsets in the producer's open transaction. */
    List<Future<RecordMetadata>> send(Producer<byte[], byte[]> producer, Map<Map<String, ?>, Map<String, ?>> offsets) {
        List<Future<RecordMetadata>> writes = new ArrayList<>();
        offsets.forEach((partition, offset) -> writes.add(producer.send(new ProducerRecord<>(parts.offsetTopic().topic(),
                OffsetCodec.bytes(parts.codec().key(connector, partition)),
                OffsetCodec.bytes(parts.codec().value(connector, offset))))));
        return writes;
    }

    /**
     * Waits until the offset view holds the committed writes, so that the task's reader and the
     * REST API see them at once.
     *
     * @param writes the sends of a committed transaction: all complete
     */
    void awaitApplied(List<Future<RecordMetadata>> writes) throws ExecutionException, TimeoutException, InterruptedException {
        Map<Integer, Long> last = new HashMap<>();
        for (Future<RecordMetadata> write : writes) {
            RecordMetadata metadata = write.get();
            last.merge(metadata.partition(), metadata.offset(), Math::max);
        }
        List<CompletableFuture<Void>> applied = new ArrayList<>();
        last.forEach((partition, offset) -> applied.add(parts.offsetTopic().awaitApplied(partition, offset)));
        CompletableFuture.allOf(applied.toArray(new CompletableFuture<?>[0])).get(parts.readTimeoutMs(), TimeUnit.MILLISECONDS);
    }
}
