package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.DescriptorProtos.FileDescriptorProto;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.type.LatLng;
import com.google.type.Money;
import io.ferry.registry.api.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Protobuf schemas through the REST API, as Confluent's registry answers for them, on a registry with a local log. */
class ProtobufSchemaApiIT {
    @RegisterExtension
    static final RegistryFixture REGISTRY = RegistryFixture.local();

    private static final String ADDRESS = """
            syntax = "proto3";
            package acme;
            message Address {
              string street = 1;
              string city = 2;
            }
            """;

    private static final String CUSTOMER = """
            syntax = "proto3";
            package acme;
            import "acme/address.proto";
            import "google/protobuf/timestamp.proto";
            // A customer with a home address.
            message Customer {
              string name = 1;
              Address home = 2;
              google.protobuf.Timestamp since = 3;
            }
            """;

    private static RegistryHttp api() {
        return REGISTRY.api();
    }

    private static String subject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectNode protobuf(String schema) {
        return RegistryHttp.schemaRequest(schema).put("schemaType", "PROTOBUF");
    }

    private static Reply register(String subject, ObjectNode request) {
        return api().post("/subjects/" + encode(subject) + "/versions", request.toString());
    }

    /** Registers a schema that imports only built-in files, checks it got no references, and answers its serialized form. */
    private static FileDescriptorProto registerWithoutReferencesAndFetchSerialized(String name, String schema) throws Exception {
        Reply registered = register(subject(name), protobuf(schema));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int id = registered.json().path("id").asInt();
        assertThat(api().get("/schemas/ids/" + id).json().path("references").size()).isZero();

        Reply serialized = api().get("/schemas/ids/" + id + "?format=serialized");
        assertThat(serialized.status()).as(serialized.toString()).isEqualTo(200);
        return FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized.json().path("schema").asText()));
    }

    @Test
    void shouldRegisterAndAnswerWithTheCanonicalText() {
        String subject = subject("address");
        Reply registered = register(subject, protobuf("syntax = \"proto3\";\npackage acme;\n// where\nmessage Address { string street = 1; string city = 2; }\n"));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int id = registered.json().path("id").asInt();

        Reply version = api().get("/subjects/" + subject + "/versions/1");
        assertThat(version.json().path("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(version.json().path("schema").asText()).isEqualTo(ADDRESS.replace("package acme;\n", "package acme;\n\n"));
        Reply byId = api().get("/schemas/ids/" + id);
        assertThat(byId.json().path("schemaType").asText()).isEqualTo("PROTOBUF");
        assertThat(byId.json().path("schema").asText()).isEqualTo(version.json().path("schema").asText());

        Reply again = register(subject, protobuf(ADDRESS));
        assertThat(again.json().path("id").asInt()).as("the same schema written otherwise").isEqualTo(id);
        assertThat(api().get("/subjects/" + subject + "/versions").json()).hasSize(1);
        Reply lookup = api().post("/subjects/" + subject, protobuf(ADDRESS).toString());
        assertThat(lookup.status()).as(lookup.toString()).isEqualTo(200);
        assertThat(lookup.json().path("id").asInt()).isEqualTo(id);
        assertThat(lookup.json().path("version").asInt()).isEqualTo(1);
    }

    @Test
    void shouldResolveAnImportFromAnotherSubjectAndServeTheSerializedDescriptor() throws Exception {
        String addresses = subject("addresses");
        assertThat(register(addresses, protobuf(ADDRESS)).status()).isEqualTo(200);
        ObjectNode customer = protobuf(CUSTOMER);
        customer.putArray("references").addObject().put("name", "acme/address.proto").put("subject", addresses).put("version", 1);

        Reply registered = register(subject("customers"), customer);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int id = registered.json().path("id").asInt();
        assertThat(api().get("/schemas/ids/" + id).json().path("references").get(0).path("name").asText())
                .isEqualTo("acme/address.proto");

        Reply serialized = api().get("/schemas/ids/" + id + "?format=serialized");
        assertThat(serialized.status()).as(serialized.toString()).isEqualTo(200);
        FileDescriptorProto file = FileDescriptorProto.parseFrom(Base64.getDecoder().decode(serialized.json().path("schema").asText()));
        assertThat(file.getName()).isEqualTo("default");
        assertThat(file.getDependencyList()).containsExactly("acme/address.proto", "google/protobuf/timestamp.proto");
        assertThat(file.getMessageType(0).getField(1).getTypeName()).isEqualTo(".acme.Address");
    }

    @Test
    void shouldImportConfluentAndGoogleTypeFilesWithoutAReferenceAndServeTheirOptionsSerialized() throws Exception {
        String schema = """
                syntax = "proto3";
                package acme;
                import "confluent/meta.proto";
                import "google/type/date.proto";
                message Booking {
                  int32 seats = 1 [(confluent.field_meta) = { params: [{ key: "connect.type", value: "int16" }] }];
                  google.type.Date day = 2;
                }
                """;

        FileDescriptorProto file = registerWithoutReferencesAndFetchSerialized("bookings", schema);
        assertThat(file.getDependencyList()).containsExactly("confluent/meta.proto", "google/type/date.proto");
        assertThat(file.getMessageType(0).getField(1).getTypeName()).isEqualTo(".google.type.Date");
        var metaOption = file.getMessageType(0).getField(0).getOptions().getUnknownFields().getField(1088);
        assertThat(metaOption.getLengthDelimitedList()).as("confluent.field_meta, field 1088 of FieldOptions").hasSize(1);
        assertThat(metaOption.getLengthDelimitedList().get(0).toStringUtf8()).contains("connect.type").contains("int16");
    }

    @Test
    void shouldImportGoogleTypeFilesWithoutAReferenceAndServeASerializedFormThatBuildsOnGooglesDescriptors() throws Exception {
        String schema = """
                syntax = "proto3";
                package acme;
                import "google/type/money.proto";
                import "google/type/latlng.proto";
                message Shop {
                  google.type.Money price = 1;
                  google.type.LatLng where = 2;
                }
                """;

        FileDescriptorProto file = registerWithoutReferencesAndFetchSerialized("shops", schema);
        assertThat(file.getDependencyList()).containsExactly("google/type/money.proto", "google/type/latlng.proto");
        Descriptor shop = FileDescriptor.buildFrom(file, new FileDescriptor[] {Money.getDescriptor().getFile(),
                LatLng.getDescriptor().getFile()}).findMessageTypeByName("Shop");
        assertThat(shop.findFieldByName("price").getMessageType()).isSameAs(Money.getDescriptor());
        assertThat(shop.findFieldByName("where").getMessageType()).isSameAs(LatLng.getDescriptor());
    }

    @Test
    void shouldAcceptTheSerializedFormAndStoreItsText() {
        String text = subject("text");
        int textId = register(text, protobuf(ADDRESS)).json().path("id").asInt();
        String serialized = api().get("/schemas/ids/" + textId + "?format=serialized").json().path("schema").asText();

        String subject = subject("serialized");
        Reply registered = register(subject, protobuf(serialized));

        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(api().get("/subjects/" + subject + "/versions/1").json().path("schema").asText())
                .startsWith("syntax = \"proto3\";\npackage acme;\n\nmessage Address {\n  string street = 1;");
    }

    @Test
    void shouldStoreTheNormalFormWhenAskedAndFindItOnLookup() {
        String subject = subject("normal");
        String shuffled = "syntax = \"proto3\";\nmessage M {\n  string b = 2;\n  int32 a = 1;\n}\n";
        Reply registered = api().post("/subjects/" + subject + "/versions?normalize=true", protobuf(shuffled).toString());
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        assertThat(api().get("/subjects/" + subject + "/versions/1").json().path("schema").asText())
                .isEqualTo("syntax = \"proto3\";\n\nmessage M {\n  int32 a = 1;\n  string b = 2;\n}\n");
        Reply lookup = api().post("/subjects/" + subject + "?normalize=true", protobuf(shuffled).toString());
        assertThat(lookup.json().path("version").asInt()).isEqualTo(1);
    }

    static Stream<Arguments> invalidSchemas() {
        return Stream.of(
                Arguments.of("a syntax error", "syntax = \"proto3\";\nmessage M {\n  int32 a = 1\n}\n", null,
                        "Could not parse Protobuf - Syntax error in :4:2: expected ';' but was '}'"),
                Arguments.of("a field of an unknown type", "syntax = \"proto3\";\nmessage M {\n  Missing a = 1;\n}\n", null,
                        "M.a: \"Missing\" is not defined."),
                Arguments.of("an import without a reference", CUSTOMER, null,
                        "Import \"acme/address.proto\" is neither a schema reference nor a well-known type"),
                Arguments.of("a reference to a version that does not exist", CUSTOMER, "nowhere",
                        "No schema reference found for subject \"nowhere\" and version 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSchemas")
    void shouldRejectAnInvalidSchemaAndStoreNothing(String description, String schema, String referencedSubject, String message) {
        String subject = subject("invalid");
        ObjectNode request = protobuf(schema);
        if (referencedSubject != null) {
            request.putArray("references").addObject().put("name", "acme/address.proto").put("subject", referencedSubject).put("version", 1);
        }

        Reply refused = register(subject, request);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
        assertThat(refused.message()).startsWith("Invalid schema of type PROTOBUF, details: ").contains(message);
        assertThat(api().get("/subjects/" + subject + "/versions").status()).isEqualTo(404);
    }
}
