package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.encode;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ferry.registry.api.RegistryHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON Schemas through the REST API ({@code schemaType: JSON}): registration, reads, lookups,
 * {@code normalize=true}, references and refusals, as Confluent's registry answers them.
 */
abstract class JsonSchemaApiContract {

    private static final String ORDER = "{\n  \"title\": \"Order\",\n  \"type\": \"object\",\n"
            + "  \"properties\": { \"id\": { \"type\": \"integer\" }, \"note\": { \"type\": \"string\" } }\n}";
    private static final String ORDER_CANONICAL =
            "{\"title\":\"Order\",\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"note\":{\"type\":\"string\"}}}";

    abstract RegistryHttp api();

    static String subject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static ObjectNode jsonRequest(String schema) {
        return RegistryHttp.schemaRequest(schema).put("schemaType", "JSON");
    }

    private Reply register(String subject, ObjectNode request) {
        return api().post("/subjects/" + encode(subject) + "/versions", request.toString());
    }

    @Test
    void shouldRegisterAJsonSchemaAndServeItsCanonicalTextByIdAndVersion() {
        String subject = subject("json-order");
        Reply registered = register(subject, jsonRequest(ORDER));
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int id = registered.json().path("id").asInt();

        Reply byId = api().get("/schemas/ids/" + id);
        assertThat(byId.status()).isEqualTo(200);
        assertThat(byId.json().path("schemaType").asText()).isEqualTo("JSON");
        assertThat(byId.json().path("schema").asText()).isEqualTo(ORDER_CANONICAL);

        Reply version = api().get("/subjects/" + encode(subject) + "/versions/1");
        assertThat(version.json().path("schemaType").asText()).isEqualTo("JSON");
        assertThat(version.json().path("id").asInt()).isEqualTo(id);
        assertThat(version.json().path("schema").asText()).isEqualTo(ORDER_CANONICAL);
    }

    @Test
    void shouldGiveTheSameIdWhenTheSameSchemaIsRegisteredAgainAndFindItOnLookup() {
        String subject = subject("json-again");
        int first = register(subject, jsonRequest(ORDER)).json().path("id").asInt();

        Reply again = register(subject, jsonRequest(ORDER_CANONICAL));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().path("id").asInt()).isEqualTo(first);
        assertThat(api().get("/subjects/" + encode(subject) + "/versions").json().toString()).isEqualTo("[1]");

