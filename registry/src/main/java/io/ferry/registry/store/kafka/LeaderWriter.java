package io.ferry.registry.store.kafka;

import java.util.List;

import io.ferry.registry.store.NotLeaderException;
import io.ferry.registry.store.StoreException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Writes to the schemas topic as the registry's leader, fenced by Kafka: a node that lost the
 * leadership (even without knowing it yet) cannot make a record visible.
 */
public interface LeaderWriter {

    /** Whether this node believes it leads. */
    boolean believesItLeads();

    /**
     * Makes this node's leadership effective before it reads the log to decide a write: fences a
     * former leader and settles any transaction it left open, so that reading to the end sees
     * everything that will ever be committed before this node's own writes.
     *
     * @throws NotLeaderException when this node does not lead
     */
    void claim() throws StoreException;

    /**
     * Writes the records in one transaction: all of them become visible, or none.
     *
     * @return where the last record landed
     * @throws NotLeaderException when this node does not lead (nothing was written)
     * @throws StoreException     when the outcome is unknown or the write failed
     */
    RecordMetadata write(List<ProducerRecord<byte[], byte[]>> records) throws StoreException;
}
