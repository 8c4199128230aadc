package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.create;
import static io.ferry.connect.rest.Connectors.sinkConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RequestTimeoutApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension().customize(builder -> builder.requestTimeout(Duration.ofMillis(300)));

    @Test
    void shouldAnswer500WhenTheHerderDoesNotAnswerInTime() {
        create(rest.http(), "slow");
        rest.herder().stall();

        for (Reply reply : new Reply[] {rest.http().get("/connectors"), rest.http().put("/connectors/slow/pause", null),
                rest.http().post("/connectors/slow/restart", null)}) {
            assertThat(reply.status()).isEqualTo(500);
            assertThat(reply.json().toString()).isEqualTo("{\"error_code\":500,\"message\":\"Request timed out\"}");
        }
    }

    @Test
    void shouldBoundAValidationThatDoesNotReturn() {
        rest.herder().stall();

        long started = System.nanoTime();
        Reply reply = rest.http().put("/connector-plugins/FileStreamSink/config/validate", ConnectHttp.json(sinkConfig()));

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.message()).isEqualTo("Request timed out");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
