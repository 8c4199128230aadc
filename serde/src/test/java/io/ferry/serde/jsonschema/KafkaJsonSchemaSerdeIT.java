package io.ferry.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.client.CachingRegistryClient;
import io.ferry.serde.client.RegistryClient;
import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JSON Schema serializer and deserializer against a real broker and a real registry over HTTP. */
class KafkaJsonSchemaSerdeIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String ORDER_V1 = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{\"id\":{\"type\":\"integer\"},"
            + "\"item\":{\"type\":\"string\"}},\"required\":[\"id\",\"item\"],\"additionalProperties\":false}";
    /** v1 plus an optional property: backward compatible because v1 is closed (a v2 reader reads v1 documents). */
    private static final String ORDER_V2 = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{\"id\":{\"type\":\"integer\"},"
            + "\"item\":{\"type\":\"string\"},\"note\":{\"type\":\"string\"}},\"required\":[\"id\",\"item\"],\"additionalProperties\":false}";
    /** id as a string: incompatible with v1. */
    private static final String ORDER_INCOMPATIBLE = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{\"id\":{\"type\":\"string\"},"
            + "\"item\":{\"type\":\"string\"}},\"required\":[\"id\",\"item\"]}";

    /** An order as an application holds it. */
    public record Order(long id, String item, String note) {
    }

    private static RegistryClient client;

    @BeforeAll
    static void connect() {
        client = CachingRegistryClient.create(RegistryClientConfig.forUrl(ENV.registryUrl()));
    }

    @AfterAll
    static void disconnect() {
        client.close();
    }

    private static KafkaJsonSchemaSerializer<Object> serializer(Object... settings) {
        KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>();
        serializer.configure(ENV.serdeConfig(settings), false);
        return serializer;
    }

    private static <T> KafkaJsonSchemaDeserializer<T> deserializer(Object... settings) {
        KafkaJsonSchemaDeserializer<T> deserializer = new KafkaJsonSchemaDeserializer<>();
        deserializer.configure(ENV.serdeConfig(settings), false);
        return deserializer;
    }

    private static void produce(String topic, KafkaJsonSchemaSerializer<Object> serializer, Object... values) throws Exception {
        try (KafkaProducer<String, Object> producer = ENV.kafka().producer(new StringSerializer(), serializer, Map.of())) {
            for (Object value : values) {
                producer.send(new ProducerRecord<>(topic, "k", value)).get();
            }
        }
    }

    private static <T> List<T> consume(String topic, int count, KafkaJsonSchemaDeserializer<T> deserializer) {
        try (KafkaConsumer<String, T> consumer = ENV.kafka().consumer(new StringDeserializer(), deserializer,
                Map.of(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.GROUP_ID_CONFIG, topic + "-" + System.nanoTime()))) {
            consumer.subscribe(List.of(topic));
            List<T> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }

    @Test
    void shouldRoundTripDocumentsThroughBrokerAndRegistry() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-orders");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), JsonSchemaValue.of(ORDER_V1, Map.of("id", 1, "item", "apple")),
                JsonSchemaEnvelope.envelope(ORDER_V1, MAPPER.readTree("{\"id\":2,\"item\":\"pear ✓\"}")));

        List<JsonNode> read = consume(topic, 2, deserializer());

        assertThat(read).containsExactly(MAPPER.readTree("{\"id\":1,\"item\":\"apple\"}"), MAPPER.readTree("{\"id\":2,\"item\":\"pear ✓\"}"));
        int id = client.latestVersion(topic + "-value").id();
        assertThat(client.schemaById(id)).isEqualTo(RegistrySchema.json(ORDER_V1));
    }

    @Test
    void shouldLetReadersOfEitherVersionReadDocumentsOfBoth() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-evolving");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), JsonSchemaValue.of(ORDER_V1, Map.of("id", 1, "item", "apple")));
        produce(topic, serializer(), JsonSchemaValue.of(ORDER_V2, new Order(2, "pear", "rush")));

        List<Order> asObjects = consume(topic, 2, deserializer("json.value.type", Order.class.getName()));
        List<JsonNode> validated = consume(topic, 2, deserializer("json.fail.invalid.schema", true));

        assertThat(asObjects).containsExactly(new Order(1, "apple", null), new Order(2, "pear", "rush"));
        assertThat(validated).hasSize(2);
        assertThat(client.latestVersion(topic + "-value").version()).isEqualTo(2);
    }

    @Test
    void shouldWritePlainDocumentsWithTheLatestVersion() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-latest");
        ENV.kafka().createTopic(topic, 1);
        int id = client.register(topic + "-value", RegistrySchema.json(ORDER_V1), false);
        KafkaJsonSchemaSerializer<Object> latest = serializer("use.latest.version", true, "auto.register.schemas", false,
                "json.fail.invalid.schema", true);

