package io.ferry.serde.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import com.google.protobuf.DescriptorProtos;
import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Label;
import com.google.protobuf.DescriptorProtos.FieldDescriptorProto.Type;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.StructProto;
import com.google.protobuf.TimestampProto;
import com.google.protobuf.WrappersProto;
import com.squareup.wire.schema.Location;
import com.squareup.wire.schema.internal.parser.ProtoFileElement;
import com.squareup.wire.schema.internal.parser.ProtoParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import io.ferry.protobuf.KnownProtoFiles;

/** Golden .proto texts for descriptors, each checked to parse with the parser the registry uses. */
class ProtoFilePrinterTest {

    static Stream<Arguments> files() {
        FileDescriptor proto2 = ProtoTestFiles.build(FileDescriptorProto.newBuilder().setName("legacy.proto").setPackage("legacy")
                .addMessageType(DescriptorProto.newBuilder().setName("Item")
                        .addField(ProtoTestFiles.field("name", 1, Type.TYPE_STRING).setLabel(Label.LABEL_REQUIRED))
                        .addField(ProtoTestFiles.field("size", 2, Type.TYPE_INT32).setDefaultValue("7"))
                        .addField(ProtoTestFiles.field("label", 3, Type.TYPE_STRING).setDefaultValue("a \"b\""))
                        .addField(ProtoTestFiles.field("tags", 4, Type.TYPE_INT32).setLabel(Label.LABEL_REPEATED)
                                .setOptions(DescriptorProtos.FieldOptions.newBuilder().setPacked(true)))
                        .addReservedRange(DescriptorProto.ReservedRange.newBuilder().setStart(10).setEnd(13))
                        .addReservedName("old"))
                .setOptions(DescriptorProtos.FileOptions.newBuilder().setJavaPackage("com.legacy").setJavaMultipleFiles(true))
                .build());
        FileDescriptor tagged = ProtoTestFiles.build(FileDescriptorProto.newBuilder().setName("tagged.proto").setSyntax("proto3")
                .addDependency(KnownProtoFiles.META)
                .addMessageType(DescriptorProto.newBuilder().setName("Small")
                        .addField(ProtoTestFiles.field("tiny", 1, Type.TYPE_INT32).setOptions(DescriptorProtos.FieldOptions.newBuilder()
                                .setUnknownFields(MetaOptions.withParams(java.util.Map.of("connect.type", "int8"))))))
                .build(), KnownProtoFiles.get(KnownProtoFiles.META));
        return Stream.of(
                Arguments.of("proto3 with imports, nested types, enum, map, oneof, optional", ProtoTestFiles.ORDERS,
                        ProtoTestFiles.ORDERS_TEXT),
                Arguments.of("proto2 with required, defaults, packed, reserved, file options", proto2, """
                        syntax = "proto2";
                        package legacy;

                        option java_package = "com.legacy";
                        option java_multiple_files = true;

                        message Item {
                          required string name = 1;
                          optional int32 size = 2 [default = 7];
                          optional string label = 3 [default = "a \\"b\\""];
                          repeated int32 tags = 4 [packed = true];
                          reserved 10 to 12;
                          reserved "old";
                        }
                        """),
                Arguments.of("Confluent's field_meta option", tagged, """
                        syntax = "proto3";

                        import "confluent/meta.proto";

                        message Small {
                          int32 tiny = 1 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int8" }] }];
                        }
                        """));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void shouldPrintTheProtoTextOfADescriptor(String name, FileDescriptor file, String text) {
        String printed = ProtoFilePrinter.print(file);

        assertThat(printed).isEqualTo(text);
        assertThat(parse(printed).getTypes()).hasSameSizeAs(file.getMessageTypes());
    }

    static Stream<FileDescriptor> wellKnownFiles() {
        return Stream.of(TimestampProto.getDescriptor(), WrappersProto.getDescriptor(), StructProto.getDescriptor(),
                DescriptorProtos.getDescriptor(), KnownProtoFiles.get(KnownProtoFiles.META), KnownProtoFiles.get(KnownProtoFiles.DECIMAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wellKnownFiles")
    void shouldPrintWellKnownFilesAsTextTheParserAccepts(FileDescriptor file) {
        ProtoFileElement parsed = parse(ProtoFilePrinter.print(file));

        assertThat(parsed.getPackageName()).isEqualTo(file.getPackage());
        assertThat(parsed.getTypes()).hasSize(file.getMessageTypes().size() + file.getEnumTypes().size());
    }

    @Test
    void shouldQuoteStringsWithTheEscapesProtocReads() {
        assertThat(ProtoFilePrinter.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
    }

    private static ProtoFileElement parse(String text) {
        return ProtoParser.Companion.parse(Location.get("test.proto"), text);
    }
}
