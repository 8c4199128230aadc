package io.ferry.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.testing.InMemoryRegistryClient;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The serializer and deserializer over an in-memory registry: framing, schema sources, validation, target types. */
class KafkaJsonSchemaSerdeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String ORDER = "{\"type\":\"object\",\"title\":\"Order\",\"properties\":{\"id\":{\"type\":\"integer\"},"
            + "\"item\":{\"type\":\"string\"}},\"required\":[\"id\"]}";

    private InMemoryRegistryClient registry;

    @BeforeEach
    void freshRegistry() {
        registry = new InMemoryRegistryClient();
    }

    /** What the deserializer can read into. */
    public record Order(long id, String item) {
    }

    private KafkaJsonSchemaSerializer<Object> serializer(Object... settings) {
        KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>(registry);
        serializer.configure(config(settings), false);
        return serializer;
    }

    private <T> KafkaJsonSchemaDeserializer<T> deserializer(Object... settings) {
        KafkaJsonSchemaDeserializer<T> deserializer = new KafkaJsonSchemaDeserializer<>(registry);
        deserializer.configure(config(settings), false);
        return deserializer;
    }

    private static Map<String, Object> config(Object... settings) {
        return InMemoryRegistryClient.settings(settings);
    }

    private static JsonNode json(String text) throws Exception {
        return MAPPER.readTree(text);
    }

    static Stream<Arguments> payloadsWithTheirSchema() throws Exception {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 1);
        map.put("item", "apple");
        return Stream.of(
                Arguments.of("a JsonSchemaValue of a JsonNode", JsonSchemaValue.of(ORDER, json("{\"id\":1,\"item\":\"apple\"}"))),
                Arguments.of("a JsonSchemaValue of a Map", JsonSchemaValue.of(ORDER, map)),
                Arguments.of("a JsonSchemaValue of a POJO", JsonSchemaValue.of(ORDER, new Order(1, "apple"))),
                Arguments.of("an envelope JsonNode", JsonSchemaEnvelope.envelope(ORDER, map)),
                Arguments.of("an envelope Map", Map.of("schema", json(ORDER), "payload", map)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloadsWithTheirSchema")
    void shouldWriteMagicByteIdAndUtf8JsonAndRegisterTheSchema(String name, Object value) throws Exception {
        byte[] framed = serializer().serialize("orders", value);

        int id = registry.latestVersion("orders-value").id();
        assertThat(framed[0]).isZero();
        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);
        assertThat(new String(Arrays.copyOfRange(framed, 5, framed.length), StandardCharsets.UTF_8))
                .isEqualTo("{\"id\":1,\"item\":\"apple\"}");
        assertThat(registry.schemaById(id)).isEqualTo(RegistrySchema.json(ORDER));
    }

    @Test
    void shouldReadBackAJsonNodeByDefault() throws Exception {
        byte[] framed = serializer().serialize("orders", JsonSchemaValue.of(ORDER, json("{\"id\":7,\"item\":\"fig ✓\"}")));

        JsonNode read = this.<JsonNode>deserializer().deserialize("orders", framed);

        assertThat(read).isEqualTo(json("{\"id\":7,\"item\":\"fig ✓\"}"));
    }

    @Test
    void shouldReadIntoTheConfiguredValueType() {
        byte[] framed = serializer().serialize("orders", JsonSchemaValue.of(ORDER, new Order(3, "pear")));

        Order read = this.<Order>deserializer("json.value.type", Order.class.getName()).deserialize("orders", framed);

        assertThat(read).isEqualTo(new Order(3, "pear"));
    }

    @Test
    void shouldFailOnUnknownPropertiesUnlessToldNotTo() throws Exception {
        byte[] framed = serializer().serialize("orders", JsonSchemaValue.of(ORDER, json("{\"id\":3,\"item\":\"a\",\"extra\":1}")));

        assertThatThrownBy(() -> this.<Order>deserializer("json.value.type", Order.class).deserialize("orders", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("topic 'orders'")
                .hasMessageContaining("extra");
        Order lenient = this.<Order>deserializer("json.value.type", Order.class, "json.fail.unknown.properties", false)
                .deserialize("orders", framed);
        assertThat(lenient).isEqualTo(new Order(3, "a"));
    }

    static Stream<Arguments> invalidDocuments() {
        return Stream.of(
                Arguments.of("a missing required property", "{\"item\":\"a\"}", "id"),
                Arguments.of("a property of the wrong type", "{\"id\":\"seven\"}", "integer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void shouldRefuseToWriteADocumentThatDoesNotConformWhenValidating(String name, String document, String detail) throws Exception {
        JsonSchemaValue value = JsonSchemaValue.of(ORDER, json(document));

        assertThatThrownBy(() -> serializer("json.fail.invalid.schema", true).serialize("orders", value))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the value of a record in topic 'orders'")
                .hasMessageContaining("does not conform")
                .hasMessageContaining(detail);
        assertThat(serializer().serialize("orders", value)).isNotNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDocuments")
    void shouldRefuseToReadADocumentThatDoesNotConformWhenValidating(String name, String document, String detail) throws Exception {
        byte[] framed = serializer().serialize("orders", JsonSchemaValue.of(ORDER, json(document)));

        assertThatThrownBy(() -> deserializer("json.fail.invalid.schema", true).deserialize("orders", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not conform")
                .hasMessageContaining(detail);
        assertThat(this.<JsonNode>deserializer().deserialize("orders", framed)).isEqualTo(json(document));
    }

    @Test
    void shouldWriteAPlainDocumentWithTheLatestVersionWhenAsked() throws Exception {
        int id = registry.register("orders-value", RegistrySchema.json(ORDER), false);

        byte[] framed = serializer("use.latest.version", true, "auto.register.schemas", false)
                .serialize("orders", json("{\"id\":2}"));

        assertThat(ByteBuffer.wrap(framed, 1, 4).getInt()).isEqualTo(id);
        assertThatThrownBy(() -> serializer("use.latest.version", true, "auto.register.schemas", false, "json.fail.invalid.schema", true)
                .serialize("orders", json("{\"id\":\"x\"}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("does not conform to schema id " + id);
    }

    @Test
    void shouldRefuseAPlainDocumentWithoutAnySchemaToWriteItWith() throws Exception {
        assertThatThrownBy(() -> serializer().serialize("orders", json("{\"id\":2}")))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("carries no JSON Schema")
                .hasMessageContaining("use.latest.version");
    }

    @Test
    void shouldLookUpWithoutRegisteringWhenAutoRegisterIsOff() throws Exception {
        JsonSchemaValue value = JsonSchemaValue.of(ORDER, json("{\"id\":2}"));
        assertThatThrownBy(() -> serializer("auto.register.schemas", false).serialize("orders", value))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("not registered in the subject");
        int id = registry.register("orders-value", RegistrySchema.json(ORDER), false);

        assertThat(ByteBuffer.wrap(serializer("auto.register.schemas", false).serialize("orders", value), 1, 4).getInt()).isEqualTo(id);
    }

    @Test
    void shouldNameSubjectsAfterTheTitleWithRecordNameStrategies() throws Exception {
        serializer("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicRecordNameStrategy")
                .serialize("orders", JsonSchemaValue.of(ORDER, json("{\"id\":2}")));

        assertThat(registry.latestVersion("orders-Order").schema()).isEqualTo(RegistrySchema.json(ORDER));
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("no magic byte", "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "unknown magic byte 0x7b"),
                Arguments.of("an unknown id", new byte[] {0, 0, 0, 0x7f, 0x11, '1'}, "schema id 32529 is not in the registry"),
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
    void shouldRefuseBytesAfterTheHeaderThatAreNotJson() {
        int id = registry.register("t-value", RegistrySchema.json(ORDER), false);
        byte[] framed = ByteBuffer.allocate(8).put((byte) 0).putInt(id).put("{\"i".getBytes(StandardCharsets.UTF_8)).array();

        assertThatThrownBy(() -> deserializer().deserialize("t", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is not JSON");
    }

    @Test
    void shouldRefuseASchemaOfAnotherType() {
        int id = registry.register("t-value", RegistrySchema.avro("\"string\""), false);
        byte[] framed = ByteBuffer.allocate(7).put((byte) 0).putInt(id).put("\"a\"".getBytes(StandardCharsets.UTF_8), 0, 2).array();

        assertThatThrownBy(() -> deserializer().deserialize("t", framed))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void shouldReportASchemaThatCannotValidateAsASerializationException() throws Exception {
        JsonSchemaValue value = JsonSchemaValue.of("{\"$ref\":\"#/definitions/missing\"}", json("{\"id\":1}"));

        assertThatThrownBy(() -> serializer("json.fail.invalid.schema", true).serialize("orders", value))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("Cannot validate against the JSON Schema");
    }

    @Test
    void shouldPassNullThroughAsATombstone() {
        assertThat(serializer().serialize("t", null)).isNull();
        assertThat(deserializer().deserialize("t", null)).isNull();
    }
}
