package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.testplugins.InventoryResource;
import io.ferry.connect.testplugins.InventoryResource.Item;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JAX-RS resources of a REST extension ({@link InventoryResource}) served over HTTP next to Ferry's
 * routes: one table of requests, each with the status and body JAX-RS gives it — matching, parameter
 * binding, content negotiation, return values and failures.
 */
class RestExtensionResourcesApiTest {

    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension()
            .restExtensions("InventoryRestExtension");

    @BeforeEach
    void stock() {
        InventoryResource.ITEMS.clear();
        InventoryResource.ITEMS.put("bolt", new Item("bolt", "Bolt", 5));
        InventoryResource.ITEMS.put("nut", new Item("nut", "Nut", 7));
    }

    /**
     * A request and what must answer it; a body expected starting with {@code {} or {@code [} is compared as JSON.
     *
     * @param headers pairs of header names and values
     */
    record Case(String name, String method, String path, String contentType, String accept, String body, String[] headers,
                int status, String expectedBody) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case call(String name, String method, String path, int status, String expectedBody) {
        return new Case(name, method, path, null, null, null, new String[0], status, expectedBody);
    }

    private static Case call(String name, String method, String path, String contentType, String accept, String body, int status, String expectedBody,
                             String... headers) {
        return new Case(name, method, path, contentType, accept, body, headers, status, expectedBody);
    }

    private static final String BOLT = "{\"id\":\"bolt\",\"name\":\"Bolt\",\"quantity\":5}";
    private static final String NUT = "{\"id\":\"nut\",\"name\":\"Nut\",\"quantity\":7}";
    /** Both items, as listed. */
    private static final String STOCK = "[" + BOLT + "," + NUT + "]";

