package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The text the registry stores: the file in Confluent Schema Registry's layout, without comments. */
class ProtobufCanonicalStringTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    static Stream<Arguments> canonicalForms() {
        return Stream.of(
                Arguments.of("a proto3 message with a package, an import and an option",
                        """
                        syntax = "proto3";
                        package acme.orders;
                        import "google/protobuf/timestamp.proto";
                        option java_package = "com.acme.orders";
                        // The order, as placed.
                        message Order {
                          string id = 1; // its key
                          google.protobuf.Timestamp placed_at = 2;
                          repeated string tags = 3;
                        }
                        """,
                        """
                        syntax = "proto3";
                        package acme.orders;

                        import "google/protobuf/timestamp.proto";

                        option java_package = "com.acme.orders";

                        message Order {
                          string id = 1;
                          google.protobuf.Timestamp placed_at = 2;
                          repeated string tags = 3;
                        }
                        """),
                Arguments.of("proto2 labels and default values",
                        """
                        syntax = "proto2";
                        message Item {
                          required string sku = 1;
                          optional int32 quantity = 2 [default = 1];
                          optional string note = 3 [default = "say \\"hi\\""];
                          optional Kind kind = 4 [default = PLAIN];
                          enum Kind { PLAIN = 0; GIFT = 1; }
                        }
                        """,
                        """
                        syntax = "proto2";

                        message Item {
                          required string sku = 1;
                          optional int32 quantity = 2 [default = 1];
                          optional string note = 3 [default = "say \\"hi\\""];
                          optional Kind kind = 4 [default = PLAIN];

                          enum Kind {
                            PLAIN = 0;
                            GIFT = 1;
                          }
                        }
                        """),
                Arguments.of("messages before enums, nested types after a blank line indented with it",
                        """
                        syntax = "proto3";
                        enum Colour { RED = 0; }
                        message Outer {
                          enum Size { SMALL = 0; }
                          message Inner { int32 x = 1; }
                          Inner inner = 1;
                        }
                        message Other { reserved 4, 8 to 10, "old"; option deprecated = true; int32 y = 1; }
                        """,
                        """
                        syntax = "proto3";

                        message Outer {
                          Inner inner = 1;

                          message Inner {
                            int32 x = 1;
                          }
                          enum Size {
                            SMALL = 0;
                          }
                        }
                        message Other {
                          reserved 4, 8 to 10, "old";

                          option deprecated = true;

                          int32 y = 1;
                        }
                        enum Colour {
                          RED = 0;
                        }
                        """),
                Arguments.of("fields before oneofs, proto3 optional keeps its label, several options one a line",
                        """
                        syntax = "proto3";
                        message Payment {
                          oneof method { string card = 2; int64 voucher = 3; }
                          optional string memo = 1 [deprecated = true, json_name = "note"];
                          map<string, int32> totals = 4;
                        }
                        """,
                        """
                        syntax = "proto3";

                        message Payment {
                          optional string memo = 1 [
                            deprecated = true,
                            json_name = "note"
                          ];
                          map<string, int32> totals = 4;

                          oneof method {
                            string card = 2;
                            int64 voucher = 3;
                          }
                        }
                        """),
                Arguments.of("custom options, aggregate values and a service",
                        """
                        syntax = "proto3";
                        import "google/protobuf/descriptor.proto";
                        extend google.protobuf.MessageOptions { string owner = 50001; }
                        message Ping { option (owner) = "ops"; }
                        service Health {
                          rpc Check (Ping) returns (stream Ping) { option deprecated = true; }
                        }
                        """,
                        """
                        syntax = "proto3";

                        import "google/protobuf/descriptor.proto";

                        message Ping {
                          option (owner) = "ops";
                        }

                        extend google.protobuf.MessageOptions {
                          string owner = 50001;
                        }

                        service Health {
                          rpc Check (Ping) returns (stream Ping) {
                            option deprecated = true;
                          };
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalForms")
    void shouldWriteTheCanonicalText(String description, String text, String canonical) throws InvalidSchemaException {
        ProtobufParsedSchema schema = provider.parse(text, List.of(), List.of(), ParseOptions.NEW);

        assertThat(schema.canonicalString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonicalForms")
    void shouldKeepTheCanonicalTextWhenParsedAgain(String description, String text, String canonical)
            throws InvalidSchemaException {
        assertThat(provider.parse(canonical, List.of(), List.of(), ParseOptions.NEW).canonicalString())
                .isEqualTo(canonical);
    }

    @Test
    void shouldMatchConfluentsTextForAMapEntryMessage() throws InvalidSchemaException {
        // As Confluent Schema Registry writes a message whose map entry is spelled out.
        String confluent = """
                syntax = "proto3";

                import "google/protobuf/descriptor.proto";

                option java_package = "io.confluent.kafka.serializers.protobuf.test";
                option java_outer_classname = "TestMapProtos";

                message TestMap {
                  repeated TestMapEntry test_map = 1;

                  message TestMapEntry {
                    option map_entry = true;
                 \s
                    string key = 1;
                    string value = 2;
                  }
                }
                """;

        assertThat(provider.parse(confluent, List.of(), List.of(), ParseOptions.NEW).canonicalString())
                .isEqualTo(confluent);
    }
}
