package io.ferry.serde.connect.protobuf;

import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.ConverterPluginRoundTrip;
import io.ferry.serde.testing.SerdeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Protobuf converter loads as a plain Connect plugin from a folder holding the serde, what the Avro classes
 * need and protobuf-java, as docs/serde-protobuf.md says; it takes connect-api, kafka-clients and SLF4J from the
 * worker and converts both ways.
 */
class ProtobufConverterPluginIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        new ConverterPluginRoundTrip("io.ferry.serde.connect.protobuf.ProtobufConverter",
                List.of("avro-", "jackson-", "commons-", "protobuf-java-"), Map.of(),
                "com.google.protobuf.DynamicMessage")
                .check(ENV.registryUrl(), getClass().getClassLoader());
    }
}
