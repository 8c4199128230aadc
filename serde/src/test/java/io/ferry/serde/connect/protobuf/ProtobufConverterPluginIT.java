package io.ferry.serde.connect.protobuf;

import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.ConverterPluginRoundTrip;
import io.ferry.serde.testing.SerdeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Protobuf converter loads as a plain Connect plugin from a folder holding the serde, what the Avro classes
 * need, Ferry's catalogue of built-in {@code .proto} files, protobuf-java and Google's common protos, as
 * docs/serde-protobuf.md says; it takes connect-api, kafka-clients and SLF4J from the
 * worker and converts both ways.
 */
class ProtobufConverterPluginIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        new ConverterPluginRoundTrip("io.ferry.serde.connect.protobuf.ProtobufConverter",
                List.of("avro-", "jackson-", "commons-", "ferry-protobuf-support-", "protobuf-java-",
                        "proto-google-common-protos-"), Map.of(),
                "com.google.protobuf.DynamicMessage")
                .check(ENV.registryUrl(), getClass().getClassLoader());
    }
}
