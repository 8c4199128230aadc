package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.data.Timestamp;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.storage.Converter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * For users without a registry: Apache's JsonConverter with {@code schemas.enable=true} ("message = schema +
 * payload") carries the same Connect data through Kafka, loaded by class name as Ferry loads converters.
 */
class JsonConverterIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    @Test
    void shouldCarryConnectDataWithTheSchemaInEveryMessage() throws Exception {
        Converter converter = org.apache.kafka.common.utils.Utils.newInstance("org.apache.kafka.connect.json.JsonConverter", Converter.class);
        converter.configure(Map.of("schemas.enable", "true"), false);
        assertThat(converter).isInstanceOf(JsonConverter.class);
        Schema schema = SchemaBuilder.struct().name("com.acme.Order").version(1)
                .field("id", Schema.INT64_SCHEMA).field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("price", Decimal.schema(2)).field("at", Timestamp.SCHEMA)
                .field("tags", SchemaBuilder.array(Schema.STRING_SCHEMA).build()).build();
        Struct order = new Struct(schema).put("id", 1L).put("note", null).put("price", new BigDecimal("9.99"))
                .put("at", new java.util.Date(1_700_000_000_000L)).put("tags", List.of("a"));
        String topic = ENV.kafka().uniqueTopicName("json");
        ENV.kafka().createTopic(topic, 1);

        byte[] bytes = converter.fromConnectData(topic, schema, order);
        try (var producer = ENV.kafka().producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, bytes)).get();
        }
        byte[] received = null;
        try (var consumer = ENV.kafka().consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (received == null && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    received = record.value();
                }
            }
        }
        SchemaAndValue back = converter.toConnectData(topic, received);

        assertThat(new String(received)).startsWith("{\"schema\":{\"type\":\"struct\"").contains("\"payload\":{\"id\":1");
        assertThat(back.value()).isEqualTo(order);
    }
}
