package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RestRegistryClient;
import io.ferry.serde.connect.ConnectSchemas;
import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Connect data → bytes on a real broker, JSON Schemas in a real registry → Connect data, for every Connect type. */
class JsonSchemaConverterIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    /** Closed struct schemas, so that adding an optional field is a compatible change for the registry. */
    private static final Schema ITEM_V1 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA).build();
    private static final Schema ITEM_V2 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA)
            .field("name", SchemaBuilder.string().optional().defaultValue("unnamed").build()).build();

    private static JsonSchemaConverter converter(boolean isKey, Object... settings) {
        JsonSchemaConverter converter = new JsonSchemaConverter();
        converter.configure(ENV.serdeConfig(settings), isKey);
        return converter;
    }

    private static List<byte[]> throughKafka(String topic, byte[]... values) throws Exception {
        ENV.kafka().createTopic(topic, 1);
        try (var producer = ENV.kafka().producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            for (byte[] value : values) {
                producer.send(new ProducerRecord<>(topic, value)).get();
            }
        }
        List<byte[]> read = new java.util.ArrayList<>();
        try (var consumer = ENV.kafka().consumer(new ByteArrayDeserializer(), new ByteArrayDeserializer(), Map.of())) {
            var partition = new org.apache.kafka.common.TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.size() < values.length && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    read.add(record.value());
                }
            }
        }
        assertThat(read).as("records read back from " + topic).hasSize(values.length);
        return read;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldRoundTripEveryConnectTypeThroughBrokerAndRegistry(String name, Schema schema, Object value) throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-connect");
        byte[] bytes = converter(false).fromConnectData(topic, schema, value);

        SchemaAndValue back = converter(false).toConnectData(topic, throughKafka(topic, bytes).get(0));

        assertThat(ConnectSchemas.describe(back.schema())).isEqualTo(ConnectSchemas.describe(schema));
        assertThat(back.schema()).isEqualTo(schema);
        assertThat(converter(false).fromConnectData(topic, back.schema(), back.value())).isEqualTo(bytes);
    }

    @Test
    void shouldReadRecordsOfAnOlderAndANewerSchemaEachWithItsOwnSchema() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-evolving");
        JsonSchemaConverter writer = converter(false, "object.additional.properties", false);
        byte[] old = writer.fromConnectData(topic, ITEM_V1, new Struct(ITEM_V1).put("id", 1L));
        byte[] newer = writer.fromConnectData(topic, ITEM_V2, new Struct(ITEM_V2).put("id", 2L).put("name", "two"));

        List<byte[]> read = throughKafka(topic, old, newer);
        JsonSchemaConverter reader = converter(false, "json.fail.invalid.schema", true);
        SchemaAndValue first = reader.toConnectData(topic, read.get(0));
        SchemaAndValue second = reader.toConnectData(topic, read.get(1));

        assertThat(first.schema().version()).isEqualTo(1);
        assertThat(second.schema().version()).isEqualTo(2);
        assertThat(((Struct) first.value()).getInt64("id")).isEqualTo(1L);
        assertThat(first.schema().field("name")).isNull();
        assertThat(((Struct) second.value()).getString("name")).isEqualTo("two");
        assertThat(new RestRegistryClient(RegistryClientConfig.forUrl(ENV.registryUrl())).latestVersion(topic + "-value").version())
                .isEqualTo(2);
    }

    @Test
    void shouldWriteAnOlderStructWithTheLatestVersionWhenAsked() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-latest");
        converter(false, "object.additional.properties", false).fromConnectData(topic, ITEM_V1, new Struct(ITEM_V1).put("id", 1L));
        converter(false, "object.additional.properties", false).fromConnectData(topic, ITEM_V2, new Struct(ITEM_V2).put("id", 2L));
        int latestId = new RestRegistryClient(RegistryClientConfig.forUrl(ENV.registryUrl())).latestVersion(topic + "-value").id();

        byte[] bytes = converter(false, "auto.register.schemas", false, "use.latest.version", true, "object.additional.properties", false)
                .fromConnectData(topic, ITEM_V1, new Struct(ITEM_V1).put("id", 3L));
        SchemaAndValue back = converter(false).toConnectData(topic, throughKafka(topic, bytes).get(0));

        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(latestId);
        assertThat(back.schema().version()).isEqualTo(2);
        assertThat(((Struct) back.value()).getString("name")).isEqualTo("unnamed");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaAsADataException() {
        String topic = ENV.kafka().uniqueTopicName("json-strict");
        Schema v1 = SchemaBuilder.struct().name("P").field("id", Schema.INT64_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("P").field("id", Schema.STRING_SCHEMA).build();
        converter(false).fromConnectData(topic, v1, new Struct(v1).put("id", 1L));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> converter(false).fromConnectData(topic, v2, new Struct(v2).put("id", "1")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic " + topic)
                .hasMessageContaining("incompatible");
    }
}