        produce(topic, latest, Map.of("id", 5, "item", "fig"));

        assertThat(consume(topic, 1, deserializer())).containsExactly(MAPPER.readTree("{\"id\":5,\"item\":\"fig\"}"));
        byte[] framed = latest.serialize(topic, Map.of("id", 6, "item", "kiwi"));
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);
        assertThatThrownBy(() -> latest.serialize(topic, Map.of("id", "six")))
                .hasMessageContaining("does not conform to schema id " + id);
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaWithTheRegistrys409() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-guarded");
        serializer().serialize(topic, JsonSchemaValue.of(ORDER_V1, Map.of("id", 1, "item", "a")));

        assertThatThrownBy(() -> serializer().serialize(topic, JsonSchemaValue.of(ORDER_INCOMPATIBLE, Map.of("id", "1", "item", "a"))))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("subject '" + topic + "-value'")
                .hasMessageContaining("HTTP 409");
    }

    /** The first release of an application's shipment class. */
    static final class V1 {
        public record Shipment(long id, String carrier) {
        }
    }

    /** The next release: an optional property added. */
    static final class V2 {
        public record Shipment(long id, String carrier, String note) {
        }
    }

    /** A release that adds a primitive, hence required, property. */
    static final class V3 {
        public record Shipment(long id, String carrier, String note, int priority) {
        }
    }

    @Test
    void shouldRegisterThePojosDerivedSchemaAndReadThePojoBack() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-pojo");
        ENV.kafka().createTopic(topic, 1);

        produce(topic, serializer(), new V1.Shipment(1, "ferry"), new V1.Shipment(2, null));

        assertThat(consume(topic, 2, deserializer("json.value.type", V1.Shipment.class.getName())))
                .containsExactly(new V1.Shipment(1, "ferry"), new V1.Shipment(2, null));
        String registered = client.latestVersion(topic + "-value").schema().schema();
        assertThat(MAPPER.readTree(registered)).isEqualTo(MAPPER.readTree("{\"$schema\":\"http://json-schema.org/draft-07/schema#\","
                + "\"title\":\"Shipment\",\"type\":\"object\",\"additionalProperties\":false,\"properties\":{\"id\":{\"type\":\"integer\"},"
                + "\"carrier\":{\"oneOf\":[{\"type\":\"null\",\"title\":\"Not included\"},{\"type\":\"string\"}]}},\"required\":[\"id\"]}"));
    }

    @Test
    void shouldRegisterAnEvolvedPojoWithAnOptionalPropertyAsVersion2UnderBackward() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-pojo-evolving");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer(), new V1.Shipment(1, "ferry"));

        // v1 is closed, so no v1 document has a "note": a v2 reader reads them all.
        produce(topic, serializer(), new V2.Shipment(2, "barge", "fragile"));

        assertThat(client.latestVersion(topic + "-value").version()).isEqualTo(2);
        assertThat(consume(topic, 2, deserializer("json.value.type", V2.Shipment.class.getName(), "json.fail.invalid.schema", true)))
                .containsExactly(new V2.Shipment(1, "ferry", null), new V2.Shipment(2, "barge", "fragile"));
        assertThatThrownBy(() -> serializer().serialize(topic, new V3.Shipment(3, "raft", null, 1)))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void shouldRefuseAnAddedPropertyUnderBackwardWhenTheDerivedSchemaIsOpen() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-pojo-open");
        serializer("json.fail.unknown.properties", false).serialize(topic, new V1.Shipment(1, "ferry"));

        // An open v1 allows documents with any "note", which a v2 reader might not read.
        assertThatThrownBy(() -> serializer("json.fail.unknown.properties", false).serialize(topic, new V2.Shipment(2, "barge", "x")))
                .isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageContaining("HTTP 409");
    }

    @Test
    void shouldRegisterAndRoundTripAPojoWithJavaTimeProperties() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("json-pojo-time");
        ENV.kafka().createTopic(topic, 1);
        produce(topic, serializer("json.fail.invalid.schema", true), KafkaJsonSchemaSerdeJavaTimeTest.APPOINTMENT);

        assertThat(consume(topic, 1, deserializer("json.value.type", KafkaJsonSchemaSerdeJavaTimeTest.Appointment.class.getName(),
                "json.fail.invalid.schema", true))).containsExactly(KafkaJsonSchemaSerdeJavaTimeTest.APPOINTMENT);
        JsonNode registered = MAPPER.readTree(client.latestVersion(topic + "-value").schema().schema());
        assertThat(registered.at("/properties/created/oneOf/1")).isEqualTo(MAPPER.readTree("{\"type\":\"string\",\"format\":\"date-time\"}"));
        assertThat(registered.at("/properties/day/oneOf/1")).isEqualTo(MAPPER.readTree("{\"type\":\"string\",\"format\":\"date\"}"));
    }
}
