package io.ferry.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.serde.client.CachingRegistryClient;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The serializer and deserializer against a real broker and a real registry over HTTP. */
class KafkaAvroSerdeIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    private static final Schema ORDER_V1 = parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"}]}");
    private static final Schema ORDER_V2 = parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"},"
            + "{\"name\":\"note\",\"type\":\"string\",\"default\":\"none\"}]}");
    private static final Schema ORDER_INCOMPATIBLE = parse("{\"type\":\"record\",\"name\":\"Order\",\"namespace\":\"com.acme\","
            + "\"fields\":[{\"name\":\"id\",\"type\":\"long\"},{\"name\":\"item\",\"type\":\"string\"},"
            + "{\"name\":\"customer\",\"type\":\"string\"}]}");

    private static RegistryClient client;

    @BeforeAll
    static void connect() {
        client = CachingRegistryClient.create(RegistryClientConfig.forUrl(ENV.registryUrl()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static Schema parse(String schema) {
        return new Schema.Parser().parse(schema);
    }

    private static GenericRecord order(Schema schema, long id, String item) {
        GenericData.Record record = new GenericData.Record(schema);
        record.put("id", id);
        record.put("item", item);
        if (schema.getField("note") != null) {
            record.put("note", "rush");
        }
        return record;
    }

    private static KafkaAvroSerializer serializer(Object... settings) {
        KafkaAvroSerializer serializer = new KafkaAvroSerializer();
        serializer.configure(ENV.serdeConfig(settings), false);
        return serializer;
    }

    private static KafkaAvroDeserializer deserializer(Object... settings) {
        KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
        deserializer.configure(ENV.serdeConfig(settings), false);
        return deserializer;
    }

    private static List<ConsumerRecord<String, Object>> consume(String topic, int count, Object... settings) {
        try (KafkaConsumer<String, Object> consumer = ENV.kafka().consumer(new StringDeserializer(), deserializer(settings),
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, topic + "-reader"))) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, Object>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private static void produce(String topic, KafkaAvroSerializer serializer, Object... values) throws Exception {
        try (KafkaProducer<String, Object> producer = ENV.kafka().producer(new StringSerializer(), serializer, Map.of())) {
            for (Object value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
            }
        }
    }

    @Test
    void shouldRoundTripGenericRecordsThroughBrokerAndRegistry() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("orders");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), order(ORDER_V1, 1, "apple"), order(ORDER_V1, 2, "pear"));

        List<ConsumerRecord<String, Object>> records = consume(topic, 2);

        assertThat(records).extracting(ConsumerRecord::value).containsExactly(order(ORDER_V1, 1, "apple"), order(ORDER_V1, 2, "pear"));
        int id = client.latestVersion(topic + "-value").id();
        assertThat(client.schemaById(id)).isEqualTo(RegistrySchema.avro(ORDER_V1.toString()));
    }

    static Stream<Arguments> primitives() {
        return Stream.of(
                Arguments.of("string", "text", "text"),
                Arguments.of("int", 42, 42),
                Arguments.of("long", 42L, 42L),
                Arguments.of("float", 1.5f, 1.5f),
                Arguments.of("double", 2.5d, 2.5d),
                Arguments.of("boolean", true, true),
                Arguments.of("bytes from byte[]", new byte[] {1, 2, 3}, new byte[] {1, 2, 3}),
                Arguments.of("bytes from a ByteBuffer", ByteBuffer.wrap(new byte[] {4, 5}), new byte[] {4, 5}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("primitives")
    void shouldRoundTripPrimitives(String type, Object written, Object read) throws Exception {
        String topic = ENV.kafka().uniqueTopicName("primitive");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), written);

        Object value = consume(topic, 1).get(0).value();

        if (read instanceof byte[] bytes) {
            assertThat((byte[]) value).isEqualTo(bytes);
        } else {
            assertThat(value).isEqualTo(read);
        }
        assertThat(client.latestVersion(topic + "-value").schema().schema()).isEqualTo("\"" + type.split(" ")[0] + "\"");
    }

    @Test
    void shouldWriteBytesSchemasRawAsConfluentDoes() {
        byte[] framed = serializer().serialize(ENV.kafka().uniqueTopicName("raw"), new byte[] {9, 8});
        assertThat(Arrays.copyOfRange(framed, 5, framed.length)).containsExactly(9, 8);
        assertThat(framed[0]).isZero();
    }

    @Test
    void shouldLetANewerReaderReadOldRecords() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("evolving");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), order(ORDER_V1, 1, "apple"));
        produce(topic, serializer(), order(ORDER_V2, 2, "pear"));

        List<ConsumerRecord<String, Object>> records = consume(topic, 2, "use.latest.version", true);

        assertThat(records).extracting(r -> ((GenericRecord) r.value()).getSchema()).containsOnly(ORDER_V2);
        GenericRecord old = (GenericRecord) records.get(0).value();
        assertThat(old.get("id")).isEqualTo(1L);
        assertThat(old.get("note").toString()).isEqualTo("none");
        assertThat(records.get(1).value().toString()).contains("\"note\": \"rush\"");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithTheRegistrys409() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("guarded");
        produce(topic, serializer(), order(ORDER_V1, 1, "apple"));

        assertThatThrownBy(() -> serializer().serialize(topic, order(ORDER_INCOMPATIBLE, 2, "pear")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic '" + topic + "'")
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining("incompatible")
                .hasMessageContaining("HTTP 409, error code 409")
                .satisfies(e -> assertThat(((IncompatibleSchemaException) e).registryError().isIncompatibleSchema()).isTrue());
        try (KafkaProducer<String, Object> producer = ENV.kafka().producer(new StringSerializer(), serializer(), Map.of())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(topic, "k", order(ORDER_INCOMPATIBLE, 3, "fig"))))
                    .isInstanceOf(SerializationException.class)
                    .satisfies(e -> assertThat(rootOrSelf(e, IncompatibleSchemaException.class)).isNotNull());
        }
    }

    private static Throwable rootOrSelf(Throwable e, Class<?> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return t;
            }
        }
        return null;
    }

    @Test
    void shouldLookUpWithoutRegisteringWhenAutoRegisterIsOff() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("lookup");
        assertThatThrownBy(() -> serializer("auto.register.schemas", false).serialize(topic, order(ORDER_V1, 1, "a")))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not registered")
                .hasMessageContaining("error code 40401");
        int id = client.register(topic + "-value", RegistrySchema.avro(ORDER_V1.toString()), false);

        byte[] framed = serializer("auto.register.schemas", false).serialize(topic, order(ORDER_V1, 1, "a"));

        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldWriteWithTheLatestVersionWhenAsked() {
        String topic = ENV.kafka().uniqueTopicName("latest");
        client.register(topic + "-value", RegistrySchema.avro(ORDER_V1.toString()), false);
        int v2 = client.register(topic + "-value", RegistrySchema.avro(ORDER_V2.toString()), false);

        byte[] framed = serializer("auto.register.schemas", false, "use.latest.version", true).serialize(topic, order(ORDER_V2, 1, "a"));
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(v2);

        Schema idAsText = parse(ORDER_V1.toString().replace("\"long\"", "\"string\""));
        GenericRecord textId = new GenericData.Record(idAsText);
        textId.put("id", "1");
        textId.put("item", "a");
        assertThatThrownBy(() -> serializer("auto.register.schemas", false, "use.latest.version", true).serialize(topic, textId))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("latest.compatibility.strict=false");
    }

    @Test
    void shouldRegisterUnderTheRecordNameWithConfluentsStrategyClassName() {
        String topic = ENV.kafka().uniqueTopicName("mixed");
        serializer("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")
                .serialize(topic, order(ORDER_V1, 1, "a"));
        assertThat(client.latestVersion(topic + "-com.acme.Order").schema().schema()).isEqualTo(ORDER_V1.toString());
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("no magic byte", new byte[] {'{', '"', 'a', '"', '}'}, "unknown magic byte 0x7b"),
                Arguments.of("an unknown id", new byte[] {0, 0, 0, 0x7f, 0x11, 2}, "schema id 32529 is not in the registry"),
                Arguments.of("a header cut short", new byte[] {0, 0, 0}, "shorter than the 5-byte header"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void shouldNameTheTopicWhenBytesCannotBeRead(String problem, byte[] payload, String message) {
        assertThatThrownBy(() -> deserializer().deserialize("payments", payload))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the value of a record in topic 'payments'")
                .hasMessageContaining(message);
    }

    @Test
    void shouldNameTheTopicWhenAPayloadIsTruncated() {
        String topic = ENV.kafka().uniqueTopicName("cut");
        byte[] framed = serializer().serialize(topic, order(ORDER_V1, 1, "a long item name"));
        byte[] truncated = Arrays.copyOf(framed, framed.length - 4);

        assertThatThrownBy(() -> deserializer().deserialize(topic, truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the value of a record in topic '" + topic + "'")
                .hasMessageContaining("truncated or does not match schema id");
    }

    @Test
    void shouldLetTheConsumerReportTopicPartitionAndOffsetOfABadRecord() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("poisoned");
        ENV.kafka().createTopic(topic, 1);
        byte[] good = serializer().serialize(topic, order(ORDER_V1, 1, "a"));
        try (KafkaProducer<byte[], byte[]> producer = ENV.kafka().producer(new ByteArraySerializer(), new ByteArraySerializer(), Map.of())) {
            producer.send(new ProducerRecord<>(topic, good)).get();
            producer.send(new ProducerRecord<>(topic, "not avro".getBytes())).get();
            producer.send(new ProducerRecord<>(topic, good)).get();
        }
        try (KafkaConsumer<byte[], Object> consumer = ENV.kafka().consumer(new ByteArrayDeserializer(), deserializer(),
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, topic))) {
            consumer.subscribe(List.of(topic));
            List<Object> values = new ArrayList<>();
            RecordDeserializationException failure = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (failure == null && System.nanoTime() < deadline) {
                try {
                    consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                } catch (RecordDeserializationException e) {
                    failure = e;
                }
            }
            assertThat(failure).isNotNull();
            assertThat(failure.topicPartition()).isEqualTo(new TopicPartition(topic, 0));
            assertThat(failure.offset()).isEqualTo(1L);
            assertThat(failure.origin()).isEqualTo(RecordDeserializationException.DeserializationExceptionOrigin.VALUE);
            assertThat(failure.getCause()).hasMessageContaining("topic '" + topic + "'").hasMessageContaining("unknown magic byte");

            consumer.seek(failure.topicPartition(), failure.offset() + 1);
            while (values.size() < 2 && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
            }
            assertThat(values).hasSize(2);
        }
    }
}