    static Stream<Case> requests() {
        String json = "application/json";
        return Stream.of(
                call("list with query defaults", "GET", "/inventory/items", 200,
                        STOCK),
                call("query parameters converted", "GET", "/inventory/items?prefix=n&limit=5", 200, "[" + NUT + "]"),
                call("query parameter that does not convert", "GET", "/inventory/items?limit=many", 404,
                        "{\"error_code\":404,\"message\":\"Invalid query parameter limit: 'many' is not a valid Integer: For input string: \\\"many\\\"\"}"),
                call("primitive query parameter sent empty takes its default", "GET", "/inventory/items?prefix=n&limit=", 200,
                        "[" + NUT + "]"),
                call("matrix parameters ignored by matching", "GET", "/inventory/items;page=2", 200,
                        STOCK),
                call("matrix parameters not in a path parameter", "GET", "/inventory/items/bolt;v=2", 200, BOLT),
                call("default variables bind the shortest match", "GET", "/inventory/ranges/a-b-c", 200, "{\"from\":\"a\",\"to\":\"b-c\"}"),
                call("literal template text sent encoded", "GET", "/inventory/odds%20and%20ends/caf%C3%A9", 200, "{\"odds\":\"ends\"}"),
                call("path parameter", "GET", "/inventory/items/bolt", 200, BOLT),
                call("NotFoundException thrown", "GET", "/inventory/items/washer", 404, "{\"error_code\":404,\"message\":\"No item washer\"}"),
                call("encoded path parameter", "GET", "/inventory/numbers/two%20words", 200, "{\"word\":\"two words\"}"),
                call("regex template preferred", "GET", "/inventory/numbers/21", 200, "{\"twice\":42}"),
                call("enum path parameter", "GET", "/inventory/levels/HIGH", 200, "{\"level\":\"HIGH\"}"),
                call("enum path parameter unknown", "GET", "/inventory/levels/MEDIUM", 404, null),
                call("repeated query parameter as a list", "GET", "/inventory/tags?tag=a&tag=b%26c", 200, "[\"a\",\"b&c\"]"),
                call("absent list query parameter", "GET", "/inventory/tags", 200, "[]"),
                call("headers and contexts", "GET", "/inventory/who", null, json, null, 200,
                        "{\"client\":\"acme\",\"attempt\":3,\"accept\":\"application/json\",\"method\":\"GET\",\"secure\":false,\"path\":\"inventory/who\"}",
                        "X-Client", "acme", "X-Attempt", "3"),
                call("header default", "GET", "/inventory/who", null, json, null, 200,
                        "{\"client\":\"anonymous\",\"attempt\":null,\"accept\":\"application/json\",\"method\":\"GET\",\"secure\":false,\"path\":\"inventory/who\"}"),
                call("header that does not convert", "GET", "/inventory/who", null, null, null, 400, null, "X-Attempt", "third"),
                call("JSON entity", "PUT", "/inventory/items/nut", json, null, "{\"id\":\"x\",\"name\":\"Hex nut\",\"quantity\":9}", 200,
                        "{\"id\":\"nut\",\"name\":\"Hex nut\",\"quantity\":9}"),
                call("literal template takes the path from a variable one, whatever the method", "GET", "/inventory/items/new", 405,
                        "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}"),
                call("literal template with its own method", "POST", "/inventory/items/new", 200, "{\"reserved\":\"new\"}"),
                call("regex template takes the path from a plain one, whatever the method", "DELETE", "/inventory/numbers/21", 405,
                        "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}"),
                call("plain template where the regex one does not match", "DELETE", "/inventory/numbers/ten", 204, ""),
                call("path under a resource that no template matches", "PUT", "/inventory/items/a.b/c", json, null, "{}", 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"),
                call("entity that is not valid JSON", "PUT", "/inventory/items/nut", json, null, "{\"quantity\":", 400, null),
                call("entity that is not JSON at all", "PUT", "/inventory/items/nut", "text/csv", null, "nut,9", 415, null),
                call("text entity", "PATCH", "/inventory/items/bolt/quantity", "text/plain", null, "-2", 200, "{\"id\":\"bolt\",\"name\":\"Bolt\",\"quantity\":3}"),
                call("text entity refused as JSON", "PATCH", "/inventory/items/bolt/quantity", json, null, "-2", 415,
                        "{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}"),
                call("byte[] entity, text answer", "POST", "/inventory/echo", "text/plain", "text/plain", "one two three", 200, "three two one"),
                call("answer the client does not accept", "POST", "/inventory/echo", "text/plain", "application/json", "x", 406,
                        "{\"error_code\":406,\"message\":\"HTTP 406 Not Acceptable\"}"),
                call("String as text by preference", "GET", "/inventory/items/nut/name", null, "text/plain", null, 200, "Nut"),
                call("StreamingOutput written", "GET", "/inventory/export", 200, "bolt,5\nnut,7\n"),
                call("WebApplicationException thrown by a StreamingOutput", "GET", "/inventory/export?refuse=true", 409,
                        "{\"error_code\":409,\"message\":\"The export is refused\"}"),
                call("GenericEntity unwrapped", "GET", "/inventory/generic", 200,
                        STOCK),
                call("method of the resource's own @HttpMethod", "REPORT", "/inventory/items", 200, "{\"count\":2}"),
                call("void", "DELETE", "/inventory/items/nut", 204, ""),
                call("method no resource declares", "DELETE", "/inventory/items", 405, "{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}"),
                call("path no resource declares", "GET", "/inventory/nothing/here", 404, "{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}"),
                call("WebApplicationException with a response", "GET", "/inventory/teapot", 418, "{\"teapot\":true}"),
                call("WebApplicationException with a status", "GET", "/inventory/gone", 410, "{\"error_code\":410,\"message\":\"The gone item is gone\"}"),
                call("any other exception", "GET", "/inventory/fire", 500, "{\"error_code\":500,\"message\":\"The inventory is on fire\"}"),
                call("declared OPTIONS", "OPTIONS", "/inventory/echo", 200, ""),
                call("exception mapped by the mapper of its superclass", "GET", "/inventory/failures/connect", 422,
                        "{\"mapped\":\"ConnectException\",\"message\":\"The inventory is unreachable\"}"),
                call("exception mapped by the mapper of its own class, not its superclass's", "GET", "/inventory/failures/shortage", 409,
                        "{\"mapped\":\"Shortage\",\"message\":\"Only 5 bolts left\"}"),
                call("exception mapped by the mapper of its nearest superclass", "GET", "/inventory/failures/backorder", 409,
                        "{\"mapped\":\"Backorder\",\"message\":\"Washers are on backorder\"}"),
                call("WebApplicationException without entity mapped", "GET", "/inventory/failures/recalled", 451,
                        "{\"mapped\":\"Recalled\",\"message\":\"Nuts are recalled\"}"),
                call("exception whose mapper throws", "GET", "/inventory/failures/jammed", 500,
                        "{\"error_code\":500,\"message\":\"The jam mapper jammed too\"}"),
                call("exception no mapper maps", "GET", "/inventory/failures/other", 500,
                        "{\"error_code\":500,\"message\":\"No failure other\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void shouldAnswerAsJaxRsDoes(Case request) throws JsonProcessingException {
        Reply reply = rest.http().send(request.method(), request.path(), request.body(), request.contentType(), request.accept(), request.headers());

        assertThat(reply.status()).as("%s", reply).isEqualTo(request.status());
        String expected = request.expectedBody();
        if (expected == null) {
            assertThat(reply.json().path("error_code").asInt()).as("%s", reply).isEqualTo(request.status());
        } else if (expected.startsWith("{") || expected.startsWith("[")) {
            JsonNode body = ConnectHttp.JSON.readTree(reply.body());
            assertThat(body).as("%s", reply).isEqualTo(ConnectHttp.JSON.readTree(expected));
        } else {
            assertThat(reply.body()).as("%s", reply).isEqualTo(expected);
        }
    }

    @Test
    void shouldAnswerACreationWithItsStatusHeadersAndEntity() {
        Reply created = rest.http().post("/inventory/items", "{\"id\":\"washer\",\"name\":\"Washer\",\"quantity\":100}");

        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).contains(rest.server().url() + "inventory/items/washer");
        assertThat(created.header("X-Item-Count")).contains("3");
        assertThat(created.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(created.json().path("quantity").asInt()).isEqualTo(100);
        assertThat(InventoryResource.ITEMS).containsKey("washer");
    }

    @Test
    void shouldTypeAnAnswerByTheClientsAcceptThenByItsProducesThenByItsEntity() {
        Reply text = rest.http().get("/inventory/cluster/id");
        assertThat(text.body()).isEqualTo("test-cluster");
        assertThat(text.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

        Reply asked = rest.http().send("GET", "/inventory/cluster/id", null, null, "application/json");
        assertThat(asked.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));

        Reply preferred = rest.http().send("GET", "/inventory/items/nut/name", null, null, "application/json;q=0.5, text/plain");
        assertThat(preferred.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));

        Reply declared = rest.http().get("/inventory/items/nut");
        assertThat(declared.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
    }

    @Test
    void shouldWriteTextInTheCharsetItsTypeNames() {
        Reply label = rest.http().send("GET", "/inventory/items/bolt/label", null, null, "text/plain");

        assertThat(label.status()).as("%s", label).isEqualTo(200);
        assertThat(label.header("Content-Type")).hasValueSatisfying(type -> assertThat(type.toLowerCase()).contains("charset=iso-8859-1"));
        assertThat(label.body()).isEqualTo("Bolt \u00e0 5\u00b0");
    }

    @Test
    void shouldMakeAResourceRegisteredAsAClassForEachRequest() {
        int before = InventoryResource.INSTANCES.get();
        rest.http().get("/inventory/items");
        rest.http().get("/inventory/items");

        assertThat(InventoryResource.INSTANCES.get() - before).isEqualTo(2);
    }

    @Test
    void shouldKeepTheHeadersOfAWebApplicationExceptionsResponse() {
        assertThat(rest.http().get("/inventory/teapot").header("X-Teapot")).contains("short");
    }

    @Test
    void shouldAnswerHeadWithGetAndOptionsWithTheAllowedMethods() {
        Reply head = rest.http().send("HEAD", "/inventory/items/bolt", null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.body()).isEmpty();

        Reply options = rest.http().send("OPTIONS", "/inventory/items/bolt", null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("GET, PUT, DELETE, HEAD, OPTIONS");

        assertThat(rest.http().send("OPTIONS", "/inventory/echo", null).header("X-Echo")).contains("text only");
        assertThat(rest.http().delete("/inventory/items").header("Allow")).contains("GET, POST, REPORT, HEAD, OPTIONS");
    }

    @Test
    void shouldChooseThePathBeforeTheMethod() {
        Reply get = rest.http().get("/inventory/items/new");
        assertThat(get.status()).as("%s", get).isEqualTo(405);
        assertThat(get.header("Allow")).contains("POST, OPTIONS");

        Reply head = rest.http().send("HEAD", "/inventory/items/new", null);
        assertThat(head.status()).isEqualTo(405);
        assertThat(head.header("Allow")).contains("POST, OPTIONS");

        Reply options = rest.http().send("OPTIONS", "/inventory/items/new", null);
        assertThat(options.status()).isEqualTo(200);
        assertThat(options.header("Allow")).contains("POST, OPTIONS");

        assertThat(rest.http().delete("/inventory/numbers/21").header("Allow")).contains("GET, HEAD, OPTIONS");
        assertThat(rest.http().get("/inventory/items/bolt").status()).as("the literal template does not match other ids").isEqualTo(200);
    }

    @Test
    void shouldRunTheExtensionsFiltersOnItsResources() {
        assertThat(rest.http().get("/inventory/items").header("X-Inventory")).contains("filtered");

        Reply blocked = rest.http().send("GET", "/inventory/items", null, null, null, "X-Block", "yes");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().path("blocked").asText()).isEqualTo("inventory/items");

        Reply thrown = rest.http().send("GET", "/inventory/items", null, null, null, "X-Block", "throw");
        assertThat(thrown.status()).as("%s", thrown).isEqualTo(403);
        assertThat(thrown.json()).as("Apache's exception mapper answers a filter's exception without entity")
                .isEqualTo(ConnectHttp.JSON.createObjectNode().put("error_code", 403).put("message", "Blocked by X-Block"));
        assertThat(thrown.header("X-Inventory")).contains("filtered");
    }

    @Test
    void shouldSendEachHeaderOnceThroughTheResponseFilters() {
        for (String path : List.of("/inventory/items", "/connectors")) {
            Reply reply = rest.http().get(path);

            assertThat(reply.response().headers().allValues("Date")).as("%s %s", path, reply.response().headers().map()).hasSize(1);
            assertThat(reply.response().headers().allValues("X-Inventory")).as("%s", path).containsExactly("filtered");
        }
    }

    @Test
    void shouldAnswerAMappedExceptionWithTheMappersHeaders() {
        assertThat(rest.http().get("/inventory/failures/backorder").header("X-Mapped-By")).contains("ShortageMapper");
        assertThat(rest.http().get("/inventory/failures/backorder").header("X-Inventory")).as("response filters run on it").contains("filtered");
    }

    @Test
    void shouldMapAFiltersExceptionOnlyWhereAResourceAnswers() {
        Reply resource = rest.http().send("GET", "/inventory/items", null, null, null, "X-Block", "short");
        assertThat(resource.status()).as("%s", resource).isEqualTo(409);
        assertThat(resource.json().path("message").asText()).isEqualTo("Blocked short");
        assertThat(resource.header("X-Inventory")).as("response filters run on it").contains("filtered");

        Reply ferrys = rest.http().send("GET", "/connectors", null, null, null, "X-Block", "short");
        assertThat(ferrys.status()).as("%s", ferrys).isEqualTo(500);
        assertThat(ferrys.json()).isEqualTo(ConnectHttp.JSON.createObjectNode().put("error_code", 500).put("message", "Blocked short"));
    }

    @Test
    void shouldLeaveTheExceptionsOfFerrysRoutesToFerrysErrorMapping() {
        Reply logger = rest.http().get("/admin/loggers/no.such.logger");

        assertThat(logger.status()).as("%s", logger).isEqualTo(404);
        assertThat(logger.json()).as("the extension maps ConnectException, which Ferry's NotFoundException is")
                .isEqualTo(ConnectHttp.JSON.createObjectNode().put("error_code", 404).put("message", "Logger no.such.logger not found."));
    }

    @Test
    void shouldLeaveFerrysRoutesToFerry() {
        Reply connectors = rest.http().get("/connectors");

        assertThat(connectors.status()).isEqualTo(200);
        assertThat(connectors.body()).isEqualTo("[]");
        assertThat(connectors.header("X-Inventory")).as("the extension's filters still run on Ferry's routes").contains("filtered");
        assertThat(rest.http().delete("/connectors").status()).isEqualTo(405);
        assertThat(rest.http().get("/connectors;v=1").body()).as("a path of Ferry's with matrix parameters").doesNotContain("taken");
        assertThat(rest.http().send("HEAD", "/connectors", null).header("X-Taken")).as("a HEAD where Ferry serves GET is not the resource's").isEmpty();
        assertThat(rest.http().get("/no-such-path").status()).isEqualTo(404);
    }
}
