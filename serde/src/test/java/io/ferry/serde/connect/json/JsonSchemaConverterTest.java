package io.ferry.serde.connect.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

import io.ferry.serde.client.RegistrySchema;
import io.ferry.serde.connect.ConnectSchemas;
import io.ferry.serde.testing.InMemoryRegistryClient;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The converter over an in-memory registry: every Connect type both ways, versions, tombstones, errors. */
class JsonSchemaConverterTest {
    private InMemoryRegistryClient registry;

    @BeforeEach
    void freshRegistry() {
        registry = new InMemoryRegistryClient();
    }

    private JsonSchemaConverter converter(boolean isKey, Object... settings) {
        JsonSchemaConverter converter = new JsonSchemaConverter(registry);
        converter.configure(InMemoryRegistryClient.settings(settings), isKey);
        return converter;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldRoundTripEveryConnectType(String name, Schema schema, Object value) {
        byte[] bytes = converter(false).fromConnectData("t", schema, value);

        SchemaAndValue back = converter(false).toConnectData("t", bytes);

        assertThat(ConnectSchemas.describe(back.schema())).isEqualTo(ConnectSchemas.describe(schema));
        assertThat(converter(false).fromConnectData("t", back.schema(), back.value())).isEqualTo(bytes);
    }

    @Test
    void shouldRegisterTheJsonSchemaAndWriteUtf8JsonAfterTheHeader() {
        Schema schema = SchemaBuilder.struct().name("Key").field("id", Schema.INT64_SCHEMA).build();

        byte[] bytes = converter(true).fromConnectData("orders", schema, new Struct(schema).put("id", 5L));

        RegistrySchema registered = registry.latestVersion("orders-key").schema();
        assertThat(registered.schemaType()).isEqualTo("JSON");
        assertThat(registered.schema()).isEqualTo("{\"type\":\"object\",\"title\":\"Key\",\"properties\":{\"id\":"
                + "{\"type\":\"integer\",\"connect.index\":0,\"connect.type\":\"int64\"}}}");
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(registry.latestVersion("orders-key").id());
        assertThat(new String(Arrays.copyOfRange(bytes, 5, bytes.length), StandardCharsets.UTF_8)).isEqualTo("{\"id\":5}");
    }

    @Test
    void shouldGiveTheRegistryVersionToSchemasWithoutOne() {
        Schema v1 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA)
                .field("name", SchemaBuilder.string().defaultValue("").build()).build();
        JsonSchemaConverter converter = converter(false);
        byte[] first = converter.fromConnectData("items", v1, new Struct(v1).put("id", 1L));
        byte[] second = converter.fromConnectData("items", v2, new Struct(v2).put("id", 2L).put("name", "two"));

        assertThat(converter.toConnectData("items", first).schema().version()).isEqualTo(1);
        assertThat(converter.toConnectData("items", second).schema().version()).isEqualTo(2);
        assertThat(((Struct) converter.toConnectData("items", second).value()).getString("name")).isEqualTo("two");
    }

    @Test
    void shouldWriteTombstonesAsNull() {
        assertThat(converter(false).fromConnectData("t", null, null)).isNull();
        assertThat(converter(false).fromConnectData("t", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
        assertThat(converter(false).toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void shouldRefuseSchemalessData() {
        assertThatThrownBy(() -> converter(false).fromConnectData("t", null, Map.of("a", 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("JsonConverter");
    }

    @Test
    void shouldThrowDataExceptionsNamingTheTopicForBadBytes() {
        assertThatThrownBy(() -> converter(false).toConnectData("payments", "{\"json\": true}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("unknown magic byte 0x7b");
        assertThatThrownBy(() -> converter(false).toConnectData("payments", new byte[] {0, 0, 1, 0, 0, '1'}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("schema id 65536 is not in the registry");
    }

    @Test
    void shouldValidateAgainstTheSchemaWhenAsked() {
        int id = registry.register("t-value", RegistrySchema.json("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\","
                + "\"connect.type\":\"int32\",\"maximum\":10}}}"), false);
        byte[] tooBig = ByteBuffer.allocate(13).put((byte) 0).putInt(id).put("{\"n\":11}".getBytes(StandardCharsets.UTF_8)).array();

        assertThat(((Struct) converter(false).toConnectData("t", tooBig).value()).getInt32("n")).isEqualTo(11);
        assertThatThrownBy(() -> converter(false, "json.fail.invalid.schema", true).toConnectData("t", tooBig))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("does not conform");
    }

    @Test
    void shouldOfferItsSettingsToTheRuntime() {
        assertThat(new JsonSchemaConverter().config().names()).contains("schema.registry.url", "auto.register.schemas",
                "use.latest.version", "json.fail.invalid.schema", "object.additional.properties", "use.optional.for.nonrequired",
                "decimal.format", "replace.null.with.default", "schemas.cache.size", "value.subject.name.strategy");
    }
}
