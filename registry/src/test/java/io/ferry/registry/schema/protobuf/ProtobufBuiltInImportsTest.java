package io.ferry.registry.schema.protobuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.type.DayOfWeek;
import com.google.type.LatLng;
import com.google.type.Money;
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

        assertThat(types(parsed.descriptor().getMessageTypes(), parsed.descriptor().getEnumTypes()))
                .isEqualTo(types(known.getMessageTypes(), known.getEnumTypes()));
        assertThat(fields(parsed.descriptor().getExtensions())).isEqualTo(fields(known.getExtensions()));
        assertThat(parsed.descriptor().getPackage()).isEqualTo(known.getPackage());
        assertThat(parsed.descriptor().getDependencies()).extracting(FileDescriptor::getName)
                .isEqualTo(known.getDependencies().stream().map(FileDescriptor::getName).toList());
    }

    @Test
    void shouldImportGoogleTypeFilesWithoutAReference() throws InvalidSchemaException {
        ProtobufParsedSchema schema = provider.parse("""
                syntax = "proto3";
                package acme;
                import "google/type/money.proto";
                import "google/type/latlng.proto";
                import "google/type/color.proto";
                import "google/type/dayofweek.proto";
                import "google/type/postal_address.proto";
                message Shop {
                  google.type.Money price = 1;
                  google.type.LatLng where = 2;
                  google.type.Color sign = 3;
                  google.type.DayOfWeek closed_on = 4;
                  google.type.PostalAddress address = 5;
                }
                """, List.of(), List.of(), ParseOptions.NEW);

        assertThat(schema.dependencies()).containsKeys("google/type/money.proto", "google/type/latlng.proto",
                "google/type/color.proto", "google/type/dayofweek.proto", "google/type/postal_address.proto");
        Descriptor shop = schema.descriptor().findMessageTypeByName("Shop");
        assertThat(shop.findFieldByName("price").getMessageType()).as("Google's own descriptor").isSameAs(Money.getDescriptor());
        assertThat(shop.findFieldByName("where").getMessageType()).isSameAs(LatLng.getDescriptor());
        assertThat(shop.findFieldByName("closed_on").getEnumType()).isSameAs(DayOfWeek.getDescriptor());
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

    /** Every message (with its fields) and enum (with its values), nested ones included, in declaration order. */
    private static List<String> types(List<Descriptor> messages, List<EnumDescriptor> enums) {
        List<String> out = new ArrayList<>();
        for (Descriptor message : messages) {
            out.add("message " + message.getFullName() + " " + fields(message.getFields()));
            out.addAll(types(message.getNestedTypes(), message.getEnumTypes()));
        }
        for (EnumDescriptor type : enums) {
            out.add("enum " + type.getFullName() + " "
                    + type.getValues().stream().map(value -> value.getName() + "=" + value.getNumber()).toList());
        }
        return out;
    }

    /** Name, number, type, label and type name: what the text and the descriptor must agree on. */
    private static List<String> fields(List<FieldDescriptor> fields) {
        return fields.stream().map(field -> field.getName() + "=" + field.getNumber() + " " + field.getType() + " "
                + field.isRepeated() + " " + (field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                        ? field.getMessageType().getFullName() : "")
                + (field.isExtension() ? " extends " + field.getContainingType().getFullName() : "")).toList();
    }
}
