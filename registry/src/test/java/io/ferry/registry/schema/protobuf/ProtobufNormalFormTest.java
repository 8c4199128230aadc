package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The normal form behind {@code normalize=true}: schemas that mean the same normalise to the same text. */
class ProtobufNormalFormTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    static Stream<Arguments> normalForms() {
        return Stream.of(
                Arguments.of("fields by number, names of types in full, map values resolved",
                        """
                        syntax = "proto3";
                        package shop;
                        import "google/protobuf/timestamp.proto";
                        message Order {
                          map<string, Line> lines = 3;
                          google.protobuf.Timestamp at = 2;
                          Status status = 4;
                          string id = 1;
                          message Line { int32 qty = 1; }
                          enum Status { NEW = 0; }
                        }
                        """,
                        """
                        syntax = "proto3";
                        package shop;

                        import "google/protobuf/timestamp.proto";

                        message Order {
                          string id = 1;
                          .google.protobuf.Timestamp at = 2;
                          map<string, .shop.Order.Line> lines = 3;
                          .shop.Order.Status status = 4;

                          message Line {
                            int32 qty = 1;
                          }
                          enum Status {
                            NEW = 0;
                          }
                        }
                        """),
                Arguments.of("imports and options sorted, the proto2 syntax line left out (a blank line opens the text)",
                        """
                        syntax = "proto2";
                        import "google/protobuf/wrappers.proto";
                        import "google/protobuf/duration.proto";
                        option java_package = "p";
                        option go_package = "g";
                        message M { optional int32 a = 1 [json_name = "x", deprecated = true]; }
                        """,
                        """

                        import "google/protobuf/duration.proto";
                        import "google/protobuf/wrappers.proto";

                        option go_package = "g";
                        option java_package = "p";

                        message M {
                          optional int32 a = 1 [
                            deprecated = true,
                            json_name = "x"
                          ];
                        }
                        """),
                Arguments.of("oneofs by their first field, enum constants by number, reserved ranges one a line",
                        """
                        syntax = "proto3";
                        message M {
                          reserved 9, 3 to 4, "old";
                          oneof second { string s = 7; int32 i = 5; }
                          oneof first { bool b = 2; }
                          E e = 1;
                          enum E { option allow_alias = true; ON = 1; OFF = 0; ENABLED = 1; }
                        }
                        """,
                        """
                        syntax = "proto3";

                        message M {
                          reserved 3 to 4;
                          reserved 9;
                          reserved "old";

                          .M.E e = 1;

                          oneof first {
                            bool b = 2;
                          }
                          oneof second {
                            int32 i = 5;
                            string s = 7;
                          }

                          enum E {
                            option allow_alias = true;
                            OFF = 0;
                            ENABLED = 1;
                            ON = 1;
                          }
                        }
                        """),
                Arguments.of("a map entry message written out becomes a map field",
                        """
                        syntax = "proto3";
                        message M {
                          repeated CountsEntry counts = 1;
                          message CountsEntry { option map_entry = true; string key = 1; int64 value = 2; }
                        }
                        """,
                        """
                        syntax = "proto3";

                        message M {
                          map<string, int64> counts = 1;
                        }
                        """),
                Arguments.of("custom options by full name, set field by field merged into one value",
                        """
                        syntax = "proto2";
                        package acme;
                        import "google/protobuf/descriptor.proto";
                        message Meta { optional string owner = 1; optional double weight = 2; }
                        extend google.protobuf.FieldOptions { optional Meta meta = 50001; }
                        message M { optional int32 a = 1 [(meta).weight = 1.50, (meta).owner = "me", default = 0x10]; }
                        """,
                        """
                        package acme;

                        import "google/protobuf/descriptor.proto";

                        message Meta {
                          optional string owner = 1;
                          optional double weight = 2;
                        }
                        message M {
                          optional int32 a = 1 [
                            (acme.meta) = {
                              owner: "me",
                              weight: 1.5
                            },
                            default = 16
                          ];
                        }

                        extend .google.protobuf.FieldOptions {
                          optional .acme.Meta meta = 50001;
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalForms")
    void shouldWriteTheNormalForm(String description, String text, String normal) throws InvalidSchemaException {
        ProtobufParsedSchema normalized = provider.parse(text, List.of(), List.of(), ParseOptions.NEW_NORMALIZED).normalize();

        assertThat(normalized.canonicalString()).isEqualTo(normal);
        assertThat(normalized.normalize().canonicalString()).as("normalising twice changes nothing").isEqualTo(normal);
    }

    @Test
    void shouldNormaliseSchemasThatMeanTheSameToTheSameText() throws InvalidSchemaException {
        String oneWay = """
                syntax = "proto3";
                package acme;
                message Pair { string right = 2; Side left = 1; enum Side { L = 0; R = 1; } }
                """;
        String otherWay = """
                syntax = "proto3";
                package acme;
                // written the other way round
                message Pair {
                  .acme.Pair.Side left = 1;
                  string right = 2;
                  enum Side { R = 1; L = 0; }
                }
                """;

        ProtobufParsedSchema first = provider.parse(oneWay, List.of(), List.of(), ParseOptions.NEW_NORMALIZED).normalize();
        ProtobufParsedSchema second = provider.parse(otherWay, List.of(), List.of(), ParseOptions.NEW_NORMALIZED).normalize();

        assertThat(first).isEqualTo(second);
        assertThat(provider.parse(oneWay, List.of(), List.of(), ParseOptions.NEW))
                .as("as given they differ").isNotEqualTo(provider.parse(otherWay, List.of(), List.of(), ParseOptions.NEW));
    }

    @Test
    void shouldSortReferencesBySubjectAndVersionWithoutDuplicates() throws InvalidSchemaException {
        String money = "syntax = \"proto3\";\npackage shop;\nmessage Money { int64 cents = 1; }\n";
        String unit = "syntax = \"proto3\";\npackage shop;\nenum Unit { PIECE = 0; }\n";
        String order = """
                syntax = "proto3";
                package shop;
                import "shop/unit.proto";
                import "shop/money.proto";
                message Line { Money price = 1; Unit unit = 2; }
                """;
        SchemaReference unitRef = new SchemaReference("shop/unit.proto", "unit", 2);
        SchemaReference moneyRef = new SchemaReference("shop/money.proto", "money", 1);

        ProtobufParsedSchema normalized = provider.parse(order, List.of(unitRef, moneyRef, unitRef),
                List.of(new ResolvedReference(unitRef, unit), new ResolvedReference(moneyRef, money)),
                ParseOptions.NEW_NORMALIZED).normalize();

        assertThat(normalized.references()).containsExactly(moneyRef, unitRef);
        assertThat(normalized.canonicalString()).contains("import \"shop/money.proto\";\nimport \"shop/unit.proto\";\n")
                .contains(".shop.Money price = 1;");
    }
}
