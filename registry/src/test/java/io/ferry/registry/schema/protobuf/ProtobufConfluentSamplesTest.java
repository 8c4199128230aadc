package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.api.Test;

/**
 * Schemas whose canonical text and normal form Confluent Schema Registry's own tests pin: Ferry must write the
 * same texts, or the same schema would get other ids and lookups would miss.
 */
class ProtobufConfluentSamplesTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    @Test
    void shouldWriteRangesAsConfluentDoes() throws InvalidSchemaException {
        String schema = """

                message Money {
                  reserved 5000 to 6000;
                  reserved 10000 to 10001;
                  reserved 20000 to 20000;

                  optional int64 cents = 1;

                  extensions 100 to 200;
                  extensions 1000 to 1001;
                  extensions 2000 to 2000;

                  enum MoneyEnum {
                    reserved 100 to 200;
                    reserved 1000 to 1001;
                    reserved 2000 to 2000;
                    NONE = 0;
                    CENTS = 1;
                    DOLLARS = 2;
                  }
                }
                """;
        String normalized = schema.replace("20000 to 20000", "20000").replace("2000 to 2000", "2000");

        ProtobufParsedSchema parsed = provider.parse(schema, List.of(), List.of(), ParseOptions.NEW);

        assertThat(parsed.canonicalString()).isEqualTo(schema);
        assertThat(parsed.normalize().canonicalString()).isEqualTo(normalized);
    }

    /**
     * Confluent's sample as its test gives it. It is not a valid file (no import of descriptor.proto, no
     * extension ranges in the extended messages), so it is read as a stored schema, leniently.
     */
    private static final String COMPLEX_ENUM = """
            syntax = "proto3";
            package acme.api.items;

            option java_package = "com.acme.api.items";

            extend google.protobuf.EnumValueOptions {
              optional VisibleTypeEnumValueOption visible_types = 24000;
            }

            message VisibleTypeEnumValueOption {
              repeated ObjectType type = 1;
            }

            message ObjectType {
            }

            message VisibleTypeSet {
            }

            enum Type {
              reserved 13,15;
              reserved "MARKET_ITEM_SETTINGS","PROMO";
              ITEM = 0;
              PAGE = 1;
              ITEM_IMAGE = 2;
            }



            enum ItemsVisibleTypeSet {
              // This is for all clients before register 4.1.2.
              LEGACY = 1 [
                (acme.api.items.visible_types) = {
                  type: {[type]: ITEM},
                  type: {[type]: PAGE},
                  type: {[type]: ITEM_IMAGE}
                }
              ];
            }

            extend VisibleTypeSet {
              optional ItemsVisibleTypeSet items_visible_type_set = 10;
            }

            extend ObjectType {
              optional Type type = 101;
            }


            """;

    @Test
    void shouldWriteAggregateOptionsAndExtensionsAsConfluentDoes() throws InvalidSchemaException {
        ProtobufParsedSchema parsed = provider.parse(COMPLEX_ENUM, List.of(), List.of(), ParseOptions.STORED);

        assertThat(parsed.canonicalString()).isEqualTo("""
                syntax = "proto3";
                package acme.api.items;

                option java_package = "com.acme.api.items";

                message VisibleTypeEnumValueOption {
                  repeated ObjectType type = 1;
                }
                message ObjectType {}
                message VisibleTypeSet {}
                enum Type {
                  reserved 13, 15;
                  reserved "MARKET_ITEM_SETTINGS", "PROMO";
                  ITEM = 0;
                  PAGE = 1;
                  ITEM_IMAGE = 2;
                }
                enum ItemsVisibleTypeSet {
                  LEGACY = 1 [(acme.api.items.visible_types) = {
                    type: [
                      {
                        [type]: ITEM
                      },
                      {
                        [type]: PAGE
                      },
                      {
                        [type]: ITEM_IMAGE
                      }
                    ]
                  }];
                }

                extend google.protobuf.EnumValueOptions {
                  optional VisibleTypeEnumValueOption visible_types = 24000;
                }
                extend VisibleTypeSet {
                  optional ItemsVisibleTypeSet items_visible_type_set = 10;
                }
                extend ObjectType {
                  optional Type type = 101;
                }
                """);
    }

    @Test
    void shouldNormaliseAggregateOptionsAndExtensionsAsConfluentDoes() throws InvalidSchemaException {
        // Made valid: descriptor.proto imported, the extended messages declare their extension numbers.
        String valid = COMPLEX_ENUM
                .replace("package acme.api.items;\n", "package acme.api.items;\nimport \"google/protobuf/descriptor.proto\";\n")
                .replace("message ObjectType {\n", "message ObjectType {\n  extensions 101;\n")
                .replace("message VisibleTypeSet {\n", "message VisibleTypeSet {\n  extensions 10;\n");
        ProtobufParsedSchema parsed = provider.parse(valid, List.of(), List.of(), ParseOptions.NEW);

        assertThat(parsed.normalize().canonicalString()).isEqualTo("""
                syntax = "proto3";
                package acme.api.items;

                import "google/protobuf/descriptor.proto";

                option java_package = "com.acme.api.items";

                message VisibleTypeEnumValueOption {
                  repeated .acme.api.items.ObjectType type = 1;
                }
                message ObjectType {
                  extensions 101;
                }
                message VisibleTypeSet {
                  extensions 10;
                }
                enum Type {
                  reserved 13;
                  reserved 15;
                  reserved "MARKET_ITEM_SETTINGS";
                  reserved "PROMO";
                  ITEM = 0;
                  PAGE = 1;
                  ITEM_IMAGE = 2;
                }
                enum ItemsVisibleTypeSet {
                  LEGACY = 1 [(acme.api.items.visible_types) = {
                    type: [
                      {
                        [acme.api.items.type]: ITEM
                      },
                      {
                        [acme.api.items.type]: PAGE
                      },
                      {
                        [acme.api.items.type]: ITEM_IMAGE
                      }
                    ]
                  }];
                }

                extend .google.protobuf.EnumValueOptions {
                  optional .acme.api.items.VisibleTypeEnumValueOption visible_types = 24000;
                }
                extend .acme.api.items.VisibleTypeSet {
                  optional .acme.api.items.ItemsVisibleTypeSet items_visible_type_set = 10;
                }
                extend .acme.api.items.ObjectType {
                  optional .acme.api.items.Type type = 101;
                }
                """);
    }
}
