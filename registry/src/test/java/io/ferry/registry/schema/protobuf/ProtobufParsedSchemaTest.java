package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import com.google.protobuf.DescriptorProtos.FieldDescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.SchemaType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** What a parsed Protobuf schema tells: its name, its file and imports, its descriptor and output formats. */
class ProtobufParsedSchemaTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    private ProtobufParsedSchema parse(String text) throws InvalidSchemaException {
        return provider.parse(text, List.of(), List.of(), ParseOptions.NEW);
    }

    static Stream<Arguments> names() {
        return Stream.of(
                Arguments.of("the first message, with its package", "syntax = \"proto3\";\npackage a.b;\nenum E { X = 0; }\nmessage First {}\nmessage Second {}\n", "a.b.First"),
                Arguments.of("a message without a package", "syntax = \"proto3\";\nmessage Only {}\n", "Only"),
                Arguments.of("the first enum when there is no message", "syntax = \"proto3\";\npackage p;\nenum Colour { RED = 0; }\n", "p.Colour"),
                Arguments.of("none when the file defines no type", "syntax = \"proto3\";\npackage p;\n", null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("names")
    void shouldBeNamedAfterItsFirstType(String description, String text, String name) throws InvalidSchemaException {
        assertThat(parse(text).name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"any", "api", "descriptor", "duration", "empty", "field_mask", "source_context", "struct",
            "timestamp", "type", "wrappers"})
    void shouldImportAWellKnownFileWithoutAReference(String file) throws InvalidSchemaException {
        String path = "google/protobuf/" + file + ".proto";

        ProtobufParsedSchema schema = parse("syntax = \"proto3\";\nimport \"" + path + "\";\nmessage M {}\n");

        assertThat(schema.dependencies()).containsKey(path);
        assertThat(schema.dependencies().get(path).getPackageName()).isEqualTo("google.protobuf");
        assertThat(schema.descriptor().getDependencies()).extracting(FileDescriptor::getName).containsExactly(path);
    }

    @Test
    void shouldUseWellKnownTypes() throws InvalidSchemaException {
        ProtobufParsedSchema schema = parse("""
                syntax = "proto3";
                import "google/protobuf/wrappers.proto";
                import "google/protobuf/struct.proto";
                message M { google.protobuf.Int64Value count = 1; google.protobuf.Struct extra = 2; }
                """);

        assertThat(schema.descriptor().findMessageTypeByName("M").findFieldByName("extra").getMessageType())
                .isEqualTo(com.google.protobuf.Struct.getDescriptor());
        assertThat(schema.dependencies()).containsOnlyKeys("google/protobuf/wrappers.proto", "google/protobuf/struct.proto");
    }

    @Test
    void shouldServeTheDescriptorItBuiltInSerializedForm() throws Exception {
        ProtobufParsedSchema schema = parse("""
                syntax = "proto2";
                package acme;
                import "google/protobuf/timestamp.proto";
                message Event {
                  required string id = 1;
                  optional google.protobuf.Timestamp at = 2;
                  map<string, Kind> tags = 3;
                  oneof source { string user = 4; int32 device = 5; }
                  optional Kind kind = 6 [default = OTHER];
                  enum Kind { OTHER = 0; CLICK = 1; }
                }
                """);

        FileDescriptorProto decoded = FileDescriptorProto.parseFrom(
                Base64.getDecoder().decode(schema.formatted(ProtobufParsedSchema.SERIALIZED)));

        assertThat(decoded).isEqualTo(schema.descriptor().toProto());
        assertThat(decoded.getName()).isEqualTo("default");
        assertThat(decoded.hasSyntax()).as("proto2 is the default, as protoc writes it").isFalse();
        FileDescriptorProto rebuilt = FileDescriptor.buildFrom(decoded,
                new FileDescriptor[] {com.google.protobuf.TimestampProto.getDescriptor()}).toProto();
        assertThat(rebuilt).as("the serialized form builds on its own").isEqualTo(decoded);
        List<FieldDescriptorProto> fields = decoded.getMessageType(0).getFieldList();
        assertThat(fields).extracting(FieldDescriptorProto::getTypeName)
                .containsExactly("", ".google.protobuf.Timestamp", ".acme.Event.TagsEntry", "", "", ".acme.Event.Kind");
        assertThat(fields.get(3).getOneofIndex()).isZero();
        assertThat(fields.get(5).getDefaultValue()).isEqualTo("OTHER");
        assertThat(decoded.getMessageType(0).getNestedType(0).getOptions().getMapEntry()).isTrue();
    }

    @Test
    void shouldGiveProto3OptionalFieldsASyntheticOneof() throws InvalidSchemaException {
        ProtobufParsedSchema schema = parse("syntax = \"proto3\";\nmessage M {\n  optional string nick = 1;\n}\n");

        FieldDescriptorProto nick = schema.descriptor().toProto().getMessageType(0).getField(0);
        assertThat(nick.getProto3Optional()).isTrue();
        assertThat(schema.descriptor().toProto().getMessageType(0).getOneofDecl(nick.getOneofIndex()).getName()).isEqualTo("_nick");
    }

    @Test
    void shouldLeaveCustomOptionsAndExtensionsOutWhenAskedTo() throws InvalidSchemaException {
        ProtobufParsedSchema schema = parse("""
                syntax = "proto2";
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { optional string pii = 50001; }
                message M {
                  extensions 100 to 199;
                  optional string email = 1 [(pii) = "yes", deprecated = true];
                }
                """);

        assertThat(schema.formatted(ProtobufParsedSchema.IGNORE_EXTENSIONS)).isEqualTo("""
                syntax = "proto2";

                import "google/protobuf/descriptor.proto";

                message M {
                  optional string email = 1 [deprecated = true];
                }
                """);
        assertThat(schema.formatted("no-such-format")).isEqualTo(schema.canonicalString());
    }

    @Test
    void shouldKeepTheImportsOfAStoredSchemaThatDoesNotBuild() throws InvalidSchemaException {
        ProtobufParsedSchema stored = provider.parse(
                "syntax = \"proto3\";\nimport \"google/protobuf/empty.proto\";\nmessage M { Missing m = 1; }\n",
                List.of(), List.of(), ParseOptions.STORED);

        assertThat(stored.dependencies()).containsOnlyKeys("google/protobuf/empty.proto");
        assertThat(stored.name()).isEqualTo("M");
    }

    @Test
    void shouldHandOutItsFileAsTheRawSchema() throws InvalidSchemaException {
        ProtobufParsedSchema schema = parse("syntax = \"proto3\";\npackage p;\nmessage M {}\n");

        assertThat(schema.type()).isEqualTo(SchemaType.PROTOBUF);
        assertThat(schema.rawSchema()).isSameAs(schema.file());
        assertThat(schema.file().getPackageName()).isEqualTo("p");
        assertThat(schema.dependencies()).isEmpty();
        assertThat(schema.references()).isEmpty();
    }
}
