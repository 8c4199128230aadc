package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RootApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldDescribeTheServerAtTheRoot() {
        Reply reply = rest.http().get("/");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(reply.json().toString()).isEqualTo("{\"version\":\"0.1.0-test\",\"commit\":\"abcdef\",\"kafka_cluster_id\":\"test-cluster\"}");
    }

    @Test
    void shouldAnswerHealthyWhenTheHerderAnswers() {
        Reply reply = rest.http().get("/health");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo(
                "{\"status\":\"healthy\",\"message\":\"Worker has completed startup and is ready to handle requests.\"}");
    }

    @Test
    void shouldAnswerStartingWhileTheWorkerStarts() {
        rest.herder().ready(false);

        Reply reply = rest.http().get("/health");

        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().toString()).isEqualTo("{\"status\":\"starting\",\"message\":\"Worker is still starting up.\"}");
    }

    @Test
    void shouldAnswerUnhealthyWhenAStartedHerderDoesNotAnswerInTime() {
        rest.herder().stall();

        Reply reply = rest.http().get("/health");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().path("status").asText()).isEqualTo("unhealthy");
        assertThat(reply.message()).isEqualTo("Worker was unable to handle this request and may be unable to handle other requests.");
    }

    @Test
    void shouldServeMetricsAsPrometheusText() {
        Reply reply = rest.http().send("GET", "/metrics", null, null, "text/plain");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).contains(RootRoutes.PROMETHEUS_TEXT);
        assertThat(reply.body()).contains("ferry_up 1.0");
    }
}
