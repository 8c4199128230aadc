package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.ferry.serde.testing.SerdeEnvironment;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaAndValue;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Connect data → bytes on a real broker, schemas in a real registry → Connect data, for every Connect type. */
class AvroConverterIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    private static AvroConverter converter(boolean isKey, Object... settings) {
        AvroConverter converter = new AvroConverter();
        converter.configure(ENV.serdeConfig(settings), isKey);
        return converter;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.ConnectCases#all")
    void shouldRoundTripEveryConnectTypeThroughBrokerAndRegistry(String name, Schema schema, Object value) throws Exception {
        String topic = ENV.kafka().uniqueTopicName("connect");
        byte[] bytes = converter(false).fromConnectData(topic, schema, value);

        SchemaAndValue back = converter(false).toConnectData(topic, ENV.throughKafka(topic, bytes));

        assertThat(ConnectSchemas.describe(back.schema())).isEqualTo(ConnectSchemas.describe(schema));
        assertThat(back.schema()).isEqualTo(schema);
        assertThat(back.value()).isEqualTo(value);
    }

    @Test
    void shouldConvertKeysUnderTheKeySubject() {
        String topic = ENV.kafka().uniqueTopicName("keys");
        Schema keySchema = SchemaBuilder.struct().name("Key").version(1).field("id", Schema.INT64_SCHEMA).build();
        Struct key = new Struct(keySchema).put("id", 5L);

        byte[] bytes = converter(true).fromConnectData(topic, keySchema, key);

        assertThat(converter(true).toConnectData(topic, bytes).value()).isEqualTo(key);
        assertThat(new io.ferry.serde.client.RestRegistryClient(io.ferry.serde.client.RegistryClientConfig.forUrl(ENV.registryUrl()))
                .latestVersion(topic + "-key").version()).isEqualTo(1);
    }

    @Test
    void shouldGiveTheRegistryVersionToSchemasWithoutOne() {
        String topic = ENV.kafka().uniqueTopicName("versions");
        Schema v1 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA)
                .field("name", SchemaBuilder.string().defaultValue("").build()).build();
        AvroConverter converter = converter(false);
        byte[] first = converter.fromConnectData(topic, v1, new Struct(v1).put("id", 1L));
        byte[] second = converter.fromConnectData(topic, v2, new Struct(v2).put("id", 2L).put("name", "two"));

        assertThat(converter.toConnectData(topic, first).schema().version()).isEqualTo(1);
        assertThat(converter.toConnectData(topic, second).schema().version()).isEqualTo(2);
    }

    @Test
    void shouldWriteTombstonesAsNull() {
        assertThat(converter(false).fromConnectData("t", null, null)).isNull();
        assertThat(converter(false).fromConnectData("t", Schema.OPTIONAL_STRING_SCHEMA, null)).isNull();
        assertThat(converter(false).toConnectData("t", null)).isEqualTo(SchemaAndValue.NULL);
    }

    @Test
    void shouldThrowDataExceptionsNamingTheTopicForBadBytes() {
        assertThatThrownBy(() -> converter(false).toConnectData("payments", "{\"json\": true}".getBytes()))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("unknown magic byte 0x7b")
                .hasMessageContaining("partition and offset are reported by the runtime");
        assertThatThrownBy(() -> converter(false).toConnectData("payments", new byte[] {0, 0, 1, 0, 0, 2}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("schema id 65536 is not in the registry");
    }

    @Test
    void shouldThrowDataExceptionsForValuesThatDoNotFitTheirSchema() {
        Schema schema = SchemaBuilder.struct().name("S").field("n", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> converter(false).fromConnectData("orders", schema, new Struct(schema)))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic orders");
    }

    @Test
    void shouldRefuseAnIncompatibleSchemaAsADataException() {
        String topic = ENV.kafka().uniqueTopicName("strict");
        Schema v1 = SchemaBuilder.struct().name("P").field("id", Schema.INT64_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("P").field("id", Schema.STRING_SCHEMA).build();
        converter(false).fromConnectData(topic, v1, new Struct(v1).put("id", 1L));

        assertThatThrownBy(() -> converter(false).fromConnectData(topic, v2, new Struct(v2).put("id", "1")))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic " + topic)
                .hasMessageContaining("incompatible")
                .hasMessageContaining("error code 409");
    }

    @Test
    void shouldThrowRetriableExceptionsWhenTheRegistryCannotBeReached() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        AvroConverter converter = new AvroConverter();
        converter.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort, "max.retries", 0), false);

        assertThatThrownBy(() -> converter.fromConnectData("orders", Schema.STRING_SCHEMA, "x"))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("topic orders")
                .hasMessageContaining("cannot reach the registry");
    }
}
