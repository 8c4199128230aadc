package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import io.ferry.protobuf.KnownProtoFiles;
import io.ferry.registry.schema.InvalidSchemaException;
import io.ferry.registry.schema.ParseOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Every file of the shared catalogue is importable without a reference, as in Confluent Schema Registry, and its
 * text describes the same types as its descriptor.
 */
class ProtobufBuiltInImportsTest {

    private final ProtobufSchemaProvider provider = new ProtobufSchemaProvider();

    static List<String> knownPaths() {
        return List.copyOf(KnownProtoFiles.paths());
    }

    @ParameterizedTest
    @MethodSource("knownPaths")
    void shouldBuildTheCatalogueTextToTheCatalogueDescriptor(String path) throws InvalidSchemaException {
        ProtobufParsedSchema parsed = provider.parse(KnownProtoFiles.text(path).orElseThrow(), List.of(), List.of(), ParseOptions.NEW);
        FileDescriptor known = KnownProtoFiles.get(path);

        FileDescriptorProto fromText = parsed.descriptor().toProto().toBuilder().setName(path).build();
        assertThat(messageNames(fromText)).isEqualTo(messageNames(known.toProto()));
        for (int i = 0; i < known.getMessageTypes().size(); i++) {
            assertThat(fields(parsed.descriptor().getMessageTypes().get(i).getFields()))
                    .as("fields of %s", known.getMessageTypes().get(i).getFullName())
                    .isEqualTo(fields(known.getMessageTypes().get(i).getFields()));
        }
        assertThat(fields(parsed.descriptor().getExtensions())).isEqualTo(fields(known.getExtensions()));
        assertThat(parsed.descriptor().getPackage()).isEqualTo(known.getPackage());
    }

    @Test
    void shouldImportConfluentAndGoogleTypeFilesWithoutAReference() throws InvalidSchemaException {
        ProtobufParsedSchema schema = provider.parse("""
                syntax = "proto3";
                package acme;
                import "confluent/meta.proto";
                import "confluent/type/decimal.proto";
                import "google/type/date.proto";
                import "google/type/timeofday.proto";
                message Payment {
                  int32 small = 1 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int8" }] }];
                  confluent.type.Decimal amount = 2;
                  google.type.Date day = 3;
                  google.type.TimeOfDay at = 4;
                }
                """, List.of(), List.of(), ParseOptions.NEW);

        assertThat(schema.dependencies()).containsKeys(KnownProtoFiles.META, KnownProtoFiles.DECIMAL, KnownProtoFiles.DATE,
                KnownProtoFiles.TIME_OF_DAY);
        FieldDescriptor day = schema.descriptor().findMessageTypeByName("Payment").findFieldByName("day");
        assertThat(day.getMessageType()).as("the catalogue's own descriptor").isSameAs(
                KnownProtoFiles.get(KnownProtoFiles.DATE).findMessageTypeByName("Date"));
        assertThat(schema.descriptor().getDependencies()).contains(KnownProtoFiles.get(KnownProtoFiles.META));
    }

    private static List<String> messageNames(FileDescriptorProto file) {
        return file.getMessageTypeList().stream().map(message -> message.getName()).toList();
    }

    /** Name, number, type, label and type name: what the text and the descriptor must agree on. */
    private static List<String> fields(List<FieldDescriptor> fields) {
        return fields.stream().map(field -> field.getName() + "=" + field.getNumber() + " " + field.getType() + " "
                + field.isRepeated() + " " + (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        ? field.getMessageType().getFullName() : "")
                + (field.isExtension() ? " extends " + field.getContainingType().getFullName() : "")).toList();
    }
}