        Reply found = api().post("/subjects/" + encode(subject), jsonRequest(ORDER).toString());
        assertThat(found.status()).as(found.toString()).isEqualTo(200);
        assertThat(found.json().path("id").asInt()).isEqualTo(first);
        assertThat(found.json().path("version").asInt()).isEqualTo(1);
        assertThat(found.json().path("schemaType").asText()).isEqualTo("JSON");
    }

    @Test
    void shouldRegisterANewVersionUnderCompatibilityNone() {
        String subject = subject("json-none");
        api().put("/config/" + encode(subject), "{\"compatibility\":\"NONE\"}");
        register(subject, jsonRequest(ORDER));

        Reply second = register(subject, jsonRequest("{\"title\":\"Order\",\"type\":\"string\"}"));

        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().path("version").asInt()).isEqualTo(2);
    }

    @Test
    void shouldNotMistakeAJsonSchemaForTheSameTextInAvro() {
        String subject = subject("json-vs-avro");
        Reply json = register(subject, jsonRequest("{\"type\":\"string\"}"));
        assertThat(json.status()).as(json.toString()).isEqualTo(200);

        Reply avroLookup = api().post("/subjects/" + encode(subject), RegistryHttp.schemaBody("{\"type\":\"string\"}"));
        assertThat(avroLookup.errorCode()).isEqualTo(40403);
    }

    @Test
    void shouldStoreTheNormalFormWhenAskedSoKeyOrderDoesNotMatter() {
        String subject = subject("json-normalize");
        String oneOrder = "{\"type\":\"object\",\"properties\":{\"b\":{\"type\":\"string\"},\"a\":{\"type\":\"integer\"}}}";
        String otherOrder = "{\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}";
        String normal = "{\"properties\":{\"a\":{\"type\":\"integer\"},\"b\":{\"type\":\"string\"}},\"type\":\"object\"}";

        Reply first = api().post("/subjects/" + encode(subject) + "/versions?normalize=true", jsonRequest(oneOrder).toString());
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        int id = first.json().path("id").asInt();
        assertThat(api().get("/schemas/ids/" + id).json().path("schema").asText()).isEqualTo(normal);

        Reply second = api().post("/subjects/" + encode(subject) + "/versions?normalize=true", jsonRequest(otherOrder).toString());
        assertThat(second.json().path("id").asInt()).isEqualTo(id);
        Reply lookup = api().post("/subjects/" + encode(subject) + "?normalize=true", jsonRequest(oneOrder).toString());
        assertThat(lookup.json().path("version").asInt()).isEqualTo(1);
        assertThat(api().get("/subjects/" + encode(subject) + "/versions").json().toString()).isEqualTo("[1]");
    }

    @Test
    void shouldResolveRefsIntoReferencedSubjectsTransitively() {
        String country = subject("json-country");
        String address = subject("json-address");
        String customer = subject("json-customer");
        assertThat(register(country, jsonRequest("{\"type\":\"string\",\"enum\":[\"NL\",\"FR\"]}")).status()).isEqualTo(200);
        ObjectNode addressRequest = jsonRequest("{\"type\":\"object\",\"properties\":{\"country\":{\"$ref\":\"country.json\"}},"
                + "\"definitions\":{\"street\":{\"type\":\"string\"}}}");
        addressRequest.putArray("references").addObject().put("name", "country.json").put("subject", country).put("version", 1);
        Reply addressReply = register(address, addressRequest);
        assertThat(addressReply.status()).as(addressReply.toString()).isEqualTo(200);
        int addressId = addressReply.json().path("id").asInt();

        ObjectNode customerRequest = jsonRequest("{\"type\":\"object\",\"properties\":{\"home\":{\"$ref\":\"address.json\"},"
                + "\"street\":{\"$ref\":\"address.json#/definitions/street\"}}}");
        customerRequest.putArray("references").addObject().put("name", "address.json").put("subject", address).put("version", -1);
        Reply registered = register(customer, customerRequest);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(200);
        int customerId = registered.json().path("id").asInt();

        Reply byId = api().get("/schemas/ids/" + customerId);
        assertThat(byId.json().path("references").toString())
                .isEqualTo("[{\"name\":\"address.json\",\"subject\":\"" + address + "\",\"version\":1}]");
        assertThat(api().get("/subjects/" + encode(address) + "/versions/1/referencedby").json().toString())
                .isEqualTo("[" + customerId + "]");
        assertThat(addressId).isNotEqualTo(customerId);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                Arguments.of("a syntax error", "{\"type\": \"object\",}",
                        "Invalid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name "
                                + "(line 1, column 19)"),
                Arguments.of("a schema its draft's meta-schema rejects",
                        "{\"$schema\":\"http://json-schema.org/draft-04/schema#\",\"type\":\"object\",\"required\":[]}",
                        "Not a valid draft-04 JSON Schema: #/required: must have at least 1 items but found 0"),
                Arguments.of("a $ref that does not resolve", "{\"properties\":{\"a\":{\"$ref\":\"#/definitions/a\"}}}",
                        "Reference /definitions/a cannot be resolved"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void shouldRefuseAnInvalidSchemaWith42201AndStoreNothing(String description, String schema, String message) {
        String subject = subject("json-refused");
        Reply refused = register(subject, jsonRequest(schema));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
        assertThat(refused.message()).isEqualTo("Invalid schema of type JSON, details: " + message);
        assertThat(api().get("/subjects/" + encode(subject) + "/versions").errorCode()).isEqualTo(40401);
    }

    @Test
    void shouldRefuseAMissingReferenceWith42201AndStoreNothing() {
        String subject = subject("json-missing-ref");
        String nowhere = subject("json-nowhere");
        ObjectNode request = jsonRequest("{\"$ref\":\"address.json\"}");
        request.putArray("references").addObject().put("name", "address.json").put("subject", nowhere).put("version", 2);

        Reply refused = register(subject, request);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.errorCode()).isEqualTo(42201);
        assertThat(refused.message()).isEqualTo("Invalid schema of type JSON, details: "
                + "No schema reference found for subject \"" + nowhere + "\" and version 2");
        assertThat(api().get("/subjects/" + encode(subject) + "/versions").errorCode()).isEqualTo(40401);
    }
}
