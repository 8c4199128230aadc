package io.ferry.serde.connect.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;

import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import io.ferry.serde.protobuf.ProtoFilePrinter;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Golden .proto texts: the schema the converter registers for each Connect schema. */
class ProtobufDataSchemaTest {

    static Stream<Arguments> schemas() {
        return Stream.of(
                Arguments.of("primitives: int8 and int16 as int32 tagged with connect.type", ProtobufConnectCases.PRIMITIVES, Map.of(), """
                        syntax = "proto3";
                        package com.acme;

                        import "confluent/meta.proto";

                        message Primitives {
                          int32 int8 = 1 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int8" }] }];
                          int32 int16 = 2 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int16" }] }];
                          int32 int32 = 3;
                          int64 int64 = 4;
                          float float32 = 5;
                          double float64 = 6;
                          bool boolean = 7;
                          string string = 8;
                          bytes bytes = 9;
                        }
                        """),
                Arguments.of("logical types as well-known messages", ProtobufConnectCases.LOGICAL, Map.of(), """
                        syntax = "proto3";
                        package com.acme;

                        import "confluent/type/decimal.proto";
                        import "confluent/meta.proto";
                        import "google/type/date.proto";
                        import "google/type/timeofday.proto";
                        import "google/protobuf/timestamp.proto";

                        message Logical {
                          confluent.type.Decimal decimal = 1 [(confluent.field_meta) = { params: [{ key: "scale", value: "3" }] }];
                          google.type.Date date = 2;
                          google.type.TimeOfDay time = 3;
                          google.protobuf.Timestamp timestamp = 4;
                        }
                        """),
                Arguments.of("arrays, maps, nested structs defined once", ProtobufConnectCases.CONTAINERS, Map.of(), """
                        syntax = "proto3";
                        package com.acme;

                        message Containers {
                          repeated string strings = 1;
                          repeated com.acme.Containers.Address addresses = 2;
                          map<string, int32> counts = 3;
                          map<int64, com.acme.Containers.Address> byId = 4;
                          com.acme.Containers.Address home = 5;
                          message Address {
                            string street = 1;
                            string zip = 2;
                          }
                        }
                        """),
                Arguments.of("enum and oneof", ProtobufConnectCases.CHOICES, Map.of(), """
                        syntax = "proto3";
                        package com.acme;

                        message Choices {
                          com.acme.Choices.Color color = 1;
                          oneof payment {
                            string card = 3;
                            string iban = 4;
                          }
                          enum Color {
                            RED = 0;
                            GREEN = 1;
                          }
                        }
                        """),
                Arguments.of("unnamed structs: ConnectDefault1, 2 …; a type named like its field gets a Message suffix",
                        SchemaBuilder.struct().field("id", Schema.INT64_SCHEMA)
                                .field("inner", SchemaBuilder.struct().field("x", Schema.INT32_SCHEMA).build())
                                .field("point", SchemaBuilder.struct().name("point").field("y", Schema.INT32_SCHEMA).build()).build(),
                        Map.of(), """
                        syntax = "proto3";

                        message ConnectDefault1 {
                          int64 id = 1;
                          ConnectDefault1.ConnectDefault2 inner = 2;
                          ConnectDefault1.pointMessage point = 3;
                          message ConnectDefault2 {
                            int32 x = 1;
                          }
                          message pointMessage {
                            int32 y = 1;
                          }
                        }
                        """),
                Arguments.of("optional.for.nullables: proto3 optional", nullable(), Map.of("optional.for.nullables", "true"), """
                        syntax = "proto3";

                        message N {
                          optional string note = 1;
                          optional int64 count = 2;
                          int64 id = 3;
                        }
                        """),
                Arguments.of("wrapper.for.nullables: wrapper messages", nullable(), Map.of("wrapper.for.nullables", "true"), """
                        syntax = "proto3";

                        import "google/protobuf/wrappers.proto";

                        message N {
                          google.protobuf.StringValue note = 1;
                          google.protobuf.Int64Value count = 2;
                          int64 id = 3;
                        }
                        """),
                Arguments.of("tags from io.confluent.connect.protobuf.Tag; decimal precision", SchemaBuilder.struct().name("T")
                        .field("a", SchemaBuilder.string().parameter(ProtobufConnectNames.TAG, "7").build())
                        .field("b", Decimal.builder(2).parameter("connect.decimal.precision", "10").build()).build(), Map.of(), """
                        syntax = "proto3";

                        import "confluent/type/decimal.proto";
                        import "confluent/meta.proto";

                        message T {
                          string a = 7;
                          confluent.type.Decimal b = 1 [(confluent.field_meta) = { params: [{ key: "precision", value: "10" }, { key: "scale", value: "2" }] }];
                        }
                        """),
                Arguments.of("scrub.invalid.names", SchemaBuilder.struct().name("my-record").field("1st field", Schema.STRING_SCHEMA).build(),
                        Map.of("scrub.invalid.names", "true"), """
                        syntax = "proto3";

                        message my_record {
                          string x1st_field = 1;
                        }
                        """));
    }

    private static Schema nullable() {
        return SchemaBuilder.struct().name("N").field("note", Schema.OPTIONAL_STRING_SCHEMA).field("count", Schema.OPTIONAL_INT64_SCHEMA)
                .field("id", Schema.INT64_SCHEMA).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schemas")
    void shouldBuildTheProtoFileConfluentsConverterRegisters(String name, Schema connect, Map<String, String> options, String proto) {
        String printed = ProtoFilePrinter.print(new ProtobufData(options).fromConnectSchema(connect).getFile());
        assertThat(printed).isEqualTo(proto);
        assertThat(ProtoParser.Companion.parse(Location.get("connect.proto"), printed).getTypes()).hasSize(1);
    }
}
