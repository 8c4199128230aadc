package io.ferry.serde.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import io.ferry.serde.client.RegistryClientException;
import io.ferry.serde.registry.IncompatibleSchemaException;
import io.ferry.serde.registry.SchemaRegistryException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.junit.jupiter.api.Test;

/** Every format's converter leaves retries to the runtime for an unreachable registry, and tolerance for bad data. */
class ConverterFailuresTest {
    private static final SchemaRegistryException UNREACHABLE = new SchemaRegistryException("Cannot serialize x",
            new RegistryClientException("no registry answered", new IOException("refused")));
    private static final SchemaRegistryException INCOMPATIBLE = new IncompatibleSchemaException("Cannot serialize x",
            new RegistryClientException(409, 409, "incompatible", "POST /subjects/t-value/versions"));

    @Test
    void shouldLetTheRuntimeRetryWhenTheRegistryIsUnreachable() {
        assertThat(ConverterFailures.serializing("JSON", "orders", false, UNREACHABLE))
                .isInstanceOf(RetriableException.class).hasCause(UNREACHABLE)
                .hasMessageStartingWith("Failed to serialize JSON data for topic orders: ");
        assertThat(ConverterFailures.deserializing("Protobuf", "orders", false, UNREACHABLE))
                .isInstanceOf(RetriableException.class).hasCause(UNREACHABLE)
                .hasMessageStartingWith("Failed to deserialize data for topic orders to Protobuf: ");
    }

    @Test
    void shouldFailTheRecordWhenTheRegistryRefuses() {
        assertThat(ConverterFailures.serializing("Avro", "orders", true, INCOMPATIBLE))
                .isExactlyInstanceOf(DataException.class).hasCause(INCOMPATIBLE);
    }

    @Test
    void shouldNameTheSideOfTheRecordForBadData() {
        SerializationException bad = new SerializationException("truncated");

        assertThat(ConverterFailures.deserializing("Avro", "orders", true, bad))
                .isExactlyInstanceOf(DataException.class).hasCause(bad)
                .hasMessage("Failed to deserialize the key of a record in topic orders to Avro "
                        + "(partition and offset are reported by the runtime): truncated");
        assertThat(ConverterFailures.serializing("Avro", "orders", false, bad))
                .isExactlyInstanceOf(DataException.class)
                .hasMessage("Failed to serialize Avro data for the value of topic orders: truncated");
    }
}
