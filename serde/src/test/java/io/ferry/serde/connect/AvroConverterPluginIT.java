package io.ferry.serde.connect;

import java.util.List;
import java.util.Map;

import io.ferry.serde.testing.ConverterPluginRoundTrip;
import io.ferry.serde.testing.SerdeEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The converter loads as a plain Connect plugin: from a plugin class loader that holds only Ferry's serde
 * classes and their runtime libraries (Avro, Jackson, Commons) and takes connect-api, kafka-clients and SLF4J
 * from the worker, as Apache Kafka Connect's plugin isolation does; instantiated by class name, configured
 * with the converter's settings as a worker passes them (prefix stripped), and used through the
 * {@link org.apache.kafka.connect.storage.Converter} interface.
 */
class AvroConverterPluginIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    @Test
    void shouldLoadAsAPluginByClassNameAndConvertBothWays() throws Exception {
        new ConverterPluginRoundTrip("io.ferry.serde.connect.AvroConverter", List.of("avro-", "jackson-", "commons-"),
                Map.of("enhanced.avro.schema.support", "false",
                        "value.subject.name.strategy", "io.confluent.kafka.serializers.subject.TopicNameStrategy"),
                "org.apache.avro.Schema")
                .check(ENV.registryUrl(), getClass().getClassLoader());
    }
}
