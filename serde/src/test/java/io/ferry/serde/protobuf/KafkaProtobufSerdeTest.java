package io.ferry.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.Message;
import com.google.protobuf.Timestamp;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.serde.registry.SchemaRegistryException;
import io.ferry.serde.testing.InMemoryRegistryClient;
import io.ferry.serde.wire.MessageIndexes;
import io.ferry.serde.wire.WireFormat;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The serializer and deserializer against a registry in memory: framing, references, message paths, types. */
class KafkaProtobufSerdeTest {
    private final InMemoryRegistryClient registry = new InMemoryRegistryClient().learn(ProtoTestFiles.ORDERS);

    private KafkaProtobufSerializer<Message> serializer(Object... settings) {
        KafkaProtobufSerializer<Message> serializer = new KafkaProtobufSerializer<>(registry);
        serializer.configure(config(settings), false);
        return serializer;
    }

    private KafkaProtobufDeserializer<Message> deserializer(Object... settings) {
        KafkaProtobufDeserializer<Message> deserializer = new KafkaProtobufDeserializer<>(registry);
        deserializer.configure(config(settings), false);
        return deserializer;
    }

    private static Map<String, Object> config(Object... settings) {
        return InMemoryRegistryClient.settings(settings);
    }

    static DynamicMessage order() {
        Descriptor order = ProtoTestFiles.ORDERS.findMessageTypeByName("Order");
        Descriptor line = order.findNestedTypeByName("Line");
        Descriptor counts = order.findNestedTypeByName("CountsEntry");
        Descriptor money = ProtoTestFiles.COMMON.findMessageTypeByName("Money");
        return DynamicMessage.newBuilder(order)
                .setField(order.findFieldByName("id"), 42L)
                .setField(order.findFieldByName("note"), "rush")
                .setField(order.findFieldByName("at"), Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(5).build())
                .setField(order.findFieldByName("total"), DynamicMessage.newBuilder(money)
                        .setField(money.findFieldByName("currency"), "EUR").setField(money.findFieldByName("units"), 12L).build())
                .addRepeatedField(order.findFieldByName("lines"), DynamicMessage.newBuilder(line)
                        .setField(line.findFieldByName("sku"), "A-1").setField(line.findFieldByName("qty"), 2).build())
                .addRepeatedField(order.findFieldByName("counts"), DynamicMessage.newBuilder(counts)
                        .setField(counts.findFieldByName("key"), "k").setField(counts.findFieldByName("value"), 3).build())
                .setField(order.findFieldByName("iban"), "DE00")
                .setField(order.findFieldByName("coupon"), "")
                .setField(order.findFieldByName("status"), order.findEnumTypeByName("Status").findValueByName("PAID"))
                .build();
    }

    static DynamicMessage reason() {
        Descriptor reason = ProtoTestFiles.ORDERS.findMessageTypeByName("Refund").findNestedTypeByName("Reason");
        return DynamicMessage.newBuilder(reason).setField(reason.findFieldByName("text"), "damaged").build();
    }

