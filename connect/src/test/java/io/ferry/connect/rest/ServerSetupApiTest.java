package io.ferry.connect.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import io.ferry.connect.rest.ConnectHttp.Reply;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ServerSetupApiTest {
    @RegisterExtension
    final RestServerExtension rest = new RestServerExtension()
            .worker("listeners", "http://127.0.0.1:0,http://localhost:0")
            .worker("rest.advertised.host.name", "connect-1.example.com")
            .worker("access.control.allow.origin", "http://console.example.com")
            .worker("access.control.allow.methods", "GET,PUT,DELETE");

    @Test
    void shouldServeOnEveryListener() {
        assertThat(rest.server().urls()).hasSize(2);
        for (URI url : rest.server().urls()) {
            assertThat(new ConnectHttp(url).get("/").status()).as(url.toString()).isEqualTo(200);
        }
        assertThat(rest.server().urls().get(1).getHost()).isEqualTo("localhost");
    }

    @Test
    void shouldAdvertiseTheConfiguredHostWithTheBoundPort() {
        URI advertised = rest.server().advertisedUrl();

        assertThat(advertised.getHost()).isEqualTo("connect-1.example.com");
        assertThat(advertised.getPort()).isEqualTo(rest.server().url().getPort());
        assertThat(advertised.getPath()).isEqualTo("/");
    }

    @Test
    void shouldAllowTheConfiguredOrigin() {
        Reply reply = rest.http().send("GET", "/connectors", null, null, null, "Origin", "http://console.example.com");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).contains("http://console.example.com");
    }

    @Test
    void shouldNotAllowAnotherOrigin() {
        Reply reply = rest.http().send("GET", "/connectors", null, null, null, "Origin", "http://elsewhere.example.com");

        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void shouldAnswerAPreflightWithTheConfiguredMethods() {
        Reply reply = rest.http().send("OPTIONS", "/connectors/x", null, null, null,
                "Origin", "http://console.example.com", "Access-Control-Request-Method", "DELETE");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).contains("http://console.example.com");
        assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET,PUT,DELETE");
    }

    @Test
    void shouldNotAllowAMethodOutsideTheConfiguredOnes() {
        Reply reply = rest.http().send("OPTIONS", "/connectors", null, null, null,
                "Origin", "http://console.example.com", "Access-Control-Request-Method", "POST");

        assertThat(reply.header("Access-Control-Allow-Methods")).isEmpty();
    }
}
