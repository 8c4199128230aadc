package io.ferry.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ferry.serde.client.RegistryClientConfig;
import io.ferry.serde.client.RestRegistryClient;
import io.ferry.serde.client.SchemaReference;
import io.ferry.serde.testing.SerdeEnvironment;
import io.ferry.serde.wire.MessageIndexes;
import io.ferry.serde.wire.WireFormat;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The Protobuf serializer and deserializer against a real broker and a real registry over HTTP. */
class KafkaProtobufSerdeIT {
    @RegisterExtension
    static final SerdeEnvironment ENV = new SerdeEnvironment();

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("a message importing timestamp.proto and a referenced file", KafkaProtobufSerdeTest.order(),
                        MessageIndexes.FIRST),
                Arguments.of("a nested message of the second top-level message", KafkaProtobufSerdeTest.reason(),
                        MessageIndexes.of(1, 0)),
                Arguments.of("a well-known type", Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(7).build(),
                        MessageIndexes.FIRST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void shouldRoundTripMessagesThroughBrokerAndRegistry(String name, Message message, MessageIndexes path) throws Exception {
        String topic = ENV.kafka().uniqueTopicName("proto");
        ENV.kafka().createTopic(topic, 1);
        send(topic, message);

        byte[] raw = first(topic, new ByteArrayDeserializer(), Map.of());
        assertThat(raw[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        assertThat(MessageIndexes.read(raw, WireFormat.HEADER_SIZE).indexes()).isEqualTo(path);
        Message back = first(topic, new KafkaProtobufDeserializer<>(), ENV.serdeConfig());
        assertThat(back).isInstanceOf(DynamicMessage.class);
        assertThat(back.getDescriptorForType().getFullName()).isEqualTo(message.getDescriptorForType().getFullName());
        assertThat(back.toByteString()).isEqualTo(message.toByteString());
    }

    @Test
    void shouldRegisterTheImportedFileAsAReferenceUnderItsImportPath() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("refs");
        KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>();
        serializer.configure(ENV.serdeConfig(), false);
        serializer.serialize(topic, KafkaProtobufSerdeTest.order());

        try (var client = new RestRegistryClient(RegistryClientConfig.forUrl(ENV.registryUrl()))) {
            var latest = client.latestVersion(topic + "-value");
            assertThat(latest.schema().schemaType()).isEqualTo("PROTOBUF");
            assertThat(latest.schema().references()).containsExactly(
                    new SchemaReference("com/acme/common.proto", "com/acme/common.proto", 1));
            assertThat(client.latestVersion("com/acme/common.proto").schema().schema()).contains("message Money");
        }
    }

    @Test
    void shouldFindTheRegisteredIdByLookupWithoutAutoRegister() {
        String topic = ENV.kafka().uniqueTopicName("lookup");
        KafkaProtobufSerializer<Message> registering = new KafkaProtobufSerializer<>();
        registering.configure(ENV.serdeConfig(), false);
        KafkaProtobufSerializer<Message> looking = new KafkaProtobufSerializer<>();
        looking.configure(ENV.serdeConfig("auto.register.schemas", false), false);

        byte[] registered = registering.serialize(topic, KafkaProtobufSerdeTest.order());
        byte[] looked = looking.serialize(topic, KafkaProtobufSerdeTest.order());

        assertThat(WireFormat.readHeader(looked).schemaId()).isEqualTo(WireFormat.readHeader(registered).schemaId());
    }

    @Test
    void shouldReadIntoAGeneratedClass() throws Exception {
        String topic = ENV.kafka().uniqueTopicName("typed");
        ENV.kafka().createTopic(topic, 1);
        Timestamp timestamp = Timestamp.newBuilder().setSeconds(42).build();
        send(topic, timestamp);

        Message back = first(topic, new KafkaProtobufDeserializer<>(),
                ENV.serdeConfig("specific.protobuf.value.type", Timestamp.class.getName()));
        assertThat(back).isEqualTo(timestamp);
    }

    private static void send(String topic, Message message) throws Exception {
        KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>();
        serializer.configure(ENV.serdeConfig(), false);
        try (var producer = ENV.kafka().producer(new StringSerializer(), serializer, Map.of())) {
            producer.send(new ProducerRecord<>(topic, "k", message)).get();
        }
    }

    private static <V> V first(String topic, org.apache.kafka.common.serialization.Deserializer<V> deserializer,
                               Map<String, Object> config) {
        deserializer.configure(config, false);
        try (var consumer = ENV.kafka().consumer(new StringDeserializer(), deserializer, Map.of())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            List<ConsumerRecord<String, V>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertThat(records).as("records on " + topic).isNotEmpty();
            return records.get(0).value();
        }
    }
}
