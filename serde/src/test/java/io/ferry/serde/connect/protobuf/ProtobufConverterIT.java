package io.ferry.serde.connect.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RestRegistryClient;
import io.ferry.serde.connect.ConnectSchemas;
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

/** Connect data → Protobuf bytes on a real broker, schemas in a real registry → Connect data. */
class ProtobufConverterIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    private static ProtobufConverter converter(boolean isKey, Object... settings) {
        ProtobufConverter converter = new ProtobufConverter();
        converter.configure(ENV.serdeConfig(settings), isKey);
        return converter;
    }

    /** The cases whose Connect schema survives without {@code confluent.field_meta} (see the disabled test below). */
    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> withoutFieldMeta() {
        return ProtobufConnectCases.values().filter(arguments -> arguments.get()[1] != ProtobufConnectCases.PRIMITIVES
                && arguments.get()[1] != ProtobufConnectCases.LOGICAL);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withoutFieldMeta")
    void shouldRoundTripConnectDataThroughBrokerAndRegistry(String name, Schema schema, Struct value) throws Exception {
        String topic = ENV.kafka().uniqueTopicName("connect-proto");
        byte[] bytes = converter(false).fromConnectData(topic, schema, value);

        SchemaAndValue back = converter(false).toConnectData(topic, ENV.throughKafka(topic, bytes));

        assertThat(back.schema().version()).isEqualTo(1);
        assertThat(ProtobufConnectCases.plain(back.value())).isEqualTo(ProtobufConnectCases.plain(value));
        assertThat(ConnectSchemas.describe(back.schema()))
                .isEqualTo(ConnectSchemas.describe(new ProtobufData(ProtobufDataOptions.defaults())
                        .toConnectSchema(new ProtobufData(ProtobufDataOptions.defaults()).fromConnectSchema(schema), 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.protobuf.ProtobufConnectCases#values")
    void shouldKeepInt8Int16AndDecimalScaleThroughTheRegistry(String name, Schema schema, Struct value) throws Exception {
        shouldRoundTripConnectDataThroughBrokerAndRegistry(name, schema, value);
    }

    @Test
    void shouldConvertKeysUnderTheKeySubject() {
        String topic = ENV.kafka().uniqueTopicName("proto-keys");
        Schema keySchema = SchemaBuilder.struct().name("Key").field("id", Schema.INT64_SCHEMA).build();

        byte[] bytes = converter(true).fromConnectData(topic, keySchema, new Struct(keySchema).put("id", 5L));

        assertThat(((Struct) converter(true).toConnectData(topic, bytes).value()).get("id")).isEqualTo(5L);
        try (var client = new RestRegistryClient(RegistryClientConfig.forUrl(ENV.registryUrl()))) {
            var latest = client.latestVersion(topic + "-key");
            assertThat(latest.schema().schemaType()).isEqualTo("PROTOBUF");
            assertThat(latest.schema().schema()).contains("message Key");
        }
    }

    @Test
    void shouldGiveTheRegistryVersionToEachSchema() {
        String topic = ENV.kafka().uniqueTopicName("proto-versions");
        Schema v1 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA).build();
        Schema v2 = SchemaBuilder.struct().name("com.acme.Item").field("id", Schema.INT64_SCHEMA)
                .field("name", Schema.STRING_SCHEMA).build();
        ProtobufConverter converter = converter(false);
        byte[] first = converter.fromConnectData(topic, v1, new Struct(v1).put("id", 1L));
        // The test is about versions: no compatibility check between them (the registry has no Protobuf checker yet).
        setCompatibility(topic + "-value", "NONE");
        byte[] second = converter.fromConnectData(topic, v2, new Struct(v2).put("id", 2L).put("name", "two"));

        assertThat(converter.toConnectData(topic, first).schema().version()).isEqualTo(1);
        assertThat(converter.toConnectData(topic, second).schema().version()).isEqualTo(2);
    }

    private static void setCompatibility(String subject, String level) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(ENV.registryUrl() + "/config/" + subject))
                    .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"compatibility\":\"" + level + "\"}")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldThrowDataExceptionsNamingTheTopicForBadBytes() {
        assertThatThrownBy(() -> converter(false).toConnectData("payments", new byte[] {0, 0, 1, 0, 0, 0}))
                .isInstanceOf(DataException.class)
                .hasMessageContaining("topic payments")
                .hasMessageContaining("schema id 65536 is not in the registry");
    }

    @Test
    void shouldThrowRetriableExceptionsWhenTheRegistryCannotBeReached() throws Exception {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ProtobufConverter converter = new ProtobufConverter();
        converter.configure(Map.of("schema.registry.url", "http://127.0.0.1:" + closedPort, "max.retries", 0), false);

        assertThatThrownBy(() -> converter.fromConnectData("orders", ProtobufConnectCases.ADDRESS,
                new Struct(ProtobufConnectCases.ADDRESS).put("street", "x")))
                .isInstanceOf(RetriableException.class)
                .hasMessageContaining("topic orders")
                .hasMessageContaining("cannot reach the registry");
    }
}
