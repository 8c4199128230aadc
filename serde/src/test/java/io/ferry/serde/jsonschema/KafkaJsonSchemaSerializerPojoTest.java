package io.ferry.serde.jsonschema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.testing.InMemoryRegistryClient;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The serializer with Java objects: the schema derived from their class is registered, and honours the settings. */
class KafkaJsonSchemaSerializerPojoTest {
    private InMemoryRegistryClient registry;

    @BeforeEach
    void freshRegistry() {
        registry = new InMemoryRegistryClient();
    }

    /** An application's order, with an optional note and line items. */
    public record Order(long id, String note, List<Line> lines, Date placed) {
    }

    /** A line item. */
    public record Line(String sku, int quantity) {
    }

    @Schema("{\"type\":\"object\",\"title\":\"Explicit\",\"properties\":{\"id\":{\"type\":\"integer\"}}}")
    public record Explicit(long id) {
    }

    private static final Order ORDER = new Order(7, null, List.of(new Line("apple", 2)), new Date(0));

    private KafkaJsonSchemaSerializer<Object> serializer(Object... settings) {
        KafkaJsonSchemaSerializer<Object> serializer = new KafkaJsonSchemaSerializer<>(registry);
        serializer.configure(InMemoryRegistryClient.settings(settings), false);
        return serializer;
    }

    private static String document(byte[] framed) {
        return new String(Arrays.copyOfRange(framed, 5, framed.length), StandardCharsets.UTF_8);
    }

    private static int schemaId(byte[] framed) {
        return ByteBuffer.wrap(framed, 1, 4).getInt();
    }

    @Test
    void shouldRegisterTheSchemaDerivedFromTheClassAndWriteTheObject() throws Exception {
        byte[] framed = serializer().serialize("orders", ORDER);

        ParsedJsonSchema derived = new PojoSchemaGenerator(PojoSchemaOptions.defaults()).schemaOf(Order.class);
        assertThat(registry.schemaById(schemaId(framed))).isEqualTo(RegistrySchema.json(derived.text()));
        assertThat(derived.text()).startsWith("{\"$schema\":\"http://json-schema.org/draft-07/schema#\",\"title\":\"Order\"");
        assertThat(document(framed)).isEqualTo("{\"id\":7,\"note\":null,\"lines\":[{\"sku\":\"apple\",\"quantity\":2}],\"placed\":0}");
    }

    static Stream<Arguments> writingSettings() {
        return Stream.of(
                Arguments.of("dates as epoch milliseconds by default", new Object[] {}, "\"placed\":0"),
                Arguments.of("dates as ISO 8601 strings when asked", new Object[] {"json.write.dates.iso8601", true},
                        "\"placed\":\"1970-01-01T00:00:00.000+00:00\""),
                Arguments.of("nulls left out with NON_NULL inclusion", new Object[] {"json.default.property.inclusion", "non_null"},
                        "{\"id\":7,\"lines\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writingSettings")
    void shouldWriteObjectsAsTheSettingsSayAndValidAgainstTheirSchema(String name, Object[] settings, String written) {
        Object[] validating = Stream.concat(Arrays.stream(settings), Stream.of("json.fail.invalid.schema", true)).toArray();

        assertThat(document(serializer(validating).serialize("orders", ORDER))).contains(written);
    }

    static Stream<Arguments> schemaSettings() {
        return Stream.of(
                Arguments.of(new Object[] {"json.schema.spec.version", "draft_2019_09"}, "\"$schema\":\"https://json-schema.org/draft/2019-09/schema\"", true),
                Arguments.of(new Object[] {"json.oneof.for.nullables", false}, "\"note\":{\"type\":\"string\"}", true),
                Arguments.of(new Object[] {"json.fail.unknown.properties", false}, "\"additionalProperties\":false", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemaSettings")
    void shouldDeriveTheSchemaAsTheSettingsSay(Object[] settings, String part, boolean present) throws Exception {
        String registered = registry.schemaById(schemaId(serializer(settings).serialize("orders", ORDER))).schema();

        assertThat(registered.contains(part)).as(registered).isEqualTo(present);
    }

    @Test
    void shouldRegisterTheSchemaOfTheAnnotation() throws Exception {
        byte[] framed = serializer().serialize("orders", new Explicit(3));

        assertThat(registry.schemaById(schemaId(framed)).schema())
                .isEqualTo("{\"type\":\"object\",\"title\":\"Explicit\",\"properties\":{\"id\":{\"type\":\"integer\"}}}");
    }

    @Test
    void shouldWriteWithTheLatestVersionInsteadOfTheDerivedSchemaWhenNotRegistering() throws Exception {
        int id = registry.register("orders-value", RegistrySchema.json("{\"type\":\"object\"}"), false);

        byte[] framed = serializer("auto.register.schemas", false, "use.latest.version", true).serialize("orders", ORDER);

        assertThat(schemaId(framed)).isEqualTo(id);
    }

    @Test
    void shouldReadBackTheObjectWithTheValueType() {
        byte[] framed = serializer().serialize("orders", ORDER);
        KafkaJsonSchemaDeserializer<Order> deserializer = new KafkaJsonSchemaDeserializer<>(registry);
        deserializer.configure(InMemoryRegistryClient.settings("json.value.type", Order.class.getName()), false);

        assertThat(deserializer.deserialize("orders", framed)).isEqualTo(ORDER);
    }

    @Test
    void shouldRefuseAnUnknownSpecVersion() {
        assertThatThrownBy(() -> serializer("json.schema.spec.version", "draft_3"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("json.schema.spec.version");
    }

    @Test
    void shouldRefuseAnUnknownPropertyInclusion() {
        assertThatThrownBy(() -> serializer("json.default.property.inclusion", "sometimes"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("NON_NULL");
    }
}
