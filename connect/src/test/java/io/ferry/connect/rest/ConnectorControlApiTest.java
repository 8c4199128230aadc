package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.create;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.ferry.connect.herder.ConnectorStatus;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.herder.TaskStatus;
import io.ferry.connect.model.ConnectorType;
import io.ferry.connect.model.State;
import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ConnectorControlApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldShowAStatusAsApacheDoes() {
        create(rest.http(), "s");

        Reply reply = rest.http().get("/connectors/s/status");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"name\":\"s\","
                + "\"connector\":{\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\",\"version\":\"4.3.1\"},"
                + "\"tasks\":[{\"id\":0,\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\",\"version\":\"4.3.1\"},"
                + "{\"id\":1,\"state\":\"RUNNING\",\"worker_id\":\"127.0.0.1:8083\",\"version\":\"4.3.1\"}],"
                + "\"type\":\"sink\"}");
    }

    @Test
    void shouldShowTheTraceOfAFailureAndFerrysPlannedRetry() {
        rest.herder().status(new ConnectorStatus("f", StateInfo.of(State.RUNNING, "w1"), List.of(
                new TaskStatus(0, new StateInfo(State.FAILED, "w1", "java.lang.IllegalStateException: boom\n\tat x", null,
                        new StateInfo.Retry(Instant.parse("2026-03-01T10:00:05Z"), 2)))), ConnectorType.SOURCE));

        JsonNode task = rest.http().get("/connectors/f/tasks/0/status").json();

        assertThat(task.toString()).isEqualTo("{\"id\":0,\"state\":\"FAILED\",\"worker_id\":\"w1\","
                + "\"trace\":\"java.lang.IllegalStateException: boom\\n\\tat x\",\"version\":null,"
                + "\"retry\":{\"at\":\"2026-03-01T10:00:05Z\",\"attempt\":2}}");
        JsonNode connector = rest.http().get("/connectors/f/status").json().path("connector");
        assertThat(connector.has("trace")).as("no trace without a failure").isFalse();
        assertThat(connector.has("retry")).as("no retry unless planned").isFalse();
    }

    @Test
    void shouldAnswer404ForAnUnknownOrMalformedTask() {
        create(rest.http(), "t");

        Reply unknown = rest.http().get("/connectors/t/tasks/7/status");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.message()).isEqualTo("No status found for task t-7");

        Reply malformed = rest.http().get("/connectors/t/tasks/first/status");
        assertThat(malformed.status()).isEqualTo(404);
        assertThat(malformed.json().toString()).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
    }

    @Test
    void shouldRestartOnlyTheConnectorWith204() {
        create(rest.http(), "r");

        Reply reply = rest.http().post("/connectors/r/restart", null);

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
    }

    @Test
    void shouldRestartWithTasksWith202AndTheStatusBeingRestarted() {
        create(rest.http(), "r");

        Reply reply = rest.http().post("/connectors/r/restart?includeTasks=true", null);

        assertThat(reply.status()).isEqualTo(202);
        JsonNode status = reply.json();
        assertThat(status.path("connector").path("state").asText()).isEqualTo("RESTARTING");
        assertThat(status.path("tasks").findValuesAsText("state")).containsExactly("RESTARTING", "RESTARTING");
    }

    @Test
    void shouldRestartOnlyFailedInstances() {
        rest.herder().status(new ConnectorStatus("half", StateInfo.of(State.RUNNING, "w1"), List.of(
                new TaskStatus(0, StateInfo.of(State.RUNNING, "w1")), new TaskStatus(1, StateInfo.of(State.FAILED, "w1"))),
                ConnectorType.SINK));

        Reply reply = rest.http().post("/connectors/half/restart?includeTasks=true&onlyFailed=true", null);

        assertThat(reply.status()).isEqualTo(202);
        assertThat(reply.json().path("connector").path("state").asText()).isEqualTo("RUNNING");
        assertThat(reply.json().path("tasks").findValuesAsText("state")).containsExactly("RUNNING", "RESTARTING");
    }

    @Test
    void shouldAnswer202ForOnlyFailedWithoutTasks() {
        create(rest.http(), "r");

        assertThat(rest.http().post("/connectors/r/restart?onlyFailed=true", null).status()).isEqualTo(202);
    }

    @Test
    void shouldPauseAndResumeWith202() {
        create(rest.http(), "p");

        Reply paused = rest.http().put("/connectors/p/pause", null);
        assertThat(paused.status()).isEqualTo(202);
        assertThat(paused.body()).isEmpty();
        assertThat(rest.http().get("/connectors/p/status").json().path("connector").path("state").asText()).isEqualTo("PAUSED");

        assertThat(rest.http().put("/connectors/p/resume", null).status()).isEqualTo(202);
        assertThat(rest.http().get("/connectors/p/status").json().path("connector").path("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void shouldStopWith204() {
        create(rest.http(), "st");

        assertThat(rest.http().put("/connectors/st/stop", null).status()).isEqualTo(204);
        JsonNode status = rest.http().get("/connectors/st/status").json();
        assertThat(status.path("connector").path("state").asText()).isEqualTo("STOPPED");
        assertThat(status.path("tasks")).isEmpty();
    }

    @Test
    void shouldAnswer404WhenControllingAnUnknownConnector() {
        assertThat(rest.http().put("/connectors/ghost/pause", null).status()).isEqualTo(404);
        assertThat(rest.http().put("/connectors/ghost/stop", null).status()).isEqualTo(404);
        assertThat(rest.http().post("/connectors/ghost/restart", null).status()).isEqualTo(404);
    }

    @Test
    void shouldRestartATaskWith204() {
        create(rest.http(), "t");

        assertThat(rest.http().post("/connectors/t/tasks/1/restart", null).status()).isEqualTo(204);
        assertThat(rest.http().post("/connectors/t/tasks/9/restart", null).status()).isEqualTo(404);
    }

    @Test
    void shouldShowAndResetTheTopicsAConnectorUsed() {
        create(rest.http(), "tt");
        rest.herder().usedTopics("tt", "orders", "audit");

        Reply topics = rest.http().get("/connectors/tt/topics");
        assertThat(topics.status()).isEqualTo(200);
        assertThat(topics.json().toString()).isEqualTo("{\"tt\":{\"topics\":[\"audit\",\"orders\"]}}");

        assertThat(rest.http().put("/connectors/tt/topics/reset", null).status()).isEqualTo(202);
        assertThat(rest.http().get("/connectors/tt/topics").json().toString()).isEqualTo("{\"tt\":{\"topics\":[]}}");
    }
}
