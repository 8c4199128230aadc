package io.ferry.serde.connect.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.ferry.serde.testing.InMemoryRegistryClient;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The converter against a registry in memory: subjects, versions, nulls and errors. */
class ProtobufConverterTest {
    private final InMemoryRegistryClient registry = new InMemoryRegistryClient();

    private ProtobufConverter converter(boolean isKey, Object... settings) {
        ProtobufConverter converter = new ProtobufConverter(registry);
        converter.configure(InMemoryRegistryClient.settings(settings), isKey);
        return converter;
    }

    private void learn(Schema schema) {
        registry.learn(new ProtobufData(ProtobufDataOptions.defaults()).fromConnectSchema(schema).getFile());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.protobuf.ProtobufConnectCases#values")
    void shouldRoundTripConnectDataUnderTheTopicSubjectWithItsVersion(String name, Schema schema, Struct value) {
        learn(schema);
        byte[] bytes = converter(false).fromConnectData("orders", schema, value);

        SchemaAndValue back = converter(false).toConnectData("orders", bytes);

        // Imports of confluent/* and google/type/* files are registered as references first: not every registry builds them in.
        assertThat(registry.subjects()).endsWith("orders-value")
                .allMatch(subject -> subject.equals("orders-value") || subject.startsWith("confluent/") || subject.startsWith("google/type/"));
        assertThat(back.schema().version()).isEqualTo(1);
        assertThat(back.schema().name()).isEqualTo(schema.name().substring(schema.name().lastIndexOf('.') + 1));
        assertThat(ProtobufConnectCases.plain(back.value())).isEqualTo(ProtobufConnectCases.plain(value));
    }

    @Test
    void shouldConvertKeysUnderTheKeySubject() {
        Schema key = SchemaBuilder.struct().name("Key").field("id", Schema.INT64_SCHEMA).build();
        learn(key);

        byte[] bytes = converter(true).fromConnectData("orders", key, new Struct(key).put("id", 5L));

        assertThat(registry.subjects()).containsExactly("orders-key");
        assertThat(((Struct) converter(true).toConnectData("orders", bytes).value()).get("id")).isEqualTo(5L);
    }

    @Test
    void shouldPassTombstonesThrough() {
        assertThat(converter(false).fromConnectData("t", null, null)).isNull();
        assertThat(converter(false).fromConnectData("t", ProtobufConnectCases.ADDRESS, null)).isNull();
        assertThat(converter(false).toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void shouldThrowDataExceptionsNamingTheTopic() {
        assertThatThrownBy(() -> converter(false).toConnectData("payments", "{}".getBytes()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("unknown magic byte 0x7b");
        assertThatThrownBy(() -> converter(false).fromConnectData("payments", Schema.STRING_SCHEMA, "x"))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("struct at the top level");
        assertThatThrownBy(() -> converter(false).fromConnectData("payments", null, Map.of("a", 1)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("schemaless");
    }

    @Test
    void shouldOfferConfluentsSettings() {
        assertThat(new ProtobufConverter().config().names()).contains("schema.registry.url", "auto.register.schemas",
                "use.latest.version", "reference.subject.name.strategy", "skip.known.types", "enhanced.protobuf.schema.support",
                "wrapper.for.nullables", "int.for.enums", "optional.for.nullables", "generate.struct.for.nulls",
                "generate.index.for.unions", "scrub.invalid.names");
    }
}
