package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.FILE_SINK;
import static io.ferry.connect.rest.Connectors.FILE_SOURCE;
import static io.ferry.connect.rest.Connectors.sinkConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class PluginsApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldListOnlyConnectorsByDefaultSinksFirst() {
        JsonNode plugins = rest.http().get("/connector-plugins").json();

        assertThat(plugins.findValuesAsText("type")).containsOnly("sink", "source");
        assertThat(plugins.findValuesAsText("class")).contains(FILE_SINK, FILE_SOURCE);
        List<String> types = plugins.findValuesAsText("type");
        assertThat(types.lastIndexOf("sink")).isLessThan(types.indexOf("source"));
        JsonNode sink = plugins.get(plugins.findValuesAsText("class").indexOf(FILE_SINK));
        assertThat(sink.fieldNames()).toIterable().containsExactly("class", "type", "version");
        assertThat(sink.path("version").asText()).isEqualTo("4.3.1");
    }

    @Test
    void shouldListEveryKindButProvidersAndPoliciesWhenAsked() {
        JsonNode plugins = rest.http().get("/connector-plugins?connectorsOnly=false").json();

        assertThat(plugins.findValuesAsText("type")).contains("sink", "source", "transformation", "predicate", "converter", "header_converter")
                .doesNotContain("config_provider", "connector_client_config_override_policy");
        assertThat(plugins.findValuesAsText("class")).contains("org.apache.kafka.connect.transforms.InsertField$Value",
                "org.apache.kafka.connect.json.JsonConverter");
    }

    @Test
    void shouldShowAPluginsSettings() {
        Reply reply = rest.http().get("/connector-plugins/FileStreamSink/config");

        assertThat(reply.status()).isEqualTo(200);
        JsonNode first = reply.json().get(0);
        assertThat(first.path("name").asText()).isEqualTo("file");
        assertThat(first.fieldNames()).toIterable().containsExactlyInAnyOrder("name", "type", "required", "default_value",
                "importance", "documentation", "group", "width", "display_name", "dependents", "order");
        assertThat(reply.json().findValuesAsText("name")).contains("tasks.max", "topics");
    }

    @Test
    void shouldAnswer404ForAnUnknownPlugin() {
        Reply reply = rest.http().get("/connector-plugins/com.example.Nothing/config");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Unknown plugin com.example.Nothing.");
    }

    @Test
    void shouldValidateAGoodConfigWithoutErrors() {
        Map<String, String> config = sinkConfig("name", "v");

        Reply reply = rest.http().put("/connector-plugins/FileStreamSinkConnector/config/validate", ConnectHttp.json(config));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode infos = reply.json();
        assertThat(infos.path("name").asText()).isEqualTo(FILE_SINK);
        assertThat(infos.path("error_count").asInt()).isZero();
        assertThat(infos.path("groups").get(0).asText()).isEqualTo("Common");
        JsonNode entry = infos.path("configs").get(0);
        assertThat(entry.fieldNames()).toIterable().containsExactly("definition", "value");
        assertThat(entry.path("value").fieldNames()).toIterable()
                .containsExactly("name", "value", "recommended_values", "errors", "visible");
    }

    @Test
    void shouldValidateABadConfigWithPerKeyErrors() {
        Reply reply = rest.http().put("/connector-plugins/FileStreamSink/config/validate",
                ConnectHttp.json(sinkConfig("name", "v", "tasks.max", "0", "topics.regex", "x.*")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("error_count").asInt()).isEqualTo(3);
        JsonNode tasksMax = entry(reply.json(), "tasks.max");
        assertThat(tasksMax.path("value").path("errors").get(0).asText())
                .isEqualTo("Invalid value 0 for configuration tasks.max: Value must be at least 1");
        assertThat(tasksMax.path("definition").path("group").asText()).isEqualTo("Common");
    }

    @Test
    void shouldRefuseAConnectorClassThatIsNotThePluginOfThePath() {
        Reply reply = rest.http().put("/connector-plugins/FileStreamSource/config/validate", ConnectHttp.json(sinkConfig()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Included connector type " + FILE_SINK + " does not match request type FileStreamSource");
    }

    @Test
    void shouldRefuseAValidationWithoutConnectorClass() {
        Reply reply = rest.http().put("/connector-plugins/FileStreamSink/config/validate", "{\"topics\":\"t\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Connector config {topics=t} contains no connector type");
    }

    private static JsonNode entry(JsonNode infos, String name) {
        for (JsonNode entry : infos.path("configs")) {
            if (entry.path("value").path("name").asText().equals(name)) {
                return entry;
            }
        }
        throw new AssertionError(name + " is not in " + infos);
    }
}
