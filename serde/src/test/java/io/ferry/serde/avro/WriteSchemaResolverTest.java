package io.ferry.serde.avro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ferry.serde.client.RegistrySchema;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class WriteSchemaResolverTest {

    @Test
    void shouldParseARegistrySchemaWhoseNamespaceHasADashAsDebeziumNamesThem() {
        // Debezium names its value schema <topic.prefix>.<schema>.<table>.Envelope; prefixes with dashes are common.
        String envelope = """
                {"type": "record", "name": "Envelope", "namespace": "dbserver-1.public.customers",
                 "fields": [{"name": "op", "type": "string"}]}""";

        Schema schema = WriteSchemaResolver.parse(RegistrySchema.avro(envelope));

        assertThat(schema.getFullName()).isEqualTo("dbserver-1.public.customers.Envelope");
        assertThat(schema.getField("op").schema().getType()).isEqualTo(Schema.Type.STRING);
    }

    @Test
    void shouldRefuseASchemaThatIsNotAvro() {
        assertThatThrownBy(() -> WriteSchemaResolver.parse(RegistrySchema.json("{\"type\": \"object\"}")))
                .isInstanceOf(SerializationException.class)
                .hasMessage("schema is of type JSON, not AVRO");
    }
}
