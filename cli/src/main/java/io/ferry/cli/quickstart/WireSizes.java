package io.ferry.cli.quickstart;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.ferry.serde.connect.AvroConverter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.json.JsonConverter;

/**
 * Bytes per message on the topic (the registry's framing: magic byte, schema id, Avro) against the same
 * records as JsonConverter writes them with the schema embedded in every message.
 */
record WireSizes(int messages, double avroBytes, double jsonBytes) {

    static WireSizes measure(String bootstrap, String topic, String registryUrl, int sample) {
        List<byte[]> values = read(bootstrap, topic, sample);
        AvroConverter avro = new AvroConverter();
        avro.configure(Map.of("schema.registry.url", registryUrl), false);
        JsonConverter json = new JsonConverter();
        json.configure(Map.of("schemas.enable", "true", "converter.type", "value"));
        long avroTotal = 0;
        long jsonTotal = 0;
        for (byte[] value : values) {
            SchemaAndValue data = avro.toConnectData(topic, value);
            avroTotal += value.length;
            jsonTotal += json.fromConnectData(topic, data.schema(), data.value()).length;
        }
        int n = Math.max(1, values.size());
        return new WireSizes(values.size(), (double) avroTotal / n, (double) jsonTotal / n);
    }

    private static List<byte[]> read(String bootstrap, String topic, int sample) {
        Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<byte[]> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (values.size() < sample && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (values.size() < sample && record.value() != null) {
                        values.add(record.value());
                    }
                }
            }
            return values;
        }
    }
}
