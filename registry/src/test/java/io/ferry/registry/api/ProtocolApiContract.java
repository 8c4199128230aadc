package io.ferry.registry.api;

import static io.ferry.registry.api.RegistryHttp.schemaBody;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import io.ferry.registry.api.RegistryHttp.Reply;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The protocol around the operations: content types, the error body for every kind of bad input
 * (and that bad input changes nothing), the server's own endpoints.
 */
abstract class ProtocolApiContract {

    abstract RegistryHttp api();

    static String subject(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** What the registry holds, to show a refused request changed nothing. */
    private String state() {
        return api().get("/schemas?deleted=true").body() + api().get("/subjects?deleted=true").body()
                + api().get("/schemas/ids/1?fetchMaxId=true").body();
    }

    @Test
    void shouldAnswerTheServersOwnEndpoints() {
        assertThat(api().get("/").json().toString()).isEqualTo("{}");
        assertThat(api().get("/schemas/types").json().toString()).contains("AVRO");
        assertThat(api().get("/contexts").json().toString()).isEqualTo("[\".\"]");
        Reply metadata = api().get("/v1/metadata/id");
        assertThat(metadata.json().path("scope").path("clusters").path("schema-registry-cluster").asText()).isNotBlank();
        Reply health = api().get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        Reply metrics = api().get("/metrics");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("ferry_registry_max_id").contains("http_server_requests_seconds");
    }

    @Test
    void shouldAnswerUnknownPathsAndAssociationsWithAJson404() {
        for (String path : List.of("/no/such/path", "/associations/resources/lkc-1/orders?resourceType=topic")) {
            Reply reply = api().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().toString()).as(path).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
    }

    @Test
    void shouldAnswerAWrongMethodWith405() {
        Reply reply = api().send("PATCH", "/subjects", "{}", RegistryHttp.V1);
        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.errorCode()).isEqualTo(405);
    }

    @Test
    void shouldNegotiateTheResponseType() {
        assertThat(api().send("GET", "/subjects", null, null, null).contentType()).isEqualTo(RegistryHttp.V1);
        assertThat(api().send("GET", "/subjects", null, null, "application/json").contentType()).isEqualTo("application/json");
        assertThat(api().send("GET", "/subjects", null, null, "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json, "
                + "application/json").contentType()).isEqualTo(RegistryHttp.V1);
        Reply refused = api().send("GET", "/subjects", null, null, "text/html");
        assertThat(refused.status()).isEqualTo(406);
    }

    @Test
    void shouldReadEveryJsonContentTypeAndRefuseOthersWith415() {
        for (String type : List.of("application/json", "application/vnd.schemaregistry+json", "application/vnd.schemaregistry.v1+json; charset=utf-8",
                "application/octet-stream")) {
            Reply reply = api().send("POST", "/subjects/" + subject("types") + "/versions", schemaBody("\"int\""), type);
            assertThat(reply.status()).as(type).isEqualTo(200);
        }
        Reply refused = api().send("POST", "/subjects/" + subject("types") + "/versions", schemaBody("\"int\""), "text/plain");
        assertThat(refused.status()).isEqualTo(415);
        assertThat(refused.json().toString()).isEqualTo("{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}");
    }

    @Test
    void shouldRefuseMalformedJsonWith400AndChangeNothing() {
        String before = state();
        String subject = subject("malformed");
        for (String body : List.of("{\"schema\":", "not json", "{\"schema\": {\"type\":\"int\"}}", "[1,2]")) {
            Reply reply = api().post("/subjects/" + subject + "/versions", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.errorCode()).as(body).isEqualTo(400);
            assertThat(reply.message()).as(body).isNotBlank();
        }
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAMissingBodyWith422() {
        Reply reply = api().send("POST", "/subjects/" + subject("empty") + "/versions", "", RegistryHttp.V1);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(422);
        assertThat(reply.message()).isEqualTo("register.arg4 must not be null (was null)");
        assertThat(api().post("/subjects/" + subject("empty") + "/versions", "null").errorCode()).isEqualTo(422);
    }

    @Test
    void shouldRefuseInvalidSchemasWith42201AndChangeNothing() {
        String before = state();
        String subject = subject("invalid");
        Reply avro = api().post("/subjects/" + subject + "/versions", schemaBody("{\"type\":\"record\",\"name\":\"R\",\"fields\":[{\"name\":\"a\"}]}"));
        assertThat(avro.status()).isEqualTo(422);
        assertThat(avro.errorCode()).isEqualTo(42201);
        assertThat(avro.message()).startsWith("Invalid schema of type AVRO, details: ");

        Reply type = api().post("/subjects/" + subject + "/versions", "{\"schema\":\"\\\"int\\\"\",\"schemaType\":\"XML\"}");
        assertThat(type.errorCode()).isEqualTo(42201);
        assertThat(type.message()).isEqualTo("Invalid schema type XML");

        Reply empty = api().post("/subjects/" + subject + "/versions", "{\"schemaType\":\"AVRO\"}");
        assertThat(empty.errorCode()).isEqualTo(42201);
        assertThat(empty.message()).isEqualTo("Empty schema");

        Reply notJson = api().post("/subjects/" + subject + "/versions", schemaBody("{not json"));
        assertThat(notJson.errorCode()).isEqualTo(42201);
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void shouldRefuseAnInvalidSubjectName() {
        Reply reply = api().post("/subjects/bad%01subject/versions", schemaBody("\"int\""));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.errorCode()).isEqualTo(42208);
    }

    /**
     * Repeated: the server refuses the 20 MiB body by its declared length, and unless it reads the body before it
     * answers, the connection reset reaches the client first in about one upload of three.
     */
    @RepeatedTest(5)
    void shouldRefuseAnOversizedBodyWith413AndAnOversizedSchemaWith42209() {
        String before = state();
        String huge = "x".repeat(20 * 1024 * 1024);
        Reply body = api().post("/subjects/" + subject("huge") + "/versions", schemaBody(huge));
        assertThat(body.status()).isEqualTo(413);
        assertThat(body.errorCode()).isEqualTo(413);

        String largeSchema = "{\"type\":\"record\",\"name\":\"Big\",\"doc\":\"" + "d".repeat(1_100_000) + "\",\"fields\":[]}";
        Reply schema = api().post("/subjects/" + subject("large") + "/versions", schemaBody(largeSchema));
        assertThat(schema.status()).isEqualTo(422);
        assertThat(schema.errorCode()).isEqualTo(42209);
        assertThat(schema.message()).isEqualTo("Register operation failed because schema is too large");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void shouldTreatUnparseableNumbersInQueriesAsUnknownRoutes() {
        assertThat(api().get("/schemas?offset=x").status()).isEqualTo(404);
        assertThat(api().get("/subjects?deleted=maybe").status()).as("a boolean that is not true is false").isEqualTo(200);
    }

    @Test
    void shouldAcceptSubjectsWithSpecialCharacters() {
        String subject = "orders/v1:value with space " + UUID.randomUUID();
        String path = "/subjects/" + RegistryHttp.encode(subject);
        assertThat(api().post(path + "/versions", schemaBody("\"int\"")).status()).isEqualTo(200);
        assertThat(api().get(path + "/versions/1").json().path("subject").asText()).isEqualTo(subject);
    }
}
