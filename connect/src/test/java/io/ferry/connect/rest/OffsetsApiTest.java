package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OffsetsApiTest {
    private static final String ALTER = "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"orders\",\"kafka_partition\":0},"
            + "\"offset\":{\"kafka_offset\":42}}]}";

    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldShowNoOffsetsOfANewConnector() {
        create(rest.http(), "o");

        Reply reply = rest.http().get("/connectors/o/offsets");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"offsets\":[]}");
    }

    @Test
    void shouldAlterTheOffsetsOfAStoppedConnector() {
        create(rest.http(), "o");
        rest.http().put("/connectors/o/stop", null);

        Reply reply = rest.http().patch("/connectors/o/offsets", ALTER);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().toString()).isEqualTo("{\"message\":\"The offsets for this connector have been altered successfully\"}");
        assertThat(rest.http().get("/connectors/o/offsets").json().toString()).isEqualTo(
                "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"orders\",\"kafka_partition\":0},\"offset\":{\"kafka_offset\":42}}]}");
    }

    @Test
    void shouldRemoveAPartitionWhoseOffsetIsNull() {
        create(rest.http(), "o");
        rest.http().put("/connectors/o/stop", null);
        rest.http().patch("/connectors/o/offsets", ALTER);

        rest.http().patch("/connectors/o/offsets", "{\"offsets\":[{\"partition\":{\"kafka_topic\":\"orders\",\"kafka_partition\":0},\"offset\":null}]}");

        assertThat(rest.http().get("/connectors/o/offsets").body()).isEqualTo("{\"offsets\":[]}");
    }

    @Test
    void shouldRefuseAnAlterationWithoutOffsets() {
        create(rest.http(), "o");

        for (String body : new String[] {"{\"offsets\":[]}", "{}"}) {
            Reply reply = rest.http().patch("/connectors/o/offsets", body);
            assertThat(reply.status()).as(body).isEqualTo(400);
            assertThat(reply.message()).isEqualTo("Partitions / offsets need to be provided for an alter offsets request");
        }
    }

    @Test
    void shouldPassOnTheHerdersRefusalOfARunningConnector() {
        create(rest.http(), "o");

        Reply reply = rest.http().patch("/connectors/o/offsets", ALTER);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.message()).startsWith("Connectors must be in the STOPPED state");
    }

    @Test
    void shouldResetTheOffsetsOfAStoppedConnector() {
        create(rest.http(), "o");
        rest.http().put("/connectors/o/stop", null);

        Reply reply = rest.http().delete("/connectors/o/offsets");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.message()).isEqualTo("The offsets for this connector have been reset successfully");
    }
}
