package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class LoggersApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldListTheLoggersWithALevel() {
        Reply reply = rest.http().get("/admin/loggers");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"io.ferry.connect.worker.Worker\":{\"level\":\"WARN\",\"last_modified\":null},"
                + "\"root\":{\"level\":\"INFO\",\"last_modified\":null}}");
    }

    @Test
    void shouldShowOneLogger() {
        assertThat(rest.http().get("/admin/loggers/root").json().toString()).isEqualTo("{\"level\":\"INFO\",\"last_modified\":null}");
        assertThat(rest.http().get("/admin/loggers/io.ferry.connect").json().path("level").asText()).as("inherited").isEqualTo("INFO");
    }

    @Test
    void shouldAnswer404ForAnUnknownLogger() {
        Reply reply = rest.http().get("/admin/loggers/com.example.Nobody");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("Logger com.example.Nobody not found.");
    }

    @Test
    void shouldSetALevelOnThisWorkerAndListTheLoggersSet() {
        Reply reply = rest.http().put("/admin/loggers/io.ferry.connect", "{\"level\":\"DEBUG\"}");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("[\"io.ferry.connect\",\"io.ferry.connect.worker\",\"io.ferry.connect.worker.Worker\"]");
        assertThat(rest.http().get("/admin/loggers/io.ferry.connect").json().toString())
                .isEqualTo("{\"level\":\"DEBUG\",\"last_modified\":" + RestServerExtension.NOW.toEpochMilli() + "}");
        assertThat(rest.logging().getLogger("io.ferry.connect.worker.Worker").getEffectiveLevel().toString()).isEqualTo("DEBUG");
    }

    @Test
    void shouldTakeAnUnknownScopeAsTheWorker() {
        assertThat(rest.http().put("/admin/loggers/io.ferry?scope=galaxy", "{\"level\":\"ERROR\"}").status()).isEqualTo(200);
        assertThat(rest.clusterLevelRequests).isEmpty();
    }

    @Test
    void shouldSetALevelOnTheClusterWith204() {
        Reply reply = rest.http().put("/admin/loggers/io.ferry?scope=cluster", "{\"level\":\"TRACE\"}");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(rest.clusterLevelRequests).containsExactly("io.ferry=TRACE");
    }

    @Test
    void shouldAnswer400WithoutALevel() {
        Reply reply = rest.http().put("/admin/loggers/io.ferry", "{\"lvl\":\"DEBUG\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).isEqualTo("Desired 'level' parameter was not specified in request.");
    }

    @Test
    void shouldAnswer404ForAnUnknownLevel() {
        Reply reply = rest.http().put("/admin/loggers/io.ferry", "{\"level\":\"LOUD\"}");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.message()).isEqualTo("invalid log level 'LOUD'.");
    }
}
