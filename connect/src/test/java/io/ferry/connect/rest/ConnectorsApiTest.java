package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.FILE_SINK;
import static io.ferry.connect.rest.Connectors.create;
import static io.ferry.connect.rest.Connectors.createBody;
import static io.ferry.connect.rest.Connectors.sinkConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorsApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldListNoConnectorsAtFirst() {
        Reply reply = rest.http().get("/connectors");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("[]");
    }

    @Test
    void shouldCreateAConnectorWith201AndItsLocation() {
        Reply reply = rest.http().post("/connectors", createBody("orders-sink", sinkConfig()));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).contains(rest.server().url().resolve("/connectors/orders-sink").toString());
        JsonNode info = reply.json();
        assertThat(info.path("name").asText()).isEqualTo("orders-sink");
        assertThat(info.path("config").path("name").asText()).as("the name is put into the config").isEqualTo("orders-sink");
        assertThat(info.path("config").path("connector.class").asText()).isEqualTo(FILE_SINK);
        assertThat(info.path("tasks").toString()).isEqualTo("[{\"connector\":\"orders-sink\",\"task\":0},{\"connector\":\"orders-sink\",\"task\":1}]");
        assertThat(info.path("type").asText()).isEqualTo("sink");
        assertThat(rest.http().get("/connectors").body()).isEqualTo("[\"orders-sink\"]");
    }

    @Test
    void shouldEncodeTheLocationOfANameWithSpaces() {
        Reply reply = rest.http().post("/connectors", createBody("my sink", sinkConfig()));

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/connectors/my%20sink"));
        assertThat(rest.http().get("/connectors/my%20sink").status()).isEqualTo(200);
    }

    @Test
    void shouldTrimTheNameOfANewConnector() {
        assertThat(rest.http().post("/connectors", createBody("  padded  ", sinkConfig())).json().path("name").asText()).isEqualTo("padded");
    }

    @Test
    void shouldCreateAConnectorInItsInitialState() {
        String body = "{\"name\":\"paused-sink\",\"config\":" + ConnectHttp.json(sinkConfig()) + ",\"initial_state\":\"paused\"}";

        assertThat(rest.http().post("/connectors", body).status()).isEqualTo(201);
        assertThat(rest.http().get("/connectors/paused-sink/status").json().path("connector").path("state").asText()).isEqualTo("PAUSED");
    }

    @Test
    void shouldRefuseANameInTheConfigThatDiffersFromTheRequests() {
        Reply reply = rest.http().post("/connectors", createBody("a", sinkConfig("name", "b")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().toString()).isEqualTo(
                "{\"error_code\":400,\"message\":\"Connector name configuration (b) doesn't match connector name in the URL (a)\"}");
    }

    @Test
    void shouldAnswer409ForANameInUse() {
        create(rest.http(), "twice");

        Reply reply = rest.http().post("/connectors", createBody("twice", sinkConfig()));

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.errorCode()).isEqualTo(409);
        assertThat(reply.message()).isEqualTo("Connector twice already exists");
    }

    @Test
    void shouldAnswer400ForAnInvalidConfig() {
        Reply reply = rest.http().post("/connectors", createBody("bad", sinkConfig("tasks.max", "0")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).startsWith("Connector configuration is invalid and contains the following 1 error(s):")
                .contains("Invalid value 0 for configuration tasks.max: Value must be at least 1");
    }

    @Test
    void shouldShowAConnectorAndItsConfig() {
        create(rest.http(), "shown");

        assertThat(rest.http().get("/connectors/shown").json().path("type").asText()).isEqualTo("sink");
        Reply config = rest.http().get("/connectors/shown/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().path("topics").asText()).isEqualTo("orders");
        assertThat(config.json().path("name").asText()).isEqualTo("shown");
    }

    @Test
    void shouldAnswer404ForAnUnknownConnector() {
        for (String path : new String[] {"/connectors/ghost", "/connectors/ghost/config", "/connectors/ghost/tasks",
                "/connectors/ghost/status", "/connectors/ghost/offsets"}) {
            Reply reply = rest.http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.errorCode()).as(path).isEqualTo(404);
        }
        assertThat(rest.http().get("/connectors/ghost").message()).isEqualTo("Connector ghost not found");
    }

    @Test
    void shouldCreateWithPutThen201AndReplaceThen200() {
        Reply created = rest.http().put("/connectors/put-made/config", ConnectHttp.json(sinkConfig()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/connectors/put-made"));

        Reply replaced = rest.http().put("/connectors/put-made/config", ConnectHttp.json(sinkConfig("topics", "invoices")));
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.header("Location")).isEmpty();
        assertThat(replaced.json().path("config").path("topics").asText()).isEqualTo("invoices");
    }

    @Test
    void shouldRefuseAPutWhoseConfigNamesAnotherConnector() {
        Reply reply = rest.http().put("/connectors/x/config", ConnectHttp.json(sinkConfig("name", "y")));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Connector name configuration (y) doesn't match connector name in the URL (x)");
    }

    @Test
    void shouldPatchAConfigRemovingNullKeys() {
        create(rest.http(), "patched");

        Reply reply = rest.http().patch("/connectors/patched/config", "{\"topics\":\"invoices\",\"file\":null}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("config").path("topics").asText()).isEqualTo("invoices");
        assertThat(reply.json().path("config").has("file")).isFalse();
    }

    @Test
    void shouldDeleteAConnectorWith204() {
        create(rest.http(), "doomed");

        Reply reply = rest.http().delete("/connectors/doomed");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(rest.http().get("/connectors/doomed").status()).isEqualTo(404);
        assertThat(rest.http().delete("/connectors/doomed").status()).isEqualTo(404);
    }

    @Test
    void shouldListTaskConfigs() {
        create(rest.http(), "tasked");

        JsonNode tasks = rest.http().get("/connectors/tasked/tasks").json();

        assertThat(tasks).hasSize(2);
        assertThat(tasks.get(1).path("id").toString()).isEqualTo("{\"connector\":\"tasked\",\"task\":1}");
        assertThat(tasks.get(1).path("config").path("task.index").asText()).isEqualTo("1");
    }

    @Test
    void shouldExpandStatusAndInfoByConnector() {
        create(rest.http(), "a");
        create(rest.http(), "b");

        JsonNode both = rest.http().get("/connectors?expand=status&expand=info").json();
        assertThat(both.size()).isEqualTo(2);
        assertThat(both.path("a").path("status").path("connector").path("state").asText()).isEqualTo("RUNNING");
        assertThat(both.path("b").path("info").path("config").path("name").asText()).isEqualTo("b");

        JsonNode status = rest.http().get("/connectors?expand=status").json();
        assertThat(status.path("a").has("status")).isTrue();
        assertThat(status.path("a").has("info")).isFalse();

        JsonNode info = rest.http().get("/connectors?expand=info").json();
        assertThat(info.path("a").has("info")).isTrue();
        assertThat(info.path("a").has("status")).isFalse();
    }

    @Test
    void shouldIgnoreAnUnknownExpansion() {
        create(rest.http(), "a");

        Reply reply = rest.http().get("/connectors?expand=everything");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"a\":{}}");
    }

    @Test
    void shouldAcceptTrailingSlashes() {
        create(rest.http(), "slashed");

        assertThat(rest.http().get("/connectors/").body()).isEqualTo("[\"slashed\"]");
        assertThat(rest.http().get("/connectors/slashed/config/").status()).isEqualTo(200);
    }

    @Test
    void shouldKeepConfigValuesThatAreJsonNumbersAsText() {
        Reply reply = rest.http().post("/connectors", "{\"name\":\"n\",\"config\":{\"connector.class\":\"" + FILE_SINK
                + "\",\"tasks.max\":1,\"topics\":\"t\"}}");

        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().path("config").path("tasks.max").isTextual()).isTrue();
        assertThat(Map.of("tasks.max", reply.json().path("config").path("tasks.max").asText())).containsEntry("tasks.max", "1");
    }
}
