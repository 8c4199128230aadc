package io.ferry.connect.errors;

import java.util.Objects;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * A sink record that remembers the consumed record it was converted from, so that a record the task
 * reports as errant reaches the dead-letter queue with its original bytes. Records made from it by
 * {@code newRecord} — which transformations call — remember it too. Its original topic, partition
 * and offset (KIP-793) are the consumed record's. Immutable.
 */
public final class InternalSinkRecord extends SinkRecord {
    private final ConsumerRecord<byte[], byte[]> originalRecord;

    private InternalSinkRecord(ConsumerRecord<byte[], byte[]> originalRecord, String topic, int partition, Schema keySchema,
                               Object key, Schema valueSchema, Object value, long kafkaOffset, Long timestamp,
                               TimestampType timestampType, Iterable<Header> headers) {
        super(topic, partition, keySchema, key, valueSchema, value, kafkaOffset, timestamp, timestampType, headers,
                originalRecord.topic(), originalRecord.partition(), originalRecord.offset());
        this.originalRecord = originalRecord;
    }

    /**
     * The sink record of a consumed record: its topic, partition, offset and timestamp, with the
     * converted key, value and headers.
     */
    public static InternalSinkRecord of(ConsumerRecord<byte[], byte[]> original, SchemaAndValue key, SchemaAndValue value,
                                        Iterable<Header> headers) {
        Objects.requireNonNull(original, "original");
        boolean timed = original.timestampType() != TimestampType.NO_TIMESTAMP_TYPE && original.timestamp() != ConsumerRecord.NO_TIMESTAMP;
        return new InternalSinkRecord(original, original.topic(), original.partition(), key.schema(), key.value(), value.schema(),
                value.value(), original.offset(), timed ? original.timestamp() : null, original.timestampType(), headers);
    }

    /** {@code converted}, remembering the consumed record it was made from. */
    public static InternalSinkRecord of(ConsumerRecord<byte[], byte[]> original, SinkRecord converted) {
        return new InternalSinkRecord(Objects.requireNonNull(original, "original"), converted.topic(), converted.kafkaPartition(),
                converted.keySchema(), converted.key(), converted.valueSchema(), converted.value(), converted.kafkaOffset(),
                converted.timestamp(), converted.timestampType(), converted.headers());
    }

    /** The record as the consumer read it. */
    public ConsumerRecord<byte[], byte[]> originalRecord() {
        return originalRecord;
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key, Schema valueSchema, Object value,
                                Long timestamp) {
        return newRecord(topic, kafkaPartition, keySchema, key, valueSchema, value, timestamp, headers().duplicate());
    }

    @Override
    public SinkRecord newRecord(String topic, Integer kafkaPartition, Schema keySchema, Object key, Schema valueSchema, Object value,
                                Long timestamp, Iterable<Header> headers) {
        return new InternalSinkRecord(originalRecord, topic, kafkaPartition, keySchema, key, valueSchema, value, kafkaOffset(),
                timestamp, timestampType(), headers);
    }
}
