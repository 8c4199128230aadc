package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.TimestampProto;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.api.Test;

/** Some clients register the base64 of a FileDescriptorProto instead of .proto text; the registry stores the text. */
class ProtobufSerializedInputTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    private ProtobufParsedSchema parse(String text) throws InvalidSchemaException {
        return provider.parse(text, List.of(), List.of(), ParseOptions.NEW);
    }

    private static String serialized(FileDescriptorProto file) {
        return Base64.getEncoder().encodeToString(file.toByteArray());
    }

    @Test
    void shouldReadAGeneratedDescriptorAsItsProtoText() throws InvalidSchemaException {
        ProtobufParsedSchema timestamp = parse(serialized(TimestampProto.getDescriptor().toProto()));

        assertThat(timestamp.canonicalString()).isEqualTo("""
                syntax = "proto3";
                package google.protobuf;

                option java_package = "com.google.protobuf";
                option java_outer_classname = "TimestampProto";
                option java_multiple_files = true;
                option go_package = "google.golang.org/protobuf/types/known/timestamppb";
                option cc_enable_arenas = true;
                option objc_class_prefix = "GPB";
                option csharp_namespace = "Google.Protobuf.WellKnownTypes";

                message Timestamp {
                  int64 seconds = 1 [json_name = "seconds"];
                  int32 nanos = 2 [json_name = "nanos"];
                }
                """);
        assertThat(timestamp.name()).isEqualTo("google.protobuf.Timestamp");
    }

    @Test
    void shouldNormaliseTheSerializedFormLikeTheTextItCameFrom() throws InvalidSchemaException {
        ProtobufParsedSchema text = parse("""
                syntax = "proto2";
                package shop;
                import "google/protobuf/timestamp.proto";
                option java_package = "com.shop";
                message Order {
                  required string id = 1;
                  optional google.protobuf.Timestamp at = 2 [deprecated = true];
                  map<string, Line> lines = 3;
                  oneof pay { string card = 5; int64 cash = 4; }
                  optional Status status = 7 [default = DONE];
                  reserved 10 to 12, 20, "old";
                  extensions 100 to 199;
                  message Line { optional int32 qty = 1; }
                  enum Status { NEW = 0; DONE = 1; }
                }
                extend Order { optional string note = 100; }
                service Orders { rpc Watch (Order) returns (stream Order); }
                """);

        ProtobufParsedSchema fromDescriptor = parse(text.formatted(ProtobufParsedSchema.SERIALIZED));

        assertThat(fromDescriptor.canonicalString()).contains("map<string, .shop.Order.Line> lines = 3;")
                .doesNotContain("LinesEntry");
        assertThat(fromDescriptor.normalize().canonicalString()).isEqualTo(text.normalize().canonicalString());
    }

    @Test
    void shouldKeepProto3OptionalFieldsOutOfOneofs() throws InvalidSchemaException {
        ProtobufParsedSchema text = parse("syntax = \"proto3\";\nmessage M {\n  optional string nick = 1;\n  oneof o { int32 a = 2; }\n}\n");

        ProtobufParsedSchema fromDescriptor = parse(text.formatted(ProtobufParsedSchema.SERIALIZED));

        assertThat(fromDescriptor.canonicalString()).isEqualTo(text.canonicalString());
    }
}
