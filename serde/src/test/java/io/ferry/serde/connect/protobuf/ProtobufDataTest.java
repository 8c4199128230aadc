package io.ferry.serde.connect.protobuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.stream.Stream;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.ferry.serde.connect.ConnectSchemas;
import io.ferry.serde.protobuf.ProtoFilePrinter;
import io.ferry.serde.protobuf.ProtoTestFiles;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.errors.DataException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Connect values through Protobuf bytes and back, and the Connect schemas Protobuf messages read as. */
class ProtobufDataTest {
    private static final ProtobufData DEFAULTS = new ProtobufData(ProtobufDataOptions.defaults());

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.ferry.serde.connect.protobuf.ProtobufConnectCases#values")
    void shouldCarryConnectValuesThroughProtobufBytes(String name, Schema schema, Struct value) throws Exception {
        Struct back = throughBytes(DEFAULTS, schema, value);

        assertThat(ProtobufConnectCases.plain(back)).isEqualTo(ProtobufConnectCases.plain(value));
    }

    @Test
    void shouldReadNullsAsProto3DefaultsUnlessFieldsHavePresence() throws Exception {
        Schema schema = SchemaBuilder.struct().name("N").field("note", Schema.OPTIONAL_STRING_SCHEMA)
                .field("count", Schema.OPTIONAL_INT32_SCHEMA).build();
        Struct nulls = new Struct(schema);

        assertThat(ProtobufConnectCases.plain(throughBytes(DEFAULTS, schema, nulls))).isEqualTo(Map.of("note", "", "count", 0));
        Map<String, Object> bothNull = new java.util.LinkedHashMap<>();
        bothNull.put("note", null);
        bothNull.put("count", null);
        for (String option : new String[] {"optional.for.nullables", "wrapper.for.nullables"}) {
            ProtobufData data = new ProtobufData(Map.of(option, "true"));
            assertThat(ProtobufConnectCases.plain(throughBytes(data, schema, nulls))).as(option).isEqualTo(bothNull);
            Struct set = new Struct(schema).put("note", "n").put("count", 3);
            assertThat(ProtobufConnectCases.plain(throughBytes(data, schema, set))).as(option).isEqualTo(Map.of("note", "n", "count", 3));
        }
    }

    @Test
    void shouldReadUnsetMessagesAsNullOrAsDefaultStructs() throws Exception {
        Schema schema = SchemaBuilder.struct().name("Outer").field("inner", SchemaBuilder.struct().name("Inner").optional()
                .field("x", Schema.INT32_SCHEMA).build()).build();
        Struct empty = new Struct(schema);

        assertThat(throughBytes(DEFAULTS, schema, empty).get("inner")).isNull();
        Struct generated = throughBytes(new ProtobufData(Map.of("generate.struct.for.nulls", "true")), schema, empty);
        assertThat(ProtobufConnectCases.plain(generated.get("inner"))).isEqualTo(Map.of("x", 0));
    }

    @Test
    void shouldReadEnumsAsIntsWithIntForEnums() throws Exception {
        ProtobufData ints = new ProtobufData(Map.of("int.for.enums", "true"));
        Descriptor order = ProtoTestFiles.ORDERS.findMessageTypeByName("Order");
        DynamicMessage message = DynamicMessage.newBuilder(order)
                .setField(order.findFieldByName("status"), order.findEnumTypeByName("Status").findValueByName("PAID")).build();

        Schema schema = ints.toConnectSchema(order, null);
        assertThat(schema.field("status").schema().type()).isEqualTo(Schema.Type.INT32);
        assertThat(ints.toConnectData(schema, message).get("status")).isEqualTo(1);
        assertThat(DEFAULTS.toConnectData(DEFAULTS.toConnectSchema(order, null), message).get("status")).isEqualTo("PAID");
    }

