package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicTrackingOffApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension().customize(builder -> builder.topicTracking(false, false));

    @Test
    void shouldAnswer403WhenTopicTrackingIsOff() {
        Reply topics = rest.http().get("/connectors/any/topics");
        assertThat(topics.status()).isEqualTo(403);
        assertThat(topics.json().toString()).isEqualTo("{\"error_code\":403,\"message\":\"Topic tracking is disabled.\"}");

        assertThat(rest.http().put("/connectors/any/topics/reset", null).message()).isEqualTo("Topic tracking is disabled.");
    }
}
