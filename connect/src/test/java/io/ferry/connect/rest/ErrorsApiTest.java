package io.ferry.connect.rest;

import static io.ferry.connect.rest.Connectors.FILE_SINK;
import static io.ferry.connect.rest.Connectors.create;
import static org.assertj.core.api.Assertions.assertThat;

import io.ferry.connect.herder.ConflictException;
import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ErrorsApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension();

    @Test
    void shouldAnswer404ForAnUnknownPath() {
        for (String path : new String[] {"/nothing", "/connectors/a/b/c/d", "/admin"}) {
            Reply reply = rest.http().get(path);
            assertThat(reply.status()).as(path).isEqualTo(404);
            assertThat(reply.json().toString()).as(path).isEqualTo("{\"error_code\":404,\"message\":\"HTTP 404 Not Found\"}");
        }
    }

    @Test
    void shouldAnswer405ForAWrongMethod() {
        Reply reply = rest.http().send("DELETE", "/connector-plugins", null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.json().toString()).isEqualTo("{\"error_code\":405,\"message\":\"HTTP 405 Method Not Allowed\"}");
        assertThat(rest.http().post("/connectors/x/pause", "{}").status()).isEqualTo(405);
    }

    @Test
    void shouldAnswer500WithTheParsersMessageForMalformedJson() {
        Reply reply = rest.http().post("/connectors", "{\"name\": \"x\", \"config\": {");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.errorCode()).isEqualTo(500);
        assertThat(reply.message()).startsWith("Unexpected end-of-input").contains("line: 1, column: ");
    }

    @Test
    void shouldAnswer500ForValuesOfTheWrongType() {
        Reply nested = rest.http().put("/connectors/x/config", "{\"connector.class\":{\"nested\":true}}");
        assertThat(nested.status()).isEqualTo(500);
        assertThat(nested.message()).startsWith("Cannot deserialize value of type `java.lang.String` from Object value");

        Reply array = rest.http().post("/connectors", "[1,2]");
        assertThat(array.status()).isEqualTo(500);
        assertThat(array.message()).startsWith("Cannot deserialize value of type");
    }

    @Test
    void shouldAnswer500ForAnUnknownField() {
        Reply reply = rest.http().post("/connectors", "{\"name\":\"x\",\"config\":{\"connector.class\":\"" + FILE_SINK + "\"},\"intial_state\":\"PAUSED\"}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.message()).startsWith("Unrecognized field \"intial_state\"");
    }

    @Test
    void shouldAnswer500ForAnUnknownInitialState() {
        Reply reply = rest.http().post("/connectors", "{\"name\":\"x\",\"config\":{},\"initial_state\":\"SLEEPING\"}");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.message()).contains("SLEEPING");
    }

    @Test
    void shouldAnswer500ForAMissingBody() {
        assertThat(rest.http().send("POST", "/connectors", null, "application/json", null).status()).isEqualTo(500);
        assertThat(rest.http().put("/connectors/x/config", "null").status()).isEqualTo(500);
        assertThat(rest.http().post("/connectors", "{\"name\":\"x\"}").status()).isEqualTo(500);
    }

    @Test
    void shouldAnswer415ForABodyThatIsNotJson() {
        Reply reply = rest.http().send("POST", "/connectors", "name=x", "application/x-www-form-urlencoded", null);

        assertThat(reply.status()).isEqualTo(415);
        assertThat(reply.json().toString()).isEqualTo("{\"error_code\":415,\"message\":\"HTTP 415 Unsupported Media Type\"}");
        assertThat(rest.http().send("POST", "/connectors", "{}", "application/json; charset=utf-8", null).status())
                .as("JSON with a charset").isNotEqualTo(415);
    }

    @Test
    void shouldAnswer406ToAClientThatAcceptsNoJson() {
        Reply reply = rest.http().send("GET", "/connectors", null, null, "text/html");

        assertThat(reply.status()).isEqualTo(406);
        assertThat(reply.message()).isEqualTo("HTTP 406 Not Acceptable");
        assertThat(rest.http().send("GET", "/connectors", null, null, "text/html, application/*;q=0.5").status()).isEqualTo(200);
    }

    @Test
    void shouldAnswer409WhenTheWorkerCannotDecideNow() {
        rest.herder().failWith(new ConflictException("Cannot complete request momentarily due to stale configuration"));

        Reply reply = rest.http().get("/connectors");

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.json().toString()).isEqualTo(
                "{\"error_code\":409,\"message\":\"Cannot complete request momentarily due to stale configuration\"}");
    }

    @Test
    void shouldAnswer500WithTheMessageOfAnUnexpectedFailure() {
        rest.herder().failWith(new IllegalStateException("the disk is full"));

        Reply reply = rest.http().delete("/connectors/x");

        assertThat(reply.status()).isEqualTo(500);
        assertThat(reply.json().toString()).isEqualTo("{\"error_code\":500,\"message\":\"the disk is full\"}");
    }
}