    static Stream<Arguments> readSchemas() {
        return Stream.of(
                Arguments.of("a message with every kind of field", ProtoTestFiles.ORDERS.findMessageTypeByName("Order"), Map.of(),
                        "STRUCT name=Order version=3 fields=[payment_0: STRUCT optional name=io.confluent.connect.protobuf.Union.payment "
                                + "fields=[card: STRING optional params={io.confluent.connect.protobuf.Tag=7}, "
                                + "iban: STRING optional params={io.confluent.connect.protobuf.Tag=8}], "
                                + "id: INT64 optional params={io.confluent.connect.protobuf.Tag=1}, "
                                + "note: STRING optional params={io.confluent.connect.protobuf.Tag=2}, "
                                + "at: INT64 optional name=org.apache.kafka.connect.data.Timestamp version=1 "
                                + "params={io.confluent.connect.protobuf.Tag=3}, "
                                + "total: STRUCT optional name=Money params={io.confluent.connect.protobuf.Tag=4} fields=["
                                + "currency: STRING optional params={io.confluent.connect.protobuf.Tag=1}, "
                                + "units: INT64 optional params={io.confluent.connect.protobuf.Tag=2}], "
                                + "lines: ARRAY optional params={io.confluent.connect.protobuf.Tag=5} items=(STRUCT optional name=Line fields=["
                                + "sku: STRING optional params={io.confluent.connect.protobuf.Tag=1}, "
                                + "qty: INT32 optional params={io.confluent.connect.protobuf.Tag=2}]), "
                                + "counts: MAP optional params={io.confluent.connect.protobuf.Tag=6} "
                                + "keys=(STRING optional params={io.confluent.connect.protobuf.Tag=1}) "
                                + "values=(INT32 optional params={io.confluent.connect.protobuf.Tag=2}), "
                                + "coupon: STRING optional params={io.confluent.connect.protobuf.Tag=9}, "
                                + "status: STRING optional name=Status params={io.confluent.connect.protobuf.Enum=Status, "
                                + "io.confluent.connect.protobuf.Enum.NEW=0, io.confluent.connect.protobuf.Enum.PAID=1, "
                                + "io.confluent.connect.protobuf.Tag=10}]"),
                Arguments.of("enhanced: full names; optional only with presence; unions without index",
                        ProtoTestFiles.ORDERS.findMessageTypeByName("Refund"),
                        Map.of("enhanced.protobuf.schema.support", "true", "optional.for.nullables", "true", "generate.index.for.unions", "false"),
                        "STRUCT name=com.acme.Refund version=3 fields=[order_id: INT64 params={io.confluent.connect.protobuf.Tag=1}]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("readSchemas")
    void shouldReadMessageTypesAsConfluentsConnectSchemas(String name, Descriptor type, Map<String, String> options, String expected) {
        assertThat(ConnectSchemas.describe(new ProtobufData(options).toConnectSchema(type, 3))).isEqualTo(expected);
    }

    @Test
    void shouldRefuseWhatProtobufCannotHold() {
        assertThatThrownBy(() -> DEFAULTS.fromConnectSchema(Schema.STRING_SCHEMA))
                .isInstanceOf(DataException.class).hasMessageContaining("struct at the top level");
        Schema nested = SchemaBuilder.struct().name("M").field("grid", SchemaBuilder.array(SchemaBuilder.array(Schema.INT32_SCHEMA)
                .build()).build()).build();
        assertThatThrownBy(() -> DEFAULTS.fromConnectSchema(nested))
                .isInstanceOf(DataException.class).hasMessageContaining("no array of arrays");
        Schema schema = SchemaBuilder.struct().name("S").field("n", Schema.INT32_SCHEMA).build();
        assertThatThrownBy(() -> DEFAULTS.fromConnectData(DEFAULTS.fromConnectSchema(schema), schema, "text"))
                .isInstanceOf(DataException.class);
    }

    @Test
    void shouldPrintTheSchemaItRegisters() {
        String text = ProtoFilePrinter.print(DEFAULTS.fromConnectSchema(ProtobufConnectCases.ADDRESS).getFile());

        assertThat(text).isEqualTo("""
                syntax = "proto3";
                package com.acme;

                message Address {
                  string street = 1;
                  string zip = 2;
                }
                """);
    }

    static Struct throughBytes(ProtobufData data, Schema schema, Struct value) throws Exception {
        Descriptor type = data.fromConnectSchema(schema);
        byte[] bytes = data.fromConnectData(type, schema, value).toByteArray();
        DynamicMessage parsed = DynamicMessage.parseFrom(type, bytes);
        return data.toConnectData(data.toConnectSchema(type, null), parsed);
    }
}
