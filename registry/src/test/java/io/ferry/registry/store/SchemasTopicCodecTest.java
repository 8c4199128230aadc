package io.ferry.registry.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.compat.CompatibilityLevel;
import io.ferry.registry.schema.SchemaReference;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The records of the {@code _schemas} topic, byte for byte as Confluent's registry writes them. */
class SchemasTopicCodecTest {
    private final SchemasTopicCodec codec = new SchemasTopicCodec();

    static Stream<Arguments> records() {
        return Stream.of(
                Arguments.of("schema",
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-value\",\"version\":1,\"magic\":1}",
                        "{\"subject\":\"Kafka-value\",\"version\":1,\"id\":1,\"schema\":\"\\\"string\\\"\",\"deleted\":false}",
                        RegistryRecord.of(new RecordKey.Schema("Kafka-value", 1),
                                new RecordValue.Schema("Kafka-value", 1, 1, SchemaType.AVRO, "\"string\"", List.of(), null, null, false))),
                Arguments.of("soft-deleted protobuf with a reference",
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"payments-value\",\"version\":2,\"magic\":1}",
                        "{\"subject\":\"payments-value\",\"version\":2,\"id\":5,\"schemaType\":\"PROTOBUF\","
                                + "\"references\":[{\"name\":\"common.proto\",\"subject\":\"common\",\"version\":1}],"
                                + "\"schema\":\"syntax = \\\"proto3\\\";\",\"deleted\":true}",
                        RegistryRecord.of(new RecordKey.Schema("payments-value", 2),
                                new RecordValue.Schema("payments-value", 2, 5, SchemaType.PROTOBUF, "syntax = \"proto3\";",
                                        List.of(new SchemaReference("common.proto", "common", 1)), null, null, true))),
                Arguments.of("permanent delete of a version",
                        "{\"keytype\":\"SCHEMA\",\"subject\":\"Kafka-value\",\"version\":1,\"magic\":1}", null,
                        RegistryRecord.tombstone(new RecordKey.Schema("Kafka-value", 1))),
                Arguments.of("subject config",
                        "{\"keytype\":\"CONFIG\",\"subject\":\"Kafka-value\",\"magic\":0}",
                        "{\"subject\":\"Kafka-value\",\"compatibilityLevel\":\"FULL\"}",
                        RegistryRecord.of(new RecordKey.Config("Kafka-value"), new RecordValue.Config(CompatibilityLevel.FULL, null))),
                Arguments.of("subject config with a compatibility policy",
                        "{\"keytype\":\"CONFIG\",\"subject\":\"orders-value\",\"magic\":0}",
                        "{\"subject\":\"orders-value\",\"compatibilityPolicy\":\"LENIENT\",\"compatibilityLevel\":\"BACKWARD\"}",
                        RegistryRecord.of(new RecordKey.Config("orders-value"),
                                new RecordValue.Config(CompatibilityLevel.BACKWARD, settings("compatibilityPolicy", "LENIENT")))),
                Arguments.of("global config with only a compatibility policy",
                        "{\"keytype\":\"CONFIG\",\"magic\":0}",
                        "{\"compatibilityPolicy\":\"STRICT\"}",
                        RegistryRecord.of(new RecordKey.Config(null), new RecordValue.Config(null, settings("compatibilityPolicy", "STRICT")))),
                Arguments.of("global config",
                        "{\"keytype\":\"CONFIG\",\"magic\":0}",
                        "{\"compatibilityLevel\":\"NONE\"}",
                        RegistryRecord.of(new RecordKey.Config(null), new RecordValue.Config(CompatibilityLevel.NONE, null))),
                Arguments.of("subject mode",
                        "{\"keytype\":\"MODE\",\"subject\":\"Kafka-value\",\"magic\":0}",
                        "{\"subject\":\"Kafka-value\",\"mode\":\"READONLY\"}",
                        RegistryRecord.of(new RecordKey.Mode("Kafka-value"), new RecordValue.Mode(RegistryMode.READONLY))),
                Arguments.of("subject soft delete",
                        "{\"keytype\":\"DELETE_SUBJECT\",\"subject\":\"Kafka-value\",\"magic\":0}",
                        "{\"subject\":\"Kafka-value\",\"version\":3}",
                        RegistryRecord.of(new RecordKey.DeleteSubject("Kafka-value"), new RecordValue.DeleteSubject("Kafka-value", 3))),
                Arguments.of("clear subject",
                        "{\"keytype\":\"CLEAR_SUBJECT\",\"subject\":\"Kafka-value\",\"magic\":0}",
                        "{\"subject\":\"Kafka-value\"}",
                        RegistryRecord.of(new RecordKey.ClearSubject("Kafka-value"), new RecordValue.ClearSubject("Kafka-value"))),
                Arguments.of("noop", "{\"keytype\":\"NOOP\",\"magic\":0}", null, RegistryRecord.tombstone(new RecordKey.Noop())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldReadWhatConfluentWrites(String name, String key, String value, RegistryRecord expected) {
        assertThat(codec.decode(bytes(key), bytes(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("records")
    void shouldWriteWhatConfluentWrites(String name, String key, String value, RegistryRecord record) {
        assertThat(text(codec.encodeKey(record.key()))).isEqualTo(key);
        byte[] encodedValue = codec.encodeValue(record.key(), record.value());
        assertThat(encodedValue == null ? null : text(encodedValue)).isEqualTo(value);
        RegistryRecord roundTrip = codec.decode(codec.encodeKey(record.key()), codec.encodeValue(record.key(), record.value()));
        assertThat(roundTrip).isEqualTo(record);
    }

    @Test
    void shouldReadGlobalKeysWrittenWithANullSubject() {
        RegistryRecord record = codec.decode(bytes("{\"keytype\":\"MODE\",\"subject\":null,\"magic\":0}"), bytes("{\"mode\":\"IMPORT\"}"));
        assertThat(record).isEqualTo(RegistryRecord.of(new RecordKey.Mode(null), new RecordValue.Mode(RegistryMode.IMPORT)));
    }

    @Test
    void shouldReadOldSchemaKeysAndValuesWithoutOptionalFields() {
        RegistryRecord record = codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":4,\"magic\":0}"),
                bytes("{\"subject\":\"s\",\"version\":4,\"id\":9,\"schema\":\"\\\"int\\\"\"}"));
        assertThat(record.value()).isEqualTo(new RecordValue.Schema("s", 4, 9, SchemaType.AVRO, "\"int\"", List.of(), null, null, false));
    }

    @Test
    void shouldKeepConfigSettingsItDoesNotKnowAndIgnoreUnknownSchemaFields() {
        RegistryRecord config = codec.decode(bytes("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}"),
                bytes("{\"subject\":\"s\",\"compatibilityLevel\":\"BACKWARD\",\"normalize\":true,\"alias\":\"t\"}"));
        RecordValue.Config value = (RecordValue.Config) config.value();
        assertThat(value.level()).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(value.others().toString()).isEqualTo("{\"normalize\":true,\"alias\":\"t\"}");

        RegistryRecord schema = codec.decode(bytes("{\"keytype\":\"SCHEMA\",\"subject\":\"s\",\"version\":1,\"magic\":1}"),
                bytes("{\"subject\":\"s\",\"version\":1,\"id\":2,\"schema\":\"\\\"int\\\"\",\"md5\":\"abc\",\"deleted\":false}"));
        assertThat(((RecordValue.Schema) schema.value()).id()).isEqualTo(2);
    }

    private static ObjectNode settings(String name, String value) {
        return JsonNodeFactory.instance.objectNode().put(name, value);
    }

    @Test
    void shouldKeepACompatibilityPolicyItDoesNotKnowAsWritten() {
        RegistryRecord config = codec.decode(bytes("{\"keytype\":\"CONFIG\",\"subject\":\"s\",\"magic\":0}"),
                bytes("{\"subject\":\"s\",\"compatibilityPolicy\":\"SOMEDAY\"}"));
        assertThat(config.value()).isEqualTo(new RecordValue.Config(null, settings("compatibilityPolicy", "SOMEDAY")));
        assertThat(text(codec.encodeValue(config.key(), config.value()))).isEqualTo("{\"subject\":\"s\",\"compatibilityPolicy\":\"SOMEDAY\"}");
    }

    @Test
    void shouldSkipKeyTypesItDoesNotKnow() {
        RegistryRecord context = codec.decode(bytes("{\"keytype\":\"CONTEXT\",\"tenant\":\"default\",\"context\":\".staging\",\"magic\":0}"),
                bytes("{\"tenant\":\"default\",\"context\":\".staging\"}"));
        assertThat(context.key()).isEqualTo(new RecordKey.Noop());
    }

    @Test
    void shouldNameWhatIsWrongWithABrokenRecord() {
        assertThatThrownBy(() -> codec.decode(bytes("not json"), null)).hasMessageStartingWith("record key is not JSON");
        assertThatThrownBy(() -> codec.decode(bytes("{\"subject\":\"s\"}"), null)).hasMessageStartingWith("record key without keytype");
    }

    private static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
