package io.ferry.serde.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.stream.Stream;

import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.wire.InvalidWireFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The one mapping of registry failures every format's serializer and deserializer throws. */
class RegistryFailuresTest {

    static Stream<Arguments> readFailures() {
        return Stream.of(
                Arguments.of(new RegistryClientException(404, 40403, "Schema not found", "GET /schemas/ids/7"), false,
                        "Cannot deserialize the value of a record in topic 'orders': schema id 7 is not in the registry"),
                Arguments.of(new RegistryClientException(500, 50001, "Store error", "GET /schemas/ids/7"), true,
                        "Cannot deserialize the value of a record in topic 'orders': fetching schema id 7 failed"),
                Arguments.of(new RegistryClientException("no registry answered", new IOException("refused")), true,
                        "Cannot deserialize the value of a record in topic 'orders': fetching schema id 7 failed"),
                Arguments.of(new RegistryClientException(401, 401, "Unauthorized", "GET /schemas/ids/7"), false,
                        "Cannot deserialize the value of a record in topic 'orders': fetching schema id 7 failed"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("readFailures")
    void shouldSayWhetherTheIdIsUnknownOrTheFetchFailed(RegistryClientException cause, boolean retriable, String message) {
        SchemaRegistryException e = RegistryFailures.readingSchema("orders", false, 7, cause);

        assertThat(e).isNotInstanceOf(IncompatibleSchemaException.class).hasMessageStartingWith(message);
        assertThat(e.registryError()).isSameAs(cause);
        assertThat(e.isRetriable()).isEqualTo(retriable);
    }

    static Stream<Arguments> writeSteps() {
        return Stream.of(
                Arguments.of(new WriteSchemaChoice(true, 5, true), "registering its schema failed"),
                Arguments.of(new WriteSchemaChoice(false, 5, true), "fetching schema 5 failed"),
                Arguments.of(new WriteSchemaChoice(false, -1, true), "fetching the subject's latest version failed"),
                Arguments.of(new WriteSchemaChoice(false, -1, false),
                        "its schema is not registered in the subject (auto.register.schemas=false)"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("writeSteps")
    void shouldNameTheStepThatFailedWhenWriting(WriteSchemaChoice choice, String step) {
        RegistryClientException cause = new RegistryClientException(404, 40401, "Subject not found", "POST /subjects/orders-value");

        SchemaRegistryException e = RegistryFailures.writingSchema(
                RegistryFailures.describe("orders", false, "orders-value"), choice, cause);

        assertThat(e).isNotInstanceOf(IncompatibleSchemaException.class)
                .hasMessageStartingWith("Cannot serialize the value of a record in topic 'orders' (subject 'orders-value'): " + step);
    }

    @ParameterizedTest(name = "error code {0}")
    @MethodSource("incompatibleCodes")
    void shouldReportAnIncompatibleSchemaWhateverTheStep(int errorCode) {
        RegistryClientException cause = new RegistryClientException(409, errorCode, "Schema being registered is incompatible",
                "POST /subjects/orders-key/versions");

        SchemaRegistryException e = RegistryFailures.writingSchema(RegistryFailures.describe("orders", true, null),
                new WriteSchemaChoice(true, -1, false), cause);

        assertThat(e).isInstanceOf(IncompatibleSchemaException.class)
                .hasMessageStartingWith("Cannot serialize the key of a record in topic 'orders': the registry refused its schema");
        assertThat(e.isRetriable()).isFalse();
    }

    static Stream<Integer> incompatibleCodes() {
        return Stream.of(409, 40901);
    }

    @Test
    void shouldNameTheRecordWhenBytesAreNotFramed() {
        assertThatThrownBy(() -> FramedHeaders.read("orders", true, new byte[] {1, 0, 0, 0, 1}))
                .isInstanceOf(InvalidWireFormatException.class)
                .hasMessageStartingWith("Cannot deserialize the key of a record in topic 'orders': ");
    }

    @Test
    void shouldReadTheIdOfFramedBytes() {
        assertThat(FramedHeaders.read("orders", false, new byte[] {0, 0, 0, 1, 2, 42}).schemaId()).isEqualTo(258);
    }
}