    static Stream<Arguments> messages() {
        return Stream.of(
                Arguments.of("first top-level message: indexes [0] as the single byte 0", order(), MessageIndexes.FIRST),
                Arguments.of("nested message of the second top-level message: indexes [1, 0]", reason(), MessageIndexes.of(1, 0)),
                Arguments.of("a well-known type", Timestamp.newBuilder().setSeconds(5).build(), MessageIndexes.FIRST));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void shouldRoundTripMessagesInTheWireFormat(String name, Message message, MessageIndexes path) {
        byte[] bytes = serializer().serialize("orders", message);

        assertThat(bytes[0]).isEqualTo(WireFormat.MAGIC_BYTE);
        MessageIndexes.Read read = MessageIndexes.read(bytes, WireFormat.HEADER_SIZE);
        assertThat(read.indexes()).isEqualTo(path);
        Message back = deserializer().deserialize("orders", bytes);
        assertThat(back).isInstanceOf(DynamicMessage.class);
        assertThat(back.getDescriptorForType().getFullName()).isEqualTo(message.getDescriptorForType().getFullName());
        assertThat(back.toByteString()).isEqualTo(message.toByteString());
    }

    @Test
    void shouldRegisterImportsAsReferencesUnderTheirImportPathsButSkipKnownTypes() {
        serializer().serialize("orders", order());

        assertThat(registry.subjects()).containsExactly("com/acme/common.proto", "orders-value");
        var registered = registry.latestVersion("orders-value").schema();
        assertThat(registered.schemaType()).isEqualTo("PROTOBUF");
        assertThat(registered.schema()).isEqualTo(ProtoTestFiles.ORDERS_TEXT);
        assertThat(registered.references()).containsExactly(
                new io.ferry.serde.client.SchemaReference("com/acme/common.proto", "com/acme/common.proto", 1));
    }

    @Test
    void shouldSkipConfluentAndGoogleTypeImportsLikeProtobufsOwn() {
        FileDescriptor booking = ProtoTestFiles.build(FileDescriptorProto.newBuilder().setName("com/acme/booking.proto")
                .setPackage("com.acme").setSyntax("proto3")
                .addDependency(KnownProtoFiles.META).addDependency(KnownProtoFiles.DATE)
                .addMessageType(DescriptorProto.newBuilder().setName("Booking")
                        .addField(ProtoTestFiles.message("day", 1, ".google.type.Date")))
                .build(), KnownProtoFiles.get(KnownProtoFiles.META), KnownProtoFiles.get(KnownProtoFiles.DATE));
        Descriptor message = booking.findMessageTypeByName("Booking");

        serializer().serialize("bookings", DynamicMessage.newBuilder(message).build());

        assertThat(registry.subjects()).as("built into every registry, as in Confluent's").containsExactly("bookings-value");
        assertThat(registry.latestVersion("bookings-value").schema().references()).isEmpty();
    }

    @Test
    void shouldRegisterKnownTypesTooWhenNotSkippingThem() {
        serializer("skip.known.types", false).serialize("orders", order());

        assertThat(registry.subjects()).containsExactly("google/protobuf/timestamp.proto", "com/acme/common.proto", "orders-value");
    }

    @Test
    void shouldUseTheMessageFullNameWithRecordNameStrategy() {
        serializer("value.subject.name.strategy", "io.confluent.kafka.serializers.subject.RecordNameStrategy")
                .serialize("orders", reason());

        assertThat(registry.subjects()).contains("com.acme.Refund.Reason");
    }

    @Test
    void shouldOnlyLookUpWithoutAutoRegister() {
        assertThatThrownBy(() -> serializer("auto.register.schemas", false).serialize("orders", order()))
                .isInstanceOf(SchemaRegistryException.class)
                .hasMessageContaining("topic 'orders'")
                .hasMessageContaining("not registered");

        serializer().serialize("orders", order());
        byte[] looked = serializer("auto.register.schemas", false).serialize("orders", order());
        assertThat(deserializer().deserialize("orders", looked).toByteString()).isEqualTo(order().toByteString());
    }

    @Test
    void shouldWriteTheLatestVersionsIdAndThePathOfTheMessageInIt() {
        serializer().serialize("orders", order());
        int latest = registry.latestVersion("orders-value").id();

        byte[] bytes = serializer("auto.register.schemas", false, "use.latest.version", true).serialize("orders", reason());

        assertThat(WireFormat.readHeader(bytes).schemaId()).isEqualTo(latest);
        assertThat(MessageIndexes.read(bytes, WireFormat.HEADER_SIZE).indexes()).isEqualTo(MessageIndexes.of(1, 0));
    }

    @Test
    void shouldParseIntoTheConfiguredOrDerivedGeneratedClass() {
        Timestamp timestamp = Timestamp.newBuilder().setSeconds(99).setNanos(1).build();
        byte[] bytes = serializer().serialize("times", timestamp);

        assertThat(deserializer("specific.protobuf.value.type", Timestamp.class.getName()).deserialize("times", bytes))
                .isEqualTo(timestamp);
        assertThat(deserializer("derive.type", true).deserialize("times", bytes)).isEqualTo(timestamp);
    }

    @Test
    void shouldNameTheGeneratedClassesProtocWrites() {
        assertThat(SpecificTypes.derivedClassName(Timestamp.getDescriptor())).isEqualTo("com.google.protobuf.Timestamp");
        assertThat(SpecificTypes.derivedClassName(ProtoTestFiles.ORDERS.findMessageTypeByName("Order").findNestedTypeByName("Line")))
                .isEqualTo("com.acme.Orders$Order$Line");
    }

    @Test
    void shouldPassNullsThrough() {
        assertThat(serializer().serialize("orders", null)).isNull();
        assertThat(deserializer().deserialize("orders", null)).isNull();
    }

    static Stream<Arguments> badPayloads() {
        return Stream.of(
                Arguments.of("no magic byte", new byte[] {'{', '}'}, "unknown magic byte 0x7b"),
                Arguments.of("unknown schema id", new byte[] {0, 0, 0, 0, 99, 0}, "schema id 99 is not in the registry"),
                Arguments.of("message indexes past the file's messages", new byte[] {0, 0, 0, 0, 1, 2, 18}, "do not name a message"),
                Arguments.of("a truncated message", new byte[] {0, 0, 0, 0, 2, 0, 8}, "as com.acme.Order (schema id 2)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badPayloads")
    void shouldRefuseBadPayloadsNamingTopicAndSide(String name, byte[] bytes, String reason) {
        serializer().serialize("orders", order());

        assertThatThrownBy(() -> deserializer().deserialize("orders", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("the value of a record in topic 'orders'")
                .hasMessageContaining(reason);
    }

    @Test
    void shouldRefuseAReferenceStrategyFerryDoesNotHave() {
        assertThatThrownBy(() -> serializer("reference.subject.name.strategy", "com.example.Custom"))
                .hasMessageContaining("reference.subject.name.strategy");
        assertThat(List.of(new ProtobufSerdeConfig(config()).writeMode().skipKnownTypes())).containsExactly(true);
    }
}
