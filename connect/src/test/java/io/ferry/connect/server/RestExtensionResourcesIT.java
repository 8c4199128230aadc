package io.ferry.connect.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.ferry.connect.rest.ConnectHttp;
import io.ferry.connect.rest.ConnectHttp.Reply;
import io.ferry.connect.testplugins.InventoryResource;
import io.ferry.connect.testplugins.InventoryResource.Item;
import io.ferry.testkit.FerryCluster;
import io.ferry.testkit.FerryClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A REST extension that adds endpoints ({@code InventoryRestExtension}, from the classpath) on a real
 * distributed worker, driven over HTTP as a client would: its JAX-RS resources answer GET, POST with a
 * JSON entity, path and query parameters, Responses and exceptions; its filters run on them as on
 * Ferry's routes; Ferry's own {@code /connectors} keeps answering from Ferry, and the extension's
 * resources see the connectors Ferry runs.
 */
class RestExtensionResourcesIT {
    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final FerryClusterExtension KAFKA = FerryClusterExtension.singleBroker();

    private static DistributedConnect worker;
    private static ConnectHttp http;

    @BeforeAll
    static void startWorker() {
        FerryCluster cluster = KAFKA.cluster();
        Map<String, String> settings = WorkerFixture.distributedSettings(cluster, cluster.uniqueTopicName("inventory"), "inventory-worker");
        settings.put("rest.extension.classes", "InventoryRestExtension");
        worker = DistributedConnect.start(settings, "test");
        http = new ConnectHttp(worker.restUrl());
    }

    @AfterAll
    static void stopWorker() {
        worker.close();
    }

    @BeforeEach
    void stock() {
        InventoryResource.ITEMS.clear();
        InventoryResource.ITEMS.put("bolt", new Item("bolt", "Bolt", 5));
    }

    @Test
    void shouldServeTheResourcesGetAndPostWithParametersAndJsonEntities() {
        Reply created = http.post("/inventory/items", ConnectHttp.json(Map.of("id", "washer", "name", "Washer", "quantity", 100)));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.header("Location")).contains(http.base() + "inventory/items/washer");
        assertThat(created.header("X-Item-Count")).contains("2");
        assertThat(created.json().path("name").asText()).isEqualTo("Washer");

        Reply one = http.get("/inventory/items/washer");
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(one.json().path("quantity").asInt()).isEqualTo(100);

        Reply filtered = http.get("/inventory/items?prefix=w&limit=1");
        assertThat(filtered.status()).isEqualTo(200);
        assertThat(filtered.body()).isEqualTo("[{\"id\":\"washer\",\"name\":\"Washer\",\"quantity\":100}]");

        Reply name = http.send("GET", "/inventory/items/bolt/name", null, null, "text/plain");
        assertThat(name.body()).isEqualTo("Bolt");
        assertThat(name.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
    }

    @Test
    void shouldAnswerTheResourcesExceptionsAsApacheKafkaConnectDoes() {
        Reply missing = http.get("/inventory/items/rivet");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("error_code").asInt()).isEqualTo(404);
        assertThat(missing.message()).isEqualTo("No item rivet");

        Reply failed = http.get("/inventory/fire");
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error_code\":500,\"message\":\"The inventory is on fire\"}");

        Reply teapot = http.get("/inventory/teapot");
        assertThat(teapot.status()).isEqualTo(418);
        assertThat(teapot.header("X-Teapot")).contains("short");
        assertThat(teapot.json().path("teapot").asBoolean()).isTrue();

        assertThat(http.send("PUT", "/inventory/items/bolt", "bolt", "text/plain", null).status()).isEqualTo(415);
        assertThat(http.send("POST", "/inventory/echo", "x", "text/plain", "application/json").status()).isEqualTo(406);
        assertThat(http.delete("/inventory/items").status()).isEqualTo(405);
    }

    @Test
    void shouldRunTheExtensionsFiltersOnItsResourcesAndOnFerrysRoutes() {
        assertThat(http.get("/inventory/items").header("X-Inventory")).contains("filtered");
        assertThat(http.get("/connectors").header("X-Inventory")).contains("filtered");

        Reply blocked = http.send("POST", "/inventory/items", ConnectHttp.json(Map.of("id", "nail", "name", "Nail", "quantity", 1)),
                "application/json", null, "X-Block", "yes");
        assertThat(blocked.status()).isEqualTo(403);
        assertThat(blocked.json().path("blocked").asText()).isEqualTo("inventory/items");
        assertThat(InventoryResource.ITEMS).as("the resource did not run").doesNotContainKey("nail");
    }

    @Test
    void shouldKeepFerrysConnectorsRouteAndShowItsConnectorsToTheResources() {
        FerryCluster cluster = KAFKA.cluster();
        String topic = cluster.uniqueTopicName("inventory-source");
        cluster.createTopic(topic, 1);
        String body = ConnectHttp.json(Map.of("name", "stocktake", "config", Map.of("connector.class", "SequenceSource",
                "tasks.max", "1", "topic", topic, "records.per.partition", "5")));
        assertThat(http.post("/connectors", body).status()).isEqualTo(201);

        await().atMost(WAIT).untilAsserted(() -> {
            Reply listed = http.get("/connectors");
            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.body()).as("Ferry answers, not the extension's GET /connectors").isEqualTo("[\"stocktake\"]");
        });
        await().atMost(WAIT).untilAsserted(() -> {
            Reply health = http.get("/inventory/cluster/connectors/stocktake");
            assertThat(health.status()).as("%s", health).isEqualTo(200);
            assertThat(health.json().path("state").asText()).as("%s", health).isEqualTo("RUNNING");
            assertThat(health.json().path("tasks").asInt()).as("%s", health).isEqualTo(1);
        });
        assertThat(http.get("/inventory/cluster/connectors").body()).isEqualTo("[\"stocktake\"]");
        assertThat(http.delete("/connectors/stocktake").status()).isEqualTo(204);
    }
}
