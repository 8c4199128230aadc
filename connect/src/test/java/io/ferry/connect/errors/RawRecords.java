package io.ferry.connect.errors;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.testkit.FerryCluster;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads a topic's records as the bytes Kafka holds: a dead-letter queue's, or what converters wrote. */
public final class RawRecords {

    private RawRecords() {
    }

    /** The first {@code count} records of partition 0, or fewer when they do not arrive within 30 s. */
    public static List<ConsumerRecord<byte[], byte[]>> read(FerryCluster cluster, String topic, int count) {
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = cluster.consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                Map.of())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
