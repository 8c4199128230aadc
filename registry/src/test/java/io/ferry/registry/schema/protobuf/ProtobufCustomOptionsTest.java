package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;

import com.google.protobuf.DescriptorProtos.DescriptorProto;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.ExtensionRegistry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import io.ferry.registry.schema.ResolvedReference;
import io.ferry.registry.schema.SchemaReference;
import org.junit.jupiter.api.Test;

/** The serialized descriptor keeps custom options as extension fields of the options messages, as protoc writes them. */
class ProtobufCustomOptionsTest {

    private static final String META_SCHEMA = """
            syntax = "proto3";
            package acme;
            import "confluent/meta.proto";
            message Reading {
              option (confluent.message_meta) = { doc: "a sensor reading" };
              int32 small = 1 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int8" }] }];
              bytes amount = 2 [(confluent.field_meta).params = { key: "scale", value: "2" }, deprecated = true];
              int32 plain = 3;
            }
            """;

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    @Test
    void shouldKeepConfluentMetaOptionsInTheSerializedDescriptor() throws Exception {
        FileDescriptorProto served = serialized(provider.parse(META_SCHEMA, List.of(), List.of(), ParseOptions.NEW));
        DescriptorProto reading = served.getMessageType(0);

        assertThat(meta(reading.getField(0).getOptions().getUnknownFields())).contains("key: \"connect.type\"")
                .contains("value: \"int8\"");
        assertThat(meta(reading.getField(1).getOptions().getUnknownFields())).contains("key: \"scale\"").contains("value: \"2\"");
        assertThat(reading.getField(1).getOptions().getDeprecated()).as("standard options stay").isTrue();
        assertThat(meta(reading.getOptions().getUnknownFields())).contains("doc: \"a sensor reading\"");
        assertThat(reading.getField(2).hasOptions()).isFalse();
    }

    @Test
    void shouldReadConfluentMetaOptionsBackFromASerializedDescriptor() throws Exception {
        ProtobufParsedSchema text = provider.parse(META_SCHEMA, List.of(), List.of(), ParseOptions.NEW);
        String base64 = text.formatted(ProtobufParsedSchema.SERIALIZED);

        ProtobufParsedSchema fromDescriptor = provider.parse(base64, List.of(), List.of(), ParseOptions.NEW);

        assertThat(fromDescriptor.canonicalString()).contains("(confluent.field_meta)").contains("\"connect.type\"")
                .contains("(confluent.message_meta)").contains("\"a sensor reading\"");
        assertThat(serialized(fromDescriptor)).as("the same descriptor again").isEqualTo(serialized(text));
    }

    @Test
    void shouldNotReadAnUnknownFieldAsMetaWithoutTheImport() throws Exception {
        FileDescriptorProto served = serialized(provider.parse(META_SCHEMA, List.of(), List.of(), ParseOptions.NEW));
        FileDescriptorProto withoutImport = served.toBuilder().clearDependency()
                .setMessageType(0, served.getMessageType(0).toBuilder().clearField().addField(served.getMessageType(0).getField(0)))
                .build();

        ProtobufParsedSchema read = provider.parse(Base64.getEncoder().encodeToString(withoutImport.toByteArray()),
                List.of(), List.of(), ParseOptions.NEW);

        assertThat(read.canonicalString()).doesNotContain("confluent.");
    }

    @Test
    void shouldKeepOptionsOfAnExtensionDefinedInAReferencedFile() throws Exception {
        SchemaReference ref = new SchemaReference("acme/options.proto", "options", 1);
        String options = """
                syntax = "proto2";
                package acme.opts;
                import "google/protobuf/descriptor.proto";
                extend google.protobuf.FieldOptions { optional int32 width = 50001; optional string label = 50002; }
                """;
        ProtobufParsedSchema schema = provider.parse("""
                syntax = "proto3";
                package acme.opts;
                import "acme/options.proto";
                message Row { string name = 1 [(width) = 12, (acme.opts.label) = "Name"]; }
                """, List.of(ref), List.of(new ResolvedReference(ref, options)), ParseOptions.NEW);

        FileDescriptorProto served = serialized(schema);
        FileDescriptor optionsFile = schema.descriptor().getDependencies().get(0);
        ExtensionRegistry registry = ExtensionRegistry.newInstance();
        optionsFile.getExtensions().forEach(registry::add);
        DynamicMessage fieldOptions = DynamicMessage.parseFrom(com.google.protobuf.DescriptorProtos.FieldOptions.getDescriptor(),
                served.getMessageType(0).getField(0).getOptions().toByteString(), registry);

        assertThat(fieldOptions.getField(optionsFile.findExtensionByName("width"))).isEqualTo(12);
        assertThat(fieldOptions.getField(optionsFile.findExtensionByName("label"))).isEqualTo("Name");
    }

    @Test
    void shouldLeaveOutACustomOptionWhoseExtensionIsUnknown() throws Exception {
        FileDescriptorProto served = serialized(provider.parse("""
                syntax = "proto3";
                message Row { string name = 1 [(nowhere.width) = 12]; }
                """, List.of(), List.of(), ParseOptions.NEW));

        assertThat(served.getMessageType(0).getField(0).getOptions().getUnknownFields().asMap()).isEmpty();
    }

    private static FileDescriptorProto serialized(ProtobufParsedSchema schema) throws InvalidProtocolBufferException {
        return FileDescriptorProto.parseFrom(Base64.getDecoder().decode(schema.formatted(ProtobufParsedSchema.SERIALIZED)));
    }

    /** The Meta option held in field 1088, as text; empty when there is none. */
    private static String meta(UnknownFieldSet unknown) throws InvalidProtocolBufferException {
        UnknownFieldSet.Field field = unknown.getField(KnownProtoFiles.META_OPTION);
        if (field == null || field.getLengthDelimitedList().isEmpty()) {
            return "";
        }
        Descriptor meta = KnownProtoFiles.get(KnownProtoFiles.META).findMessageTypeByName("Meta");
        DynamicMessage.Builder merged = DynamicMessage.newBuilder(meta);
        for (var bytes : field.getLengthDelimitedList()) {
            merged.mergeFrom(bytes);
        }
        return merged.build().toString();
    }
}
